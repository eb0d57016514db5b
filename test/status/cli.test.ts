import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { status } from '../../generator/status/status.js';
import { scratch } from '../helpers/paths.js';
import { planJson } from '../helpers/plan.js';
import { fixtureApp, linesWith, siteLines } from './support.js';

async function run(args: string[], cwd?: string) {
  let out = '';
  let err = '';
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), color: false });
    return { code, out, err };
  } finally {
    process.chdir(before);
  }
}

/** A one-file app that calls every event of its plan. */
function tinyApp(calls: string): string {
  const dir = scratch('status-tiny');
  writeFileSync(join(dir, 'plan.json'), planJson({ name: 'Tiny', events: { 'App Opened': {}, 'Signed Up': {} } }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'ESNext',
        moduleResolution: 'Bundler',
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        types: [],
      },
      include: ['app.ts'],
    }),
  );
  writeFileSync(join(dir, 'app.ts'), `import { trackAppOpened, trackSignedUp } from './client/index.js';\n${calls}\n`);
  return dir;
}

describe('codegen status', () => {
  let app: string;
  beforeAll(async () => {
    app = await fixtureApp('app');
  });

  it('prints each event with its call sites, the events never sent, removed names and unsafe calls (exit 0)', async () => {
    const r = await run(['status', '--project', app], app);
    expect(r.code).toBe(0);
    const { line } = linesWith(app, 'trackCouponApplied wrapper applyAndLog')[0]!;
    expect(r.out).toContain(`"Coupon Applied" (trackCouponApplied)\n`);
    expect(r.out).toContain(`  src/checkout.ts:${line}:3 via applyAndLog\n`);
    expect(r.out).toMatch(
      /never sent \(2\):\n {2}"Cart Viewed" \(trackCartViewed\) {2}client\/index\.ts:\d+\n {2}"Newsletter Joined"/,
    );
    expect(r.out).toMatch(
      /src\/removed\.ts:\d+:\d+ trackCheckoutStarted imported; client\/index\.ts does not export it/,
    );
    expect(r.out).toMatch(/src\/unsafe\.ts:\d+:\d+ trackOrderRefunded: argument 1 is cast/);
    expect(r.out).toMatch(
      /\n8 of 10 events sent; \d+ call sites in 12 files; 2 never sent; 3 uses of names the client does not export; 4 calls only through any or a cast\n$/,
    );
  });

  it('--strict exits 1 when an event is never sent, 0 when every event is', async () => {
    expect((await run(['status', '--project', app, '--strict'])).code).toBe(1);
    const tiny = tinyApp('trackAppOpened();\ntrackSignedUp();');
    await writeClient(tiny);
    const ok = await run(['status', '--project', join(tiny, 'tsconfig.json'), '--strict']);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    const one = tinyApp('trackAppOpened();\nvoid trackSignedUp;');
    await writeClient(one);
    const failed = await run(['status', '--project', one, '--strict']);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('never sent (1):\n  "Signed Up" (trackSignedUp)');
  });

  it('--format json: the report with paths relative to the working directory', async () => {
    const r = await run(['status', '--project', '.', '--format', 'json'], app);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      tsconfig: string;
      clients: string[];
      functions: Array<{
        name: string;
        event?: string;
        sites: Array<{ file: string; line: number; kind: string; via?: string }>;
      }>;
      neverCalled: Array<{ event: string; name: string }>;
      missing: Array<{ name: string; kind: string; file: string }>;
      unsafe: Array<{ name: string; unsafe: string }>;
    };
    expect(json.tsconfig).toBe('tsconfig.json');
    expect(json.clients).toEqual(['client/index.ts']);
    expect(json.neverCalled).toEqual([
      { event: 'Cart Viewed', name: 'trackCartViewed' },
      { event: 'Newsletter Joined', name: 'trackNewsletterJoined' },
    ]);
    const liked = json.functions.find((f) => f.name === 'trackItemLiked')!;
    expect(liked.sites).toContainEqual({
      file: 'src/wrapper.ts',
      line: linesWith(app, 'passed withRetry')[0]!.line,
      column: 3,
      kind: 'passed',
      via: 'withRetry',
    });
    expect(liked.sites.map((x) => x.file)).toEqual(['src/Scroller.tsx', 'src/wrapper.ts']);
    expect(json.missing.map((m) => `${m.name} ${m.kind}`).sort()).toEqual([
      'trackCheckoutStarted call',
      'trackCheckoutStarted import',
      'trackWishlistOpened access',
    ]);
    expect(json.unsafe.map((u) => u.name)).toEqual([
      'trackOrderRefunded',
      'trackOrderRefunded',
      'trackOrderRefunded',
      'identify',
    ]);
  });

  it('--format github: an error per removed name, a warning per unsafe call and per event never sent', async () => {
    const r = await run(['status', '--project', app, '--format', 'github'], app);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error file=src/removed.ts,line='))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('::warning file=src/unsafe.ts,line='))).toHaveLength(4);
    expect(
      lines.filter((l) =>
        /^::warning file=client\/index\.ts,line=\d+,title=codegen status::the plan's event "(Cart Viewed|Newsletter Joined)" is never sent/.test(
          l,
        ),
      ),
    ).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^::notice title=codegen status::8 of 10 events sent/);
  });

  it('usage errors exit 2 with a sentence, no stack: no tsconfig, no client', async () => {
    const empty = scratch('status-empty');
    const none = await run(['status', '--project', empty]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no tsconfig\.json in this folder/);
    expect(none.err).not.toMatch(/\n\s+at /);
    const missing = await run(['status', '--project', join(empty, 'nope')]);
    expect(missing.code).toBe(2);
    const noClient = tinyApp('');
    writeFileSync(join(noClient, 'app.ts'), 'export const x = 1;\n');
    const r = await run(['status', '--project', noClient]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no generated client in the program of .*tsconfig\.json/);
  });
});

describe('status, the function', () => {
  it('reads a --language js client (index.d.ts) the same: the events from its JSDoc', async () => {
    const ts = await fixtureApp('app');
    const js = await fixtureApp('app', { language: 'js' });
    const [a, b] = await Promise.all([status({ project: ts }), status({ project: js })]);
    expect(b.clients.map((c) => relative(js, c))).toEqual(['client/index.d.ts']);
    expect(b.functions.map((f) => [f.name, f.event])).toEqual(a.functions.map((f) => [f.name, f.event]));
    expect(siteLines(b, js)).toEqual(siteLines(a, ts));
  });

  it('clientDir: a client the app does not import is added, and all its events are never sent', async () => {
    const dir = tinyApp('');
    writeFileSync(join(dir, 'app.ts'), 'export const x = 1;\n');
    await writeClient(dir, 'other');
    const r = await status({ project: dir, clientDir: join(dir, 'other') });
    expect(r.neverCalled.map((f) => f.event)).toEqual(['App Opened', 'Signed Up']);
  });

  it('finds a client published as a package (in node_modules)', async () => {
    const dir = tinyApp('');
    writeFileSync(join(dir, 'app.ts'), "import { trackSignedUp } from '@acme/analytics';\ntrackSignedUp();\n");
    const pkg = join(dir, 'node_modules', '@acme', 'analytics');
    await writeClient(dir, join('node_modules', '@acme', 'analytics'), 'js');
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@acme/analytics', type: 'module', types: 'index.d.ts', main: 'index.js' }),
    );
    const r = await status({ project: dir });
    expect(r.clients.map((c) => relative(dir, c))).toEqual(['node_modules/@acme/analytics/index.d.ts']);
    expect(r.neverCalled.map((f) => f.event)).toEqual(['App Opened']);
    expect(siteLines(r, dir)).toEqual(['app.ts:2 trackSignedUp call']);
  });

  it('clientDir keeps only the clients inside it', async () => {
    const app = await fixtureApp('app');
    await expect(status({ project: app, clientDir: join(app, 'src') })).rejects.toThrow(
      /no generated client .* under /,
    );
  });
});

async function writeClient(dir: string, folder = 'client', language: 'ts' | 'js' = 'ts'): Promise<void> {
  const { generateFiles } = await import('../../generator/pipeline.js');
  const { files } = await generateFiles(join(dir, 'plan.json'), { language });
  mkdirSync(join(dir, folder), { recursive: true });
  for (const f of files) writeFileSync(join(dir, folder, f.path), f.content);
}
