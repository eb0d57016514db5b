/** The server target's goldens: out/shop-node and out/saas-node are what the examples generate, byte for byte. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyClient } from '../../generator/emit/verify.js';
import { generate } from '../../generator/pipeline.js';
import { ROOT } from '../helpers/paths.js';

const plan = (name: string) => join(ROOT, 'examples', name, 'plan.json');

describe.each(['shop', 'saas'])('example %s for node', (example) => {
  const dir = join(ROOT, 'out', `${example}-node`);

  it('regenerates byte for byte what out/ holds (run `npm run examples` after a deliberate change)', () => {
    const result = generate(plan(example), { target: 'node' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual([
      'index.ts',
      'checks.ts',
      'transport.ts',
      'post.ts',
      'upload-types.ts',
    ]);
    for (const f of result.files) expect(f.content).toBe(readFileSync(join(dir, f.path), 'utf8'));
  });

  it.each(['transport.ts', 'post.ts', 'upload-types.ts'])('%s is the static template, as it is', (name) => {
    const file = generate(plan(example), { target: 'node' }).files.find((f) => f.path === name);
    expect(file?.content).toBe(readFileSync(join(ROOT, 'templates', 'node', name), 'utf8'));
  });

  it('the bundled CLI writes the same bytes (--check against out/)', () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'codegen.js'), plan(example), '--target', 'node', '--out', dir, '--check'],
      { encoding: 'utf8' },
    );
    expect(run.stderr).not.toContain('stale');
    expect(run.status).toBe(0);
  });

  it('is deterministic', () => {
    expect(generate(plan(example), { target: 'node' }).files).toEqual(
      generate(plan(example), { target: 'node' }).files,
    );
  });

  it('type-checks in memory (--verify: DOM library, no Node types)', async () => {
    expect(await verifyClient(generate(plan(example), { target: 'node' }).files)).toEqual([]);
  });
});

describe('the API limits reach the client from the facts module', () => {
  it('index.ts passes records per request and concurrent requests; the static files hold neither', async () => {
    const { LIMITS } = await import('../../generator/clevertap/facts.js');
    const files = generate(plan('shop'), { target: 'node' }).files;
    const index = files.find((f) => f.path === 'index.ts')?.content ?? '';
    expect(index).toContain(`maxRecordsPerRequest: ${LIMITS.apiRecordsPerRequest},`);
    expect(index).toContain(`maxConcurrentRequests: ${LIMITS.apiConcurrentRequests},`);
    const transport = ['transport.ts', 'post.ts', 'upload-types.ts']
      .map((f) => readFileSync(join(ROOT, 'templates', 'node', f), 'utf8'))
      .join('\n');
    expect(transport).not.toMatch(new RegExp(`\\b${LIMITS.apiRecordsPerRequest}\\b`));
    expect(transport).not.toMatch(new RegExp(`\\b${LIMITS.apiConcurrentRequests}\\b`));
  });
});
