/** Loads a target's handlebars templates once: strict, no HTML escaping, only the helpers we register. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../package-root.js';

const cache = new Map<string, Handlebars.TemplateDelegate>();
/** Templates that are whole files; every other template is a partial. */
const ENTRIES = new Set(['index.ts.hbs', 'checks.ts.hbs']);

/** A target's file template (`index.ts.hbs`, ...), with the other `*.hbs` in its folder as partials named after the file. */
export function template(target: string, entry = 'index.ts'): Handlebars.TemplateDelegate {
  const key = `${target}/${entry}`;
  let compiled = cache.get(key);
  if (!compiled) {
    const hb = Handlebars.create();
    const dir = join(packageRoot(), 'templates', target);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.hbs') || ENTRIES.has(name)) continue;
      hb.registerPartial(name.replace(/\..*$/, ''), readFileSync(join(dir, name), 'utf8'));
    }
    compiled = hb.compile(readFileSync(join(dir, `${entry}.hbs`), 'utf8'), { strict: true, noEscape: true, knownHelpersOnly: true });
    cache.set(key, compiled);
  }
  return compiled;
}
