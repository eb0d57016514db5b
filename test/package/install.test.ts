/**
 * The package as a user gets it: `npm pack`, installed from the tarball into a scratch app outside the repository
 * (so nothing resolves to the repository's node_modules), and `npx codegen` run there. The tarball holds what
 * runs and nothing else: the bundled CLI (templates precompiled in it), the library API's bundle and declarations,
 * bin/, docs/, the plan and config schemas, README,
 * LICENSE and CHANGELOG; no templates/ folder, no source maps, no unbundled dist/ tree.
 * Needs the npm registry (the tarball's dependencies); without it the test is skipped, saying so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/pipeline.js';
import { ROOT } from '../helpers/paths.js';
import { anchorsOf } from '../docs/markdown.js';

const PLAN = {
  $schema: './node_modules/clevertap-codegen/plan.schema.json',
  name: 'Scratch App',
  version: '1.0.0',
  identify: { properties: { email: { type: 'string', format: 'email' } } },
  events: {
    'Signed Up': { properties: { plan: { type: 'string', enum: ['free', 'pro'] } }, required: ['plan'] },
    'App Opened': {},
  },
};

/** Every file under `dir`, with its size (a du -sb). */
function du(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

const run = (cmd: string, args: string[], cwd: string, timeout = 300_000) =>
  spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
  });

const NETWORK = /E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH)|network|getaddrinfo/i;

describe('the packed package, installed in a scratch app', () => {
  const work = mkdtempSync(join(tmpdir(), 'codegen-pack-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ships what runs, installs from the tarball, and `npx codegen` writes the same client as the source tree', async (ctx) => {
    expect(
      existsSync(join(ROOT, 'dist', 'codegen.mjs')),
      'dist/codegen.mjs is missing: run npm run build (npm test does)',
    ).toBe(true);
    // --ignore-scripts: the tarball of the build npm test made, not a second build
    const pack = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as Array<{
      filename: string;
      files: Array<{ path: string }>;
      size: number;
      unpackedSize: number;
    }>;
    const paths = info!.files.map((f) => f.path).sort();
    const docs = readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`);
    expect(docs).toEqual(expect.arrayContaining(['docs/clevertap-rules.md', 'docs/plan-format.md']));
    expect(paths).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'bin/codegen.js',
        'config.schema.json',
        'dist/api.d.ts',
        'dist/api.mjs',
        'dist/codegen.mjs',
        ...docs,
        'package.json',
        'plan.schema.json',
      ].sort(),
    );

    const app = join(work, 'app');
    run('mkdir', ['-p', app], work);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'scratch-app', version: '1.0.0', private: true, type: 'module' }, null, 2),
    );
    const install = run(
      'npm',
      ['install', join(work, info!.filename), '--no-audit', '--no-fund', '--loglevel=error'],
      app,
    );
    if (install.status !== 0 && NETWORK.test(install.stderr)) {
      console.warn(
        `[package] SKIPPED the install test: npm could not reach the registry (${install.stderr.trim().split('\n')[0]})`,
      );
      ctx.skip();
    }
    expect(install.status, install.stderr).toBe(0);
    const size = du(join(app, 'node_modules'));
    const tsMorph = ['ts-morph', '@ts-morph']
      .map((d) => join(app, 'node_modules', d))
      .filter(existsSync)
      .reduce((n, d) => n + du(d).bytes, 0);
    console.info(
      `[package] tarball ${(info!.size / 1024).toFixed(0)} KiB (${(info!.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${paths.length} files); ` +
        `installed node_modules ${(size.bytes / 1e6).toFixed(1)} MB in ${size.files} files, ts-morph and @ts-morph ${(tsMorph / 1e6).toFixed(1)} MB`,
    );

    writeFileSync(join(app, 'plan.json'), JSON.stringify(PLAN, null, 2) + '\n');
    const gen = run('npx', ['--no-install', 'codegen', 'plan.json', '--out', 'gen'], app);
    expect(gen.status, gen.stderr).toBe(0);
    expect(gen.stderr).toContain('wrote gen/index.ts');
    const expected = await generateFiles(join(app, 'plan.json'), { language: 'ts' });
    for (const f of expected.files) expect(readFileSync(join(app, 'gen', f.path), 'utf8'), f.path).toBe(f.content);
    expect(readFileSync(join(app, 'gen', 'index.ts'), 'utf8')).toMatch(
      /export function trackSignedUp<T extends SignedUpProperties>\(properties: Exact<T, keyof SignedUpProperties>\): void/,
    );

    // --language js compiles with ts-morph, a dependency the tarball brought along
    const js = run('npx', ['--no-install', 'codegen', 'plan.json', '--language', 'js', '--out', 'gen-js'], app);
    expect(js.status, js.stderr).toBe(0);
    expect(readdirSync(join(app, 'gen-js')).sort()).toEqual(['checks.d.ts', 'checks.js', 'index.d.ts', 'index.js']);
    const jsExpected = await generateFiles(join(app, 'plan.json'), { language: 'js' });
    for (const f of jsExpected.files) expect(readFileSync(join(app, 'gen-js', f.path), 'utf8'), f.path).toBe(f.content);

    // a diagnostic's docs link names a section of a file the package ships
    writeFileSync(join(app, 'bad.json'), JSON.stringify({ name: 'Bad', events: { 'A.B': {} } }));
    const bad = run('npx', ['--no-install', 'codegen', 'validate', 'bad.json', '--format', 'json'], app);
    expect(bad.status).toBe(1);
    const [d] = JSON.parse(bad.stdout) as Array<{ code: string; docs: string }>;
    const [file, anchor] = d!.docs.split('#') as [string, string];
    expect(anchorsOf(readFileSync(join(app, 'node_modules', 'clevertap-codegen', file), 'utf8')).has(anchor)).toBe(
      true,
    );
  }, 600_000);
});
