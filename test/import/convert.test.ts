import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { hasErrors } from '../../generator/diagnostics/diagnostic.js';
import { detectFormat } from '../../generator/load/import/index.js';
import { generate } from '../../generator/pipeline.js';
import { corpusPlans, corpusSuite } from '../helpers/corpus.js';
import { scratch } from '../helpers/paths.js';

async function convert(path: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['convert', path], { out: (s) => (out += s), err: (s) => (err += s), color: false });
  return { code, out, err };
}

const suite = corpusSuite('codegen convert over the corpus', 'codegen convert');

suite.describe(suite.title, () => {
  const plans = corpusPlans().filter((f) => !hasErrors(generate(f).diagnostics));

  it('finds corpus plans to convert', () => {
    expect(plans.length).toBeGreaterThan(5);
  });

  it.each(plans)('%s: the converted plan generates the same client as the original', async (path) => {
    const converted = await convert(path);
    expect(converted.code).toBe(0);
    const native = join(scratch('convert'), 'plan.json');
    writeFileSync(native, converted.out);
    expect(detectFormat(JSON.parse(converted.out))).toBe('native');
    const again = generate(native);
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(again.files).toEqual(generate(path).files);
  });
});

describe('codegen convert on a file of no known format', () => {
  it('exits 1 with CT050 and a hint to use --from', async () => {
    const path = join(scratch('convert'), 'odd.json');
    writeFileSync(path, '{"hello": "world"}\n');
    const r = await convert(path);
    expect(r.code).toBe(1);
    expect(r.err).toContain('CT050');
    expect(r.err).toContain('--from');
  });
});
