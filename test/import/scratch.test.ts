import { it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJson } from '../../generator/load/read-json.js';
import { detectFormat, importPlan, importIgluFolder } from '../../generator/load/import/index.js';
import { locationOf } from '../../generator/diagnostics/diagnostic.js';
const root = '/work/shared/corpus';
it('scratch', () => {
  for (const d of readdirSync(root, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const f of readdirSync(join(root, d.name)).filter((f) => f.endsWith('.json')).sort()) {
      const r = readJson(join(root, d.name, f));
      const fmt = detectFormat(r.value);
      let line = `${d.name}/${f}: ${fmt}`;
      if (fmt && fmt !== 'native') {
        const im = importPlan(r.value, r.file, fmt);
        const ev = im.plan.events as Record<string, unknown>;
        line += ` name=${JSON.stringify(im.plan.name)} events=${Object.keys(ev).length} identify=${'identify' in im.plan} defs=${Object.keys((im.plan.$defs as object) ?? {}).length} diags=${im.diagnostics.map((x) => x.code + '@' + JSON.stringify(locationOf(x))?.slice(0, 0) + (locationOf(x)?.line ?? '?') + ':' + x.message).join(' | ')}`;
      }
      console.log(line);
    }
  }
  const im = importIgluFolder(join(root, 'snowplow-iglu-central'), { readableNames: true });
  console.log('FOLDER', Object.keys(im.plan.events as object), Object.keys((im.plan.$defs as object) ?? {}), im.diagnostics.map((x) => x.code + ' ' + x.message + ' @' + locationOf(x)?.path + ':' + locationOf(x)?.line));
  if (process.env.DUMP) { const r = readJson(process.env.DUMP); console.log(JSON.stringify(importPlan(r.value, r.file, detectFormat(r.value) as 'segment').plan, null, 1)); }
});
