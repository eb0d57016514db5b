// `npm run bench`: the benchmark of issue 7 (a measurement, not a test: it fails only when something breaks).
//
//   node bench/run.mjs [--quick] [--sizes 64x16,512x32] [--only gen,pty,tsc,bundle,calls,status,install,watch,server] [--seed 1] [--clean]
//                      [--out bench/RESULTS.md]
//
// For synthetic plans (bench/synthetic-plan.mjs) of 64×16, 512×32 and 512×256 events × properties it measures
//   1. the whole `codegen plan.json --out DIR` process: wall time, CPU time, peak RSS;
//   2. `tsc --noEmit --extendedDiagnostics` of a small app importing the client (check and total time);
//   3. esbuild-minified bundles (clevertap-web-sdk external): one track call, everything, a stub-only baseline;
//   4. a production and a development `track` call against a stub SDK vs calling the stub directly (512×32);
// plus `codegen validate` of the largest plan piped and under a pseudo-terminal (code frames and colours, as a
// person at a terminal sees them; `script` from util-linux), and the installed size of the packed package
// (`npm pack`, `npm install <tgz>` in a scratch app: needs the npm registry);
// and the time from saving a one-event edit of the 512×32 plan to the client on disk in a `codegen --watch` process
// (bench/watch.mjs);
// and writes bench/RESULTS.md (median, min, max; targets with pass/fail; machine and date).
// Work files go to bench/.tmp/run/ (gitignored; emptied at the start, kept at the end for inspection, removed with --clean).
// tsconfig.json includes bench/, but tsc's wildcards skip dot-directories, so `npm run typecheck` never sees them.
// Peak memory comes from the child itself (bench/rusage-preload.cjs), so no /usr/bin/time is needed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { APP_COMPILER_OPTIONS, fnOf } from './lib.mjs';
import { serverSection } from './server-throughput.mjs';
import { propsSource, sampleProps, syntheticPlanJson } from './synthetic-plan.mjs';
import { writeStatusApp } from './status-app.mjs';
import { measureWatch } from './watch.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BENCH = join(ROOT, 'bench');
const TMP = join(BENCH, '.tmp', 'run');
const PRELOAD = join(BENCH, 'rusage-preload.cjs');
const CODEGEN = join(ROOT, 'bin', 'codegen.js');
const TSC = join(ROOT, 'node_modules', 'typescript', 'lib', 'tsc.js');

// ---------------------------------------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const QUICK = flag('quick');
const SEED = Number(opt('seed', 1));
const ONLY = new Set(opt('only', 'gen,pty,tsc,bundle,calls,status,install,watch,server').split(','));
const OUT = join(ROOT, opt('out', 'bench/RESULTS.md'));
const ALL_SIZES = [
  { events: 64, props: 16, genRuns: 5, tscRuns: 5 },
  { events: 512, props: 32, genRuns: 5, tscRuns: 3 },
  { events: 512, props: 256, genRuns: 5, tscRuns: 3 },
];
const wanted = opt('sizes');
const SIZES = ALL_SIZES.filter((s) => !wanted || wanted.split(',').includes(`${s.events}x${s.props}`)).map((s) => ({
  ...s,
  id: `${s.events}x${s.props}`,
  label: `${s.events}×${s.props}`,
  genRuns: QUICK ? 2 : Number(process.env.BENCH_GEN_RUNS ?? s.genRuns),
  tscRuns: QUICK ? 1 : Number(process.env.BENCH_TSC_RUNS ?? s.tscRuns),
}));
if (SIZES.length === 0)
  throw new Error(`--sizes ${wanted}: expected some of ${ALL_SIZES.map((s) => `${s.events}x${s.props}`).join(',')}`);

// The targets of issue 7 (medians on a 2-core machine).
const TARGETS = {
  gen512x32Wall: 0.6, // s
  gen512x256Wall: 4, // s
  gen512x256Rss: 500, // MB
  linearity: 1.25, // µs per property at 512×256 ÷ at 512×32, above the fixed start-up cost ("grows linearly")
  tsc512x32Check: 1.5, // s of tsc "Check time"
  bundleOneCall: 1024, // bytes added by one track call of a 512-event client (minified)
  prodRatio: 1.5, // production call ÷ direct stub call
  devCall32: 5, // µs per development-mode call of a 32-property event
  status500: 5, // s: `codegen status` over an app of 500 files calling the 512×32 client
  watchEdit512x32: 0.15, // s from saving a one-event edit to the client on disk, warm --watch process
  serverRatio: 5, // records/s of the node client ÷ the official clevertap package, same records, same fake server (issue 13)
};

// ---------------------------------------------------------------------------------------------- helpers
const t0 = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const fmt = (x, digits = 2) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const fmtStats = (s, digits = 2, unit = '') =>
  s.n === 1
    ? `${fmt(s.median, digits)}${unit}`
    : `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const bytes = (b) => b.toLocaleString('en-US');
const passFail = (ok) => (ok === undefined ? 'n/a' : ok ? '✅ pass' : '❌ fail');
const sha = (s) => createHash('sha256').update(s).digest('hex').slice(0, 12);

/** Runs `node [--require preload] args` in cwd; wall time (s), its own resource usage, output. Throws on failure. */
function runNode(args, { cwd = ROOT, allowFail = false } = {}) {
  const rusageFile = join(TMP, `rusage-${process.pid}.json`);
  rmSync(rusageFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile, NO_COLOR: '1' },
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  if (r.status !== 0 && !allowFail) {
    throw new Error(
      `node ${args.join(' ')} exited ${r.status}\n${r.stdout.slice(0, 4000)}\n${r.stderr.slice(0, 4000)}`,
    );
  }
  const ru = existsSync(rusageFile) ? JSON.parse(readFileSync(rusageFile, 'utf8')) : undefined;
  return {
    wall,
    cpu: ru ? (ru.userCPUTime + ru.systemCPUTime) / 1e6 : NaN,
    rssMB: ru ? (ru.maxRSS * 1024) / 1e6 : NaN,
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

const STUB_TS = `const sdk = {
  event: { push: (name: string, data: Record<string, unknown>): unknown => (globalThis as any).__sent = [name, data] },
  onUserLogin: { push: (profile: unknown): unknown => (globalThis as any).__sent = profile },
  profile: { push: (profile: unknown): unknown => (globalThis as any).__sent = profile },
};`;

const TSCONFIG = {
  compilerOptions: APP_COMPILER_OPTIONS,
  files: ['app.ts'],
};

// ---------------------------------------------------------------------------------------------- setup
const results = { sizes: {}, started: new Date(), load: { start: loadavg() } };
rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
  throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
log(
  `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; sizes ${SIZES.map((s) => s.label).join(', ')}; seed ${SEED}${QUICK ? '; --quick' : ''}`,
);

for (const size of SIZES) {
  const dir = join(TMP, size.id);
  mkdirSync(join(dir, 'app'), { recursive: true });
  const json = syntheticPlanJson({ events: size.events, props: size.props, seed: SEED });
  if (json !== syntheticPlanJson({ events: size.events, props: size.props, seed: SEED }))
    throw new Error('the synthetic plan is not deterministic');
  size.planPath = join(dir, 'plan.json');
  writeFileSync(size.planPath, json);
  size.plan = JSON.parse(json);
  size.planBytes = Buffer.byteLength(json);
  size.planSha = sha(json);
  // One untimed run: writes the client the later steps use (and warms the file cache).
  const first = runNode([CODEGEN, size.planPath, '--out', join(dir, 'client')]);
  size.warnings = (first.stderr.match(/:\d+:\d+ warning /g) ?? []).length;
  // The client is a folder (index.ts, and checks.ts that init loads in development mode): every file counts.
  size.clientDir = join(dir, 'client');
  size.clientPath = join(size.clientDir, 'index.ts');
  size.client = readFileSync(size.clientPath, 'utf8');
  size.clientFiles = readdirSync(size.clientDir).sort();
  const texts = size.clientFiles.map((f) => readFileSync(join(size.clientDir, f), 'utf8'));
  size.clientBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  size.clientLines = texts.reduce((n, t) => n + t.split('\n').length, 0);
  const names = Object.keys(size.plan.events);
  size.picked = [names[0], names[names.length >> 1], names[names.length - 1]].map((name) => ({
    name,
    fn: fnOf(size.client, name),
  }));
  results.sizes[size.id] = size;
  log(
    `${size.label}: plan ${kb(size.planBytes)} (sha256 ${size.planSha}), client ${size.clientFiles.join(' + ')}: ${kb(size.clientBytes)}, ${size.clientLines} lines`,
  );
}

// ---------------------------------------------------------------------------------------------- 1. generation
if (ONLY.has('gen')) {
  const runs = QUICK ? 2 : 5;
  // Bare Node first: how fast this machine starts a process right now (shared hosts vary by tens of percent)
  const bare = [];
  for (let i = 0; i < runs; i++) bare.push(runNode(['-e', '0']));
  results.bareNode = {
    wall: stats(bare.map((r) => r.wall)),
    cpu: stats(bare.map((r) => r.cpu)),
    rss: stats(bare.map((r) => r.rssMB)),
  };
  log(`node -e 0 (bare Node): ${fmtStats(results.bareNode.wall, 3, ' s')}`);
  const startup = [];
  for (let i = 0; i < runs; i++) startup.push(runNode([CODEGEN, '--version']));
  results.startup = {
    wall: stats(startup.map((r) => r.wall)),
    cpu: stats(startup.map((r) => r.cpu)),
    rss: stats(startup.map((r) => r.rssMB)),
  };
  log(`codegen --version (start-up): ${fmtStats(results.startup.wall, 3, ' s')}`);
  for (const size of SIZES) {
    const rs = [];
    for (let i = 0; i < size.genRuns; i++) {
      const out = join(TMP, size.id, 'gen-out');
      rmSync(out, { recursive: true, force: true }); // every run writes the file, as a first generation does
      const r = runNode([CODEGEN, size.planPath, '--out', out]);
      rs.push(r);
      log(
        `gen ${size.label} run ${i + 1}/${size.genRuns}: ${fmt(r.wall, 3)} s wall, ${fmt(r.cpu, 3)} s CPU, ${fmt(r.rssMB, 0)} MB peak`,
      );
    }
    size.gen = {
      wall: stats(rs.map((r) => r.wall)),
      cpu: stats(rs.map((r) => r.cpu)),
      rss: stats(rs.map((r) => r.rssMB)),
    };
  }
}

// ------------------------------------------------------------------------- 1b. diagnostics on a terminal
// A plan with hundreds of warnings, printed with code frames: under a pty, stderr is a TTY and every warning gets
// a frame. (Frames once re-split the whole file per warning: 512 warnings took 82 s under a pty, 1.8 s piped.)
if (ONLY.has('pty')) {
  const size = [...SIZES].sort((a, b) => a.events * a.props - b.events * b.props).at(-1);
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  const runs = QUICK ? 1 : 3;
  const timed = (cmd, args, env) => {
    const start = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
    if (r.error) throw r.error;
    return { wall: Number(process.hrtime.bigint() - start) / 1e9, output: r.stdout + r.stderr };
  };
  const piped = [];
  const pty = [];
  for (let i = 0; i < runs; i++) {
    piped.push(timed(process.execPath, [CODEGEN, 'validate', size.planPath]).wall);
    if (hasScript) {
      // script runs the command with a pty as its terminal; its own copy of the session goes to /dev/null
      const cmd = [process.execPath, CODEGEN, 'validate', size.planPath]
        .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
        .join(' ');
      const r = timed('script', ['-qec', cmd, '/dev/null'], { NO_COLOR: '' });
      if (!r.output.includes('\x1b[')) throw new Error('codegen under script printed no colours: not a terminal?');
      pty.push(r.wall);
    }
    log(
      `validate ${size.label} run ${i + 1}/${runs}: piped ${fmt(piped.at(-1), 2)} s${hasScript ? `, under a pty ${fmt(pty.at(-1), 2)} s` : ''}`,
    );
  }
  results.pty = { size, piped: stats(piped), pty: hasScript ? stats(pty) : undefined };
}

// ---------------------------------------------------------------------------------------------- 2. tsc
function tscRun(dir) {
  const r = runNode([TSC, '-p', join(dir, 'tsconfig.json'), '--extendedDiagnostics'], { allowFail: true });
  if (r.status !== 0) throw new Error(`tsc found errors in ${relative(ROOT, dir)}:\n${r.stdout.slice(0, 4000)}`);
  const num = (label) => {
    const m = r.stdout.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'));
    return m ? Number(m[1]) : NaN;
  };
  return {
    ...r,
    check: num('Check time'),
    total: num('Total time'),
    parse: num('Parse time'),
    bind: num('Bind time'),
    types: num('Types'),
    instantiations: num('Instantiations'),
    memoryMB: (num('Memory used') * 1024) / 1e6,
  };
}
function tscStats(rs) {
  const pick = (k) => stats(rs.map((r) => r[k]));
  return {
    check: pick('check'),
    total: pick('total'),
    wall: pick('wall'),
    cpu: pick('cpu'),
    parse: pick('parse'),
    bind: pick('bind'),
    types: rs[0].types,
    instantiations: rs[0].instantiations,
    memoryMB: pick('memoryMB'),
    rss: pick('rssMB'),
  };
}
if (ONLY.has('tsc')) {
  const base = join(TMP, 'tsc-baseline');
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(base, 'app.ts'), `${STUB_TS}\nsdk.event.push('Signed Up', { method: 'email' });\nexport {};\n`);
  const baseRuns = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) baseRuns.push(tscRun(base));
  results.tscBaseline = tscStats(baseRuns);
  log(
    `tsc baseline (app without a client): check ${fmtStats(results.tscBaseline.check, 2, ' s')}, total ${fmtStats(results.tscBaseline.total, 2, ' s')}`,
  );
  for (const size of SIZES) {
    const app = join(TMP, size.id, 'app');
    cpSync(size.clientDir, join(app, 'client'), { recursive: true });
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    const [a, b, c] = size.picked;
    const call = ({ name, fn }, all) => {
      const p = sampleProps(size.plan.events[name], { all });
      return `${fn}(${Object.keys(size.plan.events[name].properties ?? {}).length ? propsSource(p) : ''});`;
    };
    writeFileSync(
      join(app, 'app.ts'),
      [
        `import { init, identify, updateProfile, ${a.fn}, ${b.fn}, ${c.fn} } from './client/index.js';`,
        STUB_TS,
        `void init({ sdk, mode: 'production' });`,
        call(a, false),
        call(b, true),
        call(c, false),
        `identify('user-1', { email: 'ada@example.com', plan: 'pro' });`,
        `updateProfile({ seats: 3 });`,
        '',
      ].join('\n'),
    );
    const rs = [];
    for (let i = 0; i < size.tscRuns; i++) {
      const r = tscRun(app);
      rs.push(r);
      log(
        `tsc ${size.label} run ${i + 1}/${size.tscRuns}: check ${fmt(r.check)} s, total ${fmt(r.total)} s, wall ${fmt(r.wall)} s, ${fmt(r.memoryMB, 0)} MB`,
      );
    }
    size.tsc = tscStats(rs);
  }
}

// ---------------------------------------------------------------------------------------------- 3. bundles
if (ONLY.has('bundle')) {
  const esbuild = await import('esbuild');
  results.esbuildVersion = esbuild.version;
  // With code splitting, as an app's bundler does: `initial` is the entry chunk and the chunks it imports
  // statically (what every page loads); `lazy` are the chunks behind dynamic imports (the development checks).
  const bundle = async (entry, define) => {
    const r = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      external: ['clevertap-web-sdk'],
      define: define ? { 'process.env.NODE_ENV': '"production"' } : {},
      write: false,
      metafile: true,
      absWorkingDir: ROOT,
      outdir: join(dirname(entry), 'out'),
      logLevel: 'silent',
    });
    const contents = new Map(r.outputFiles.map((f) => [relative(ROOT, f.path), f.contents]));
    const outputs = r.metafile.outputs;
    const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint);
    const initial = new Set();
    for (const stack = [entryKey]; stack.length > 0; ) {
      const k = stack.pop();
      if (initial.has(k)) continue;
      initial.add(k);
      for (const imp of outputs[k].imports) if (imp.kind === 'import-statement' && !imp.external) stack.push(imp.path);
    }
    const initialCode = Buffer.concat([...initial].map((k) => contents.get(k)));
    const lazy = [...contents.keys()].filter((k) => !initial.has(k)).reduce((n, k) => n + contents.get(k).length, 0);
    return { min: initialCode.length, gzip: gzipSync(initialCode, { level: 9 }).length, lazy, chunks: contents.size };
  };
  for (const size of SIZES) {
    const app = join(TMP, size.id, 'app');
    if (!existsSync(join(app, 'client'))) cpSync(size.clientDir, join(app, 'client'), { recursive: true });
    const { name, fn } = size.picked[0];
    const props = propsSource(sampleProps(size.plan.events[name], { all: true }));
    const entries = {
      baseline: `${STUB_TS}\nsdk.event.push(${JSON.stringify(name)}, ${props});\n`,
      one: `import { init, ${fn} } from './client/index.js';\n${STUB_TS}\nvoid init({ sdk });\n${fn}(${props});\n`,
      all: `import * as client from './client/index.js';\n${STUB_TS}\nvoid client.init({ sdk });\n(globalThis as any).__client = client;\n`,
    };
    size.bundle = {};
    for (const [kind, src] of Object.entries(entries)) {
      const file = join(app, `entry-${kind}.ts`);
      writeFileSync(file, src);
      size.bundle[kind] = { plain: await bundle(file, false), define: await bundle(file, true) };
    }
    const b = size.bundle;
    log(
      `bundle ${size.label}: baseline ${b.baseline.plain.min} B, one call ${b.one.plain.min} B (+${b.one.plain.min - b.baseline.plain.min}; lazy ${b.one.plain.lazy} B), everything ${b.all.plain.min} B`,
    );
  }
}

// ---------------------------------------------------------------------------------------------- 4. calls
if (ONLY.has('calls')) {
  const size = SIZES.find((s) => s.id === '512x32') ?? SIZES[0];
  const esbuild = await import('esbuild');
  const mjs = join(TMP, size.id, 'client.mjs');
  await esbuild.build({
    entryPoints: [size.clientPath],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    external: ['clevertap-web-sdk'],
    outfile: mjs,
    logLevel: 'silent',
  });
  const { name, fn } = size.picked[0];
  log(`calls: ${fn} (${size.props} properties) of the ${size.label} client, in a child process…`);
  const r = runNode([join(BENCH, 'call-cost.mjs'), mjs, size.planPath, name, fn]);
  results.calls = { size: size.label, ...JSON.parse(r.stdout) };
  const c = results.calls;
  log(
    `calls: direct ${fmt(c.direct.median, 1)} ns, production ${fmt(c.production.median, 1)} ns, development ${fmt(c.development.median, 1)} ns`,
  );
}

// ---------------------------------------------------------------------------------------------- 5. status
if (ONLY.has('status')) {
  const size = SIZES.find((s) => s.id === '512x32') ?? SIZES[0];
  const app = join(TMP, size.id, 'status-app');
  cpSync(size.clientDir, join(app, 'client'), { recursive: true });
  const files = 500;
  const calls = writeStatusApp(app, size.plan, size.client, files);
  const rs = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    const r = runNode([CODEGEN, 'status', '--project', app, '--format', 'json']);
    rs.push(r);
    log(
      `status ${files} files × ${size.label} client run ${i + 1}: ${fmt(r.wall, 2)} s wall, ${fmt(r.cpu, 2)} s CPU, ${fmt(r.rssMB, 0)} MB peak`,
    );
  }
  const report = JSON.parse(rs[0].stdout);
  const found = report.functions.reduce((n, f) => n + f.sites.length, 0);
  if (found !== calls) throw new Error(`status found ${found} call sites in the bench app; it has ${calls}`);
  results.status = {
    size: size.label,
    files,
    calls,
    never: report.neverCalled.length,
    wall: stats(rs.map((r) => r.wall)),
    cpu: stats(rs.map((r) => r.cpu)),
    rss: stats(rs.map((r) => r.rssMB)),
  };
}

// ---------------------------------------------------------------------------------------------- 6. install size
/** Bytes and files under a folder. */
function du(dir) {
  let size = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        size += statSync(p).size;
        files++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { size, files };
}

if (ONLY.has('install')) {
  const dir = join(TMP, 'install');
  mkdirSync(join(dir, 'app'), { recursive: true });
  const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout);
  writeFileSync(
    join(dir, 'app', 'package.json'),
    JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true, type: 'module' }),
  );
  // Outside the repository would be cleaner for resolution; for a size the folder does not matter
  const install = spawnSync(
    'npm',
    ['install', join(dir, info.filename), '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: join(dir, 'app'), encoding: 'utf8' },
  );
  if (install.status !== 0) {
    log(`install: skipped, npm install failed (no registry?): ${install.stderr.trim().split('\n')[0]}`);
  } else {
    const nm = join(dir, 'app', 'node_modules');
    const packages = readdirSync(nm).flatMap((n) =>
      n.startsWith('@') ? readdirSync(join(nm, n)).map((m) => `${n}/${m}`) : n.startsWith('.') ? [] : [n],
    );
    const each = packages.map((name) => ({ name, ...du(join(nm, name)) })).sort((a, b) => b.size - a.size);
    results.install = {
      tarball: info.size,
      unpacked: info.unpackedSize,
      entries: info.entryCount,
      total: du(nm),
      each,
    };
    log(
      `install: tarball ${kb(info.size)}, node_modules ${fmt(results.install.total.size / 1e6, 1)} MB in ${results.install.total.files} files`,
    );
  }
}

// ---------------------------------------------------------------------------------------------- 7. watch
if (ONLY.has('watch') && results.sizes['512x32']) {
  const size = results.sizes['512x32'];
  const { times, cpu, rss } = await measureWatch({
    plan: structuredClone(size.plan),
    dir: join(TMP, size.id),
    codegen: CODEGEN,
    runs: QUICK ? 3 : 9,
    log,
  });
  results.watch = { size: size.label, edit: stats(times), cpu: stats(cpu), rss };
  log(`watch 512×32: one-event edit to client on disk ${fmtStats(results.watch.edit, 3, ' s')}`);
}

// ---------------------------------------------------------------------------------------------- 8. server uploads
if (ONLY.has('server')) {
  log(
    'server: the node client vs the official clevertap package, to the fake upload server (bench/server-throughput.mjs)…',
  );
  const r = runNode([join(BENCH, 'server-throughput.mjs'), '--json', ...(QUICK ? ['--quick'] : [])]);
  results.server = JSON.parse(r.stdout.trim().split('\n').pop());
  for (const sc of results.server.scenarios)
    log(`server, ${sc.label}: ours ÷ official ×${fmt(sc.ratio, 1)} (defaults), ×${fmt(sc.ratioWide, 1)} (API maxima)`);
}

// ---------------------------------------------------------------------------------------------- RESULTS.md
results.load.end = loadavg();
const S = results.sizes;
const lines = [];
const p = (s = '') => lines.push(s);
const cpuList = cpus();
p('# Benchmark results');
p();
p(
  `Written by \`npm run bench\` (bench/run.mjs) on ${results.started.toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' with `--quick` (fewer runs: indicative only)' : ''}.`,
);
p(
  `Machine: ${cpuList.length} × ${cpuList[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}; Node ${process.version}` +
    `${results.esbuildVersion ? `, esbuild ${results.esbuildVersion}` : ''}, TypeScript ${JSON.parse(readFileSync(join(ROOT, 'node_modules/typescript/package.json'), 'utf8')).version}.`,
);
p(
  `Load average at start / end: ${results.load.start.map((x) => x.toFixed(2)).join(' ')} / ${results.load.end.map((x) => x.toFixed(2)).join(' ')}` +
    ` (on a shared machine, wall times include waiting for a CPU; the CPU-time columns are less sensitive to that).`,
);
p(
  `Plans: bench/synthetic-plan.mjs, seed ${SEED}; every event has exactly the given number of properties. Figures are median (min–max) over the runs shown.`,
);
p();

// Targets
const t = [];
const target = (what, measured, goal, ok) => t.push(`| ${what} | ${measured} | ${goal} | ${passFail(ok)} |`);
if (S['512x32']?.gen)
  target(
    'Generation 512×32, wall',
    `${fmt(S['512x32'].gen.wall.median, 3)} s (CPU ${fmt(S['512x32'].gen.cpu.median, 3)} s)`,
    `≤ ${TARGETS.gen512x32Wall} s`,
    S['512x32'].gen.wall.median <= TARGETS.gen512x32Wall,
  );
if (S['512x256']?.gen) {
  target(
    'Generation 512×256, wall',
    `${fmt(S['512x256'].gen.wall.median, 3)} s (CPU ${fmt(S['512x256'].gen.cpu.median, 3)} s)`,
    `≤ ${TARGETS.gen512x256Wall} s`,
    S['512x256'].gen.wall.median <= TARGETS.gen512x256Wall,
  );
  target(
    'Generation 512×256, peak RSS',
    `${fmt(S['512x256'].gen.rss.median, 0)} MB`,
    `≤ ${TARGETS.gen512x256Rss} MB`,
    S['512x256'].gen.rss.median <= TARGETS.gen512x256Rss,
  );
}
let linear;
if (S['512x32']?.gen && S['512x256']?.gen && results.startup) {
  const per = (s) => ((s.gen.wall.median - results.startup.wall.median) / (s.events * s.props)) * 1e6;
  const perCpu = (s) => ((s.gen.cpu.median - results.startup.cpu.median) / (s.events * s.props)) * 1e6;
  linear = { a: per(S['512x32']), b: per(S['512x256']), aCpu: perCpu(S['512x32']), bCpu: perCpu(S['512x256']) };
  linear.ratio = linear.b / linear.a;
  linear.ratioCpu = linear.bCpu / linear.aCpu;
  target(
    'Generation grows linearly with properties',
    `${fmt(linear.a, 1)} → ${fmt(linear.b, 1)} µs/property (×${fmt(linear.ratio)})`,
    `per-property time at 512×256 ≤ ${TARGETS.linearity}× that at 512×32`,
    linear.ratio <= TARGETS.linearity,
  );
}
if (S['512x32']?.tsc)
  target(
    'tsc check time, 512×32 client',
    `${fmt(S['512x32'].tsc.check.median)} s (whole tsc: ${fmt(S['512x32'].tsc.total.median)} s, CPU ${fmt(S['512x32'].tsc.cpu.median)} s)`,
    `≤ ${TARGETS.tsc512x32Check} s`,
    S['512x32'].tsc.check.median <= TARGETS.tsc512x32Check,
  );
for (const id of ['512x32', '512x256']) {
  const b = S[id]?.bundle;
  if (b) {
    const added = b.one.define.min - b.baseline.define.min;
    const addedPlain = b.one.plain.min - b.baseline.plain.min;
    target(
      `Bundle: one track call of the ${S[id].label} client (initial chunk)`,
      `+${bytes(added)} B (without the define: +${bytes(addedPlain)} B)`,
      `≤ +${bytes(TARGETS.bundleOneCall)} B`,
      Math.max(added, addedPlain) <= TARGETS.bundleOneCall,
    );
  }
}
if (results.calls) {
  const c = results.calls;
  target(
    `Production call ÷ direct stub call (${c.properties} properties)`,
    `×${fmt(c.production.median / c.direct.median, 1)} (${fmt(c.production.median, 0)} vs ${fmt(c.direct.median, 0)} ns)`,
    `≤ ×${TARGETS.prodRatio}`,
    c.production.median / c.direct.median <= TARGETS.prodRatio,
  );
  target(
    `Development call, ${c.properties} properties`,
    `${fmt(c.development.median / 1000, 2)} µs`,
    `≤ ${TARGETS.devCall32} µs`,
    c.development.median / 1000 <= TARGETS.devCall32,
  );
}
if (results.status) {
  const st = results.status;
  target(
    `\`codegen status\`, ${st.files} files calling the ${st.size} client`,
    `${fmt(st.wall.median, 2)} s (CPU ${fmt(st.cpu.median, 2)} s)`,
    `≤ ${TARGETS.status500} s`,
    st.wall.median <= TARGETS.status500,
  );
}
if (results.watch) {
  target(
    `--watch: one-event edit of the ${results.watch.size} plan to the client on disk`,
    `${fmt(results.watch.edit.median * 1000, 0)} ms (CPU ${fmt(results.watch.cpu.median * 1000, 0)} ms)`,
    `≤ ${TARGETS.watchEdit512x32 * 1000} ms`,
    results.watch.edit.median <= TARGETS.watchEdit512x32,
  );
}
for (const sc of results.server?.scenarios ?? []) {
  if (sc.id === 'memory') continue;
  // Judged on the client set to the API's maxima (batches of 1000, 15 requests at once); the defaults shown beside
  target(
    `Server uploads, ${sc.label}: the node client (API maxima) ÷ the official package`,
    `×${fmt(sc.ratioWide, 1)} (defaults: ×${fmt(sc.ratio, 1)})`,
    `≥ ×${TARGETS.serverRatio}`,
    sc.ratioWide >= TARGETS.serverRatio,
  );
}
p('## Targets');
p();
p('| target | measured (median) | goal | result |');
p('|---|---|---|---|');
lines.push(...t);
p();
p(
  'Pass/fail is judged on wall-clock medians, as the targets are stated. When the load average above exceeds the CPU count, ' +
    'other processes shared the CPUs: the CPU-time figures are then the closer estimate of an idle machine. ' +
    'The host itself also runs faster or slower from one hour to the next: the bare-Node row of section 1 shows its speed at the time.',
);
p();

if (ONLY.has('gen')) {
  p('## 1. Generation: the whole `codegen plan.json --out DIR` process');
  p();
  p(
    "A fresh output directory every run (the file is written, as on a first generation). Peak RSS is the child's own `process.resourceUsage().maxRSS`.",
  );
  p();
  p('| plan | plan JSON | client (all files) | warnings | runs | wall (s) | CPU user+sys (s) | peak RSS (MB) |');
  p('|---|---|---|---|---|---|---|---|');
  if (results.bareNode) {
    p(
      `| bare Node (\`node -e 0\`), for scale | | | | ${results.bareNode.wall.n} | ${fmtStats(results.bareNode.wall, 3)} | ${fmtStats(results.bareNode.cpu, 3)} | ${fmtStats(results.bareNode.rss, 0)} |`,
    );
  }
  if (results.startup) {
    p(
      `| start-up only (\`codegen --version\`) | | | | ${results.startup.wall.n} | ${fmtStats(results.startup.wall, 3)} | ${fmtStats(results.startup.cpu, 3)} | ${fmtStats(results.startup.rss, 0)} |`,
    );
  }
  for (const s of SIZES) {
    if (!s.gen) continue;
    p(
      `| ${s.label} (sha256 ${s.planSha}) | ${kb(s.planBytes)} | ${kb(s.clientBytes)}, ${bytes(s.clientLines)} lines | ${s.warnings} | ${s.gen.wall.n} | ${fmtStats(s.gen.wall, 3)} | ${fmtStats(s.gen.cpu, 3)} | ${fmtStats(s.gen.rss, 0)} |`,
    );
  }
  if (linear) {
    p();
    p(
      `Linearity: above the start-up cost, generation takes ${fmt(linear.a, 2)} µs per property at 512×32 and ${fmt(linear.b, 2)} µs at 512×256 ` +
        `(×${fmt(linear.ratio)} wall; ×${fmt(linear.ratioCpu)} in CPU time: ${fmt(linear.aCpu, 2)} → ${fmt(linear.bCpu, 2)} µs). About ×1 means linear.`,
    );
  }
  p();
}

if (ONLY.has('tsc') && results.tscBaseline) {
  p('## 2. Type-checking: `tsc --noEmit --extendedDiagnostics` of a small app');
  p();
  p(
    'The app imports the client, calls `init`, three track functions (first, middle, last event; required properties, all for the middle one), ' +
      '`identify` and `updateProfile`. tsconfig: strict, `moduleResolution: Bundler`, `lib: [ES2022, DOM]`, `skipLibCheck`. ' +
      'The baseline is the same app calling a stub without the client (the fixed cost of the standard library).',
  );
  p();
  p(
    '| app | runs | check time (s) | total time (s) | wall (s) | CPU (s) | types | instantiations | memory used (MB) |',
  );
  p('|---|---|---|---|---|---|---|---|---|');
  const row = (label, x) =>
    p(
      `| ${label} | ${x.check.n} | ${fmtStats(x.check)} | ${fmtStats(x.total)} | ${fmtStats(x.wall)} | ${fmtStats(x.cpu)} | ${bytes(x.types)} | ${bytes(x.instantiations)} | ${fmtStats(x.memoryMB, 0)} |`,
    );
  row('baseline (no client)', results.tscBaseline);
  for (const s of SIZES) if (s.tsc) row(`${s.label} client`, s.tsc);
  p();
}

if (ONLY.has('bundle')) {
  p('## 3. Bundle size: esbuild, minified, `clevertap-web-sdk` external');
  p();
  p(
    '`bundle: true, splitting: true, minify: true, format: esm, platform: browser, target: es2020`, the SDK external (the client imports it only in `init({ accountId })`). ' +
      '*Initial* is the entry chunk with the chunks it imports statically (what every page loads); *lazy* the chunks behind dynamic imports ' +
      '(the development-mode checks, which `init` loads only in development). ' +
      "Entries: *baseline* calls a stub SDK's `event.push` directly with the props of one event; *one call* does `init({ sdk })` and calls that event's " +
      'track function with the same props; *everything* imports `* as client` and keeps the namespace. "added" is the entry minus the baseline. ' +
      "Measured without and with `define: { 'process.env.NODE_ENV': '\"production\"' }`. gzip (level 9) is extra information.",
  );
  p();
  p(
    '| client | entry | initial, minified (B) | added (B) | initial, gzip (B) | lazy chunks (B) | with NODE_ENV define: initial / added / gzip (B) |',
  );
  p('|---|---|---|---|---|---|---|');
  for (const s of SIZES) {
    if (!s.bundle) continue;
    const b = s.bundle;
    for (const [kind, label] of [
      ['baseline', 'baseline (stub only)'],
      ['one', 'one track call'],
      ['all', 'everything'],
    ]) {
      const x = b[kind];
      const addP = kind === 'baseline' ? '' : `+${bytes(x.plain.min - b.baseline.plain.min)}`;
      const addD = kind === 'baseline' ? '' : `+${bytes(x.define.min - b.baseline.define.min)}`;
      p(
        `| ${s.label} | ${label} | ${bytes(x.plain.min)} | ${addP} | ${bytes(x.plain.gzip)} | ${bytes(x.plain.lazy)} | ${bytes(x.define.min)} / ${addD} / ${bytes(x.define.gzip)} |`,
      );
    }
  }
  p();
}

if (results.calls) {
  const c = results.calls;
  p(`## 4. Call cost: \`${c.fn}\` (${c.properties} properties, all set) of the ${c.size} client, stub SDK`);
  p();
  p(
    'In a separate Node process: the client compiled to ESM by esbuild, `init({ sdk: stub, mode })` (onViolation `throw`, so the sample must be valid). ' +
      'Each figure is ns per call over 7 timed rounds after a warm-up round, each round ~150 ms of calls. ' +
      '"Fresh literal" builds the props object literal at every call, as an app does; "reused object" passes one object every time.',
  );
  p();
  p('| call | fresh literal: ns/call | ÷ direct | reused object: ns/call | ÷ direct |');
  p('|---|---|---|---|---|');
  const row = (label, x, y, dx, dy) =>
    p(
      `| ${label} | ${fmtStats(x, 1)} | ${dx ? `×${fmt(x.median / dx.median, 1)}` : ''} | ${fmtStats(y, 1)} | ${dy ? `×${fmt(y.median / dy.median, 1)}` : ''} |`,
    );
  row('direct `stub.event.push(name, props)`', c.direct, c.reused.direct);
  row('production `track`', c.production, c.reused.production, c.direct, c.reused.direct);
  row('development `track` (all checks)', c.development, c.reused.development, c.direct, c.reused.direct);
  p();
}
if (results.status) {
  const st = results.status;
  p(`## 5. \`codegen status\`: an app of ${st.files} files calling the ${st.size} client`);
  p();
  p(
    `The whole \`codegen status --project APP --format json\` process (ts-morph over the app's tsconfig.json). The app (bench/status-app.mjs) makes ${bytes(st.calls)} calls ` +
      `through named, renamed and namespace imports and a forwarding wrapper, with literal props and props in variables; ${st.never} events are never called. ` +
      'Every run checks that status found every call.',
  );
  p();
  p('| app | runs | wall (s) | CPU user+sys (s) | peak RSS (MB) |');
  p('|---|---|---|---|---|');
  p(
    `| ${st.files} files, ${bytes(st.calls)} calls | ${st.wall.n} | ${fmtStats(st.wall)} | ${fmtStats(st.cpu)} | ${fmtStats(st.rss, 0)} |`,
  );
  p();
}
if (results.pty) {
  const x = results.pty;
  p(`## 1b. Diagnostics on a terminal: \`codegen validate\` of the ${x.size.label} plan (${x.size.warnings} warnings)`);
  p();
  p(
    'Piped, stderr is not a terminal: one line per warning. Under a pseudo-terminal (`script -qec` from util-linux), stderr is a TTY: ' +
      'colours and a code frame per warning, each line cut from the file at its cached line starts (it once re-split the whole ' +
      'file per warning: 82 s under a pty against 1.8 s piped).',
  );
  p();
  p('| run | runs | wall (s) |');
  p('|---|---|---|');
  p(`| piped | ${x.piped.n} | ${fmtStats(x.piped, 2)} |`);
  p(
    x.pty
      ? `| under a pty | ${x.pty.n} | ${fmtStats(x.pty, 2)} |`
      : '| under a pty | 0 | n/a (no `script` command: apt-get install util-linux) |',
  );
  p();
}

if (results.install) {
  const x = results.install;
  p('## 6. Install size: the packed package installed in an empty app');
  p();
  p(
    `\`npm pack\`: ${kb(x.tarball)} (${kb(x.unpacked)} unpacked, ${x.entries} files). \`npm install <tgz>\` in an empty app: ` +
      `node_modules ${fmt(x.total.size / 1e6, 1)} MB in ${bytes(x.total.files)} files (bytes of the files, as \`du -sb\` counts them). ` +
      "ts-morph (with its own TypeScript) is needed only by `--verify` and `--language js`; the CLI bundle carries yargs and Handlebars' runtime, " +
      'so their installed copies are not loaded at run time.',
  );
  p();
  p('| package | MB | files |');
  p('|---|---|---|');
  for (const e of x.each.slice(0, 8)) p(`| ${e.name} | ${fmt(e.size / 1e6, 2)} | ${bytes(e.files)} |`);
  const rest = x.each.slice(8);
  if (rest.length)
    p(
      `| ${rest.length} others | ${fmt(rest.reduce((n, e) => n + e.size, 0) / 1e6, 2)} | ${bytes(rest.reduce((n, e) => n + e.files, 0))} |`,
    );
  p();
}

if (results.watch) {
  const w = results.watch.edit;
  p(`## 7. \`codegen plan.json --watch\`: a one-event edit of the ${results.watch.size} plan`);
  p();
  p(
    "One `--watch` process (bench/watch.mjs); each run changes one event's description, saves the plan in place and times until the process reports " +
      'that it wrote index.ts (after the rename that puts it on disk), after 3 untimed edits. Includes the 25 ms debounce.',
  );
  p();
  const c = results.watch.cpu;
  const r = results.watch.rss;
  p(
    '| runs | save → client on disk, wall (ms) | CPU of the watch process per edit (ms, /proc, 10 ms ticks) | resident set after the warm-up edits → at the end (MB) |',
  );
  p('|---|---|---|---|');
  p(
    `| ${w.n} | ${fmt(w.median * 1000, 0)} (${fmt(w.min * 1000, 0)}–${fmt(w.max * 1000, 0)}) | ${fmt(c.median * 1000, 0)} (${fmt(c.min * 1000, 0)}–${fmt(c.max * 1000, 0)}) | ${fmt(r.afterWarmup, 0)} → ${fmt(r.atEnd, 0)} |`,
  );
  p();
}

if (results.server) lines.push(...serverSection(results.server));
p(
  'Where the time goes (CPU profiles, tsc ablations, bundle composition): [PROFILE.md](PROFILE.md), written by `node bench/profile.mjs > bench/PROFILE.md`.',
);
writeFileSync(OUT, lines.join('\n') + '\n');
// Laid out as the repository's formatter wants it (npm test runs biome check over the Markdown too)
const biome = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--write', OUT],
  {
    encoding: 'utf8',
  },
);
if (biome.status !== 0) log(`biome format ${relative(ROOT, OUT)} failed: ${biome.stderr || biome.stdout}`);
log(`wrote ${relative(ROOT, OUT)}`);

if (flag('clean')) rmSync(TMP, { recursive: true, force: true });
else log(`work files are in ${relative(ROOT, TMP)}/ (--clean removes them)`);
