/**
 * Loads a target's handlebars templates once: strict, no HTML escaping, only the helpers we register. The CLI
 * bundle carries them precompiled (precompiled-templates.ts); from the source tree they are compiled here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { packageRoot } from '../package-root.js';
import { precompiledTemplates, type PrecompiledTemplates } from './precompiled-templates.js';

/** How every template is compiled (scripts/bundle.mjs precompiles with the same options). */
export const COMPILE_OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: true } as const;

const cache = new Map<string, Handlebars.TemplateDelegate>();
/** Templates that are whole files; every other template is a partial. */
const ENTRIES = new Set(['index.ts.hbs', 'checks.ts.hbs']);
const partialName = (file: string): string => file.replace(/\..*$/, '');

/** A target's file template (`index.ts.hbs`, ...), with the other `*.hbs` in its folder as partials named after the file. */
export function template(target: string, entry = 'index.ts'): Handlebars.TemplateDelegate {
  const key = `${target}/${entry}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = precompiledTemplates ? fromPrecompiled(precompiledTemplates, target, entry) : compile(target, entry);
    cache.set(key, compiled);
  }
  return compiled;
}

function fromPrecompiled(precompiled: PrecompiledTemplates, target: string, entry: string): Handlebars.TemplateDelegate {
  const files = precompiled.targets[target];
  const main = files?.[`${entry}.hbs`];
  if (!files || !main) throw new Error(`internal: no precompiled template ${target}/${entry}.hbs`);
  const hb = precompiled.runtime.create();
  for (const [file, spec] of Object.entries(files)) if (!ENTRIES.has(file)) hb.registerPartial(partialName(file), hb.template(spec));
  return hb.template(main);
}

function compile(target: string, entry: string): Handlebars.TemplateDelegate {
  // The Handlebars compiler, required here only: the bundle, which never comes here, does not carry it
  const compiler = createRequire(import.meta.url)('handlebars') as typeof Handlebars;
  const hb = compiler.create();
  const dir = join(packageRoot(), 'templates', target);
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.hbs') && !ENTRIES.has(file)) hb.registerPartial(partialName(file), readFileSync(join(dir, file), 'utf8'));
  }
  return hb.compile(readFileSync(join(dir, `${entry}.hbs`), 'utf8'), COMPILE_OPTIONS);
}
