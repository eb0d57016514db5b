// The packed package, installed into a scratch app and imported the way a user's build script does
// (`import { generate } from 'clevertap-codegen'`), its types checked by tsc against the published dist/api.d.ts.
// Needs npm (skipped, saying so, without it) and dist/ (npm run build); installs the dependencies from the registry
// or npm's cache (~10 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TSC } from '../helpers/paths.js';

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const hasNpm = npm.status === 0;
if (!hasNpm) console.warn('test/api/packed.test.ts: skipped, npm is not available');

const PLAN = {
  name: 'Packed',
  events: { 'Song Played': { properties: { title: { type: 'string' } }, required: ['title'] } },
};

describe.skipIf(!hasNpm)('the packed package in a scratch app', () => {
  let app: string;
  let dir: string;
  // the scratch app holds its own node_modules (~25 MB): not kept
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'api.mjs')) || !existsSync(join(ROOT, 'dist', 'api.d.ts')))
      throw new Error('dist/api.mjs is missing: run npm run build first');
    // outside the repository, so that nothing the package lacks resolves to the repository's node_modules
    dir = mkdtempSync(join(tmpdir(), 'codegen-api-'));
    // --ignore-scripts: prepare would rebuild; dist/ is current (npm test builds first)
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'scratch-app', version: '1.0.0', private: true, type: 'module' }),
    );
    execFileSync(
      'npm',
      [
        'install',
        join(dir, tgz),
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
      ],
      { cwd: app, encoding: 'utf8', timeout: 180_000 },
    );
  }, 240_000);

  it('import { generate, validate, diff, createGenerator } from "clevertap-codegen" works in a build script', () => {
    writeFileSync(join(app, 'plan.json'), JSON.stringify(PLAN, null, 2));
    writeFileSync(
      join(app, 'build.mjs'),
      `import { generate, validate, diff, createGenerator } from 'clevertap-codegen';
const result = await generate('plan.json');
const again = await createGenerator().generate('plan.json');
const checked = await validate({ path: 'virtual.json', plan: { name: 'V', events: { 'A.B': {} } } });
const changes = await diff('plan.json', { path: 'next.json', plan: { name: 'Packed', events: {} } });
console.log(JSON.stringify({ ok: result.ok, same: JSON.stringify(again) === JSON.stringify(result), files: result.files.map((f) => f.path), hasTrack: result.files[0].content.includes('trackSongPlayed'), checked: checked.diagnostics.map((d) => d.code), breaking: changes.breaking }));
`,
    );
    const out = execFileSync(process.execPath, ['build.mjs'], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      ok: true,
      same: true,
      files: ['index.ts', 'checks.ts'],
      hasTrack: true,
      checked: ['CT102'],
      breaking: true,
    });
  });

  it('the schemas are exported, deep imports are not', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');
const found = [require.resolve('clevertap-codegen/plan.schema.json'), require.resolve('clevertap-codegen/config.schema.json')].map((p) => p.split('node_modules/')[1]);
let deep = 'resolved';
try { require.resolve('clevertap-codegen/dist/pipeline.js'); } catch (e) { deep = e.code; }
console.log(JSON.stringify({ found, deep }));`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual({
      found: ['clevertap-codegen/plan.schema.json', 'clevertap-codegen/config.schema.json'],
      deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    });
  });

  it('the published types check a TypeScript build script (and catch a misuse)', () => {
    writeFileSync(
      join(app, 'build.ts'),
      `import { createGenerator, generate, type GenerateResult, type Generator, type Options } from 'clevertap-codegen';
const options: Options = { target: 'web', language: 'ts', severity: { CT207: 'off' } };
export const result: Promise<GenerateResult> = generate({ path: 'plan.json', text: '{}' }, options);
const generator: Generator = createGenerator();
export const again: Promise<GenerateResult> = generator.generate('plan.json', options);
// @ts-expect-error: not a target
generate('plan.json', { target: 'ios' });
// @ts-expect-error: files are objects, not strings
export const wrong: Promise<{ files: string[] }> = generate('plan.json');
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['build.ts'],
      }),
    );
    const r = spawnSync(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
