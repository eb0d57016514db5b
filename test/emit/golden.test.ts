import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { CLIENTS, ROOT } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';
import { verifyClient } from '../../generator/emit/verify.js';

const plan = (name: string) => join(ROOT, 'examples', name, 'plan.json');

describe.each(CLIENTS)('example $example for $target (out/$dir)', ({ example, target, dir }) => {
  it('regenerates byte for byte what out/ holds (run `npm run examples` after a deliberate change)', () => {
    const result = generate(plan(example), { target });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(['index.ts', 'checks.ts']);
    for (const f of result.files) expect(f.content).toBe(readFileSync(join(ROOT, 'out', dir, f.path), 'utf8'));
  });

  it('the bundled CLI, whose templates are precompiled, writes the same bytes (--check against out/)', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'codegen.js'), plan(example), '--target', target, '--out', join(ROOT, 'out', dir), '--check'],
      { encoding: 'utf8' },
    );
    expect(run.stderr).not.toContain('stale');
    expect(run.status).toBe(0);
  });

  it('is deterministic: two runs give the same bytes', () => {
    const a = generate(plan(example), { target }).files;
    const b = generate(plan(example), { target }).files;
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('uses LF line endings only and ends with one newline', () => {
    for (const { content: text } of generate(plan(example), { target }).files) {
      expect(text).not.toContain('\r');
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
    }
  });
});

describe('order independence', () => {
  it('moving events around in the plan does not change the output', () => {
    const original = JSON.parse(readFileSync(plan('shop'), 'utf8')) as { events: Record<string, unknown> };
    const reversed = { ...original, events: Object.fromEntries(Object.entries(original.events).reverse()) };
    const path = writePlan(JSON.stringify(reversed, null, 2));
    expect(generate(path).files).toEqual(generate(plan('shop')).files);
  });
});

describe('--verify', () => {
  it.each(CLIENTS)(
    'the $example client for $target type-checks in memory with ts-morph',
    async ({ example, target }) => {
      expect(await verifyClient(generate(plan(example), { target }).files)).toEqual([]);
    },
  );

  it('reports emitted code that does not type-check', async () => {
    expect(await verifyClient([{ path: 'index.ts', content: 'export const x: number = "no";\n' }])).toEqual([
      expect.stringMatching(/index\.ts:1 TS2322/),
    ]);
  });
});
