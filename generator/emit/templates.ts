/**
 * Loads a target's handlebars templates once: strict, no HTML escaping, only the helpers we register. A target's
 * templates are the `.hbs` files of `templates/<target>/` and of `templates/shared/` (the target's own win), each
 * registered as a partial named after its file (up to the first dot); an entry (`index.ts`) is looked up the same
 * way. Other files in `templates/<target>/` are static: emitted as they are (`staticFile`).
 * The CLI bundle carries all of it precompiled (precompiled-templates.ts); from the source tree it is read here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { packageRoot } from '../package-root.js';
import { precompiledTemplates, type PrecompiledTemplates } from './precompiled-templates.js';

/** How every template is compiled (scripts/bundle.mjs precompiles with the same options). */
export const COMPILE_OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: true } as const;

/** The folder of templates every target shares. */
export const SHARED = 'shared';

const cache = new Map<string, Handlebars.TemplateDelegate>();
const partialName = (file: string): string => file.replace(/\..*$/, '');

/** A target's file template (`index.ts.hbs`, ...), from its own folder or the shared one. */
export function template(target: string, entry = 'index.ts'): Handlebars.TemplateDelegate {
  const key = `${target}/${entry}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = precompiledTemplates ? fromPrecompiled(precompiledTemplates, target, entry) : compile(target, entry);
    cache.set(key, compiled);
  }
  return compiled;
}

/** A file of `templates/<target>/` that is not a template, as it is. */
export function staticFile(target: string, name: string): string {
  const text = precompiledTemplates
    ? precompiledTemplates.statics[target]?.[name]
    : readFileSync(join(packageRoot(), 'templates', target, name), 'utf8');
  if (text === undefined) throw new Error(`internal: no static file ${target}/${name}`);
  return text;
}

/** The folders a target's templates come from, later ones winning. */
const foldersOf = (target: string): string[] => (target === SHARED ? [SHARED] : [SHARED, target]);

function fromPrecompiled(
  precompiled: PrecompiledTemplates,
  target: string,
  entry: string,
): Handlebars.TemplateDelegate {
  const hb = precompiled.runtime.create();
  let main: TemplateSpecification | undefined;
  for (const folder of foldersOf(target)) {
    for (const [file, spec] of Object.entries(precompiled.targets[folder] ?? {})) {
      hb.registerPartial(partialName(file), hb.template(spec));
      if (file === `${entry}.hbs`) main = spec;
    }
  }
  if (!main) throw new Error(`internal: no precompiled template ${target}/${entry}.hbs`);
  return hb.template(main);
}

function compile(target: string, entry: string): Handlebars.TemplateDelegate {
  // The Handlebars compiler, required here only: the bundle, which never comes here, does not carry it
  const compiler = createRequire(import.meta.url)('handlebars') as typeof Handlebars;
  const hb = compiler.create();
  let main: string | undefined;
  for (const folder of foldersOf(target)) {
    const dir = join(packageRoot(), 'templates', folder);
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.hbs')) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      hb.registerPartial(partialName(file), text);
      if (file === `${entry}.hbs`) main = text;
    }
  }
  if (main === undefined) throw new Error(`internal: no template ${target}/${entry}.hbs`);
  return hb.compile(main, COMPILE_OPTIONS);
}
