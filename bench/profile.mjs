// Where the time goes (optional, after `npm run build`): node bench/profile.mjs [gen] [tsc] [bundle] [calls] [--keep]
//
//   gen     `node --cpu-prof` of `codegen` on the 512×256 plan (--gen-size=512x32 for another) (and of `codegen --version`, the start-up):
//           self time by module and by function, and inclusive time per pipeline phase
//   tsc     `tsc --extendedDiagnostics` of the 512×32 app, as generated and with parts of the client removed
//           (the dev-mode rule arrays; the JSDoc), to show what the check time is spent on
//   bundle  the top-level declarations that one track call of the 512×32 client pulls into a bundle, by minified size
//   calls   `node --cpu-prof` of production and development calls (bench/call-cost.mjs): self time by function
// Prints a Markdown report on stdout (progress on stderr). Work files in bench/.tmp/profile (removed unless --keep).
// Example: node bench/profile.mjs > bench/.tmp/PROFILE.md
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_COMPILER_OPTIONS, fnOf } from './lib.mjs';
import { propsSource, sampleProps, syntheticPlanJson } from './synthetic-plan.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BENCH = join(ROOT, 'bench');
const TMP = join(BENCH, '.tmp', 'profile');
const CODEGEN = join(ROOT, 'bin', 'codegen.js');
const TSC = join(ROOT, 'node_modules', 'typescript', 'lib', 'tsc.js');
const argv = process.argv.slice(2);
const parts = argv.filter((a) => !a.startsWith('--'));
const want = (p) => parts.length === 0 || parts.includes(p);
const log = (m) => process.stderr.write(`[profile] ${m}\n`);
const out = [];
const p = (s = '') => out.push(s);

rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });

function node(args, { env = {}, cwd = ROOT } = {}) {
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (r.status !== 0)
    throw new Error(
      `node ${args.join(' ')} exited ${r.status}\n${r.stdout.slice(0, 3000)}\n${r.stderr.slice(0, 3000)}`,
    );
  return r;
}

function plan(events, props) {
  const dir = join(TMP, `${events}x${props}`);
  mkdirSync(dir, { recursive: true });
  const planPath = join(dir, 'plan.json');
  writeFileSync(planPath, syntheticPlanJson({ events, props, seed: 1 }));
  node([CODEGEN, planPath, '--out', join(dir, 'client')]);
  // The client is a folder: index.ts, and checks.ts that init loads in development mode.
  const clientDir = join(dir, 'client');
  const clientPath = join(clientDir, 'index.ts');
  const files = Object.fromEntries(
    readdirSync(clientDir)
      .sort()
      .map((f) => [f, readFileSync(join(clientDir, f), 'utf8')]),
  );
  return {
    dir,
    planPath,
    plan: JSON.parse(readFileSync(planPath, 'utf8')),
    clientDir,
    clientPath,
    client: files['index.ts'],
    files,
  };
}

// ------------------------------------------------------------------------------------------- .cpuprofile
const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(`${ROOT}/`, '')
    .replace(/^.*node_modules\//, 'node_modules/');
// A file bundled by esbuild (dist/codegen.mjs) marks where each source module starts with a `// path` comment line:
// a frame in it is credited to that source file.
const boundaries = new Map();
function bundledSource(url, line) {
  if (!boundaries.has(url)) {
    let marks = [];
    try {
      const text = readFileSync(fileURLToPath(url), 'utf8');
      if (text.length < 50e6) {
        text.split('\n').forEach((l, i) => {
          const m = l.match(/^\/\/ ((?:generator|src|node_modules|templates)\/\S+)$/);
          if (m) marks.push([i, m[1]]);
        });
      }
    } catch {
      marks = [];
    }
    boundaries.set(url, marks);
  }
  let found;
  for (const [i, path] of boundaries.get(url)) {
    if (i > line) break;
    found = path;
  }
  return found;
}
function moduleOf(frame) {
  const { url, functionName, lineNumber } = frame;
  if (!url) return functionName.startsWith('(') ? `V8 ${functionName}` : '(native code)';
  if (url.startsWith('node:')) return url.replace(/^(node:internal\/[^/]+).*$/, '$1');
  const src = url.startsWith('file:') ? bundledSource(url, lineNumber) : undefined;
  const u = src ?? shortUrl(url);
  const m = u.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return `npm ${m[1]}`;
  return u;
}
/** Self and inclusive times (ms) of a .cpuprofile, by function, by module, and by named phase functions. */
function analyse(file, phaseNames = []) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const where = (f) => {
    if (!f.url) return '';
    const src = f.url.startsWith('file:') ? bundledSource(f.url, f.lineNumber) : undefined;
    return `${src ? `${src} @ ` : ''}${shortUrl(f.url)}:${f.lineNumber + 1}`;
  };
  const key = (n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame)}`.trim();
  const self = new Map();
  const mods = new Map();
  const incl = new Map();
  const phases = new Map();
  let total = 0;
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    const leaf = byId.get(prof.samples[i]);
    add(self, key(leaf), dt);
    add(mods, moduleOf(leaf.callFrame), dt);
    const seen = new Set();
    let phase;
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      const k = key(n);
      if (!seen.has(k)) {
        seen.add(k);
        add(incl, k, dt);
      }
      if (phaseNames.includes(n.callFrame.functionName)) phase = n.callFrame.functionName; // the outermost wins
    }
    const leafName = leaf.callFrame.functionName;
    add(
      phases,
      phase ??
        (leafName === '(garbage collector)'
          ? '(garbage collector, any phase)'
          : '(outside the phases: start-up, module loading, CLI)'),
      dt,
    );
  }
  const top = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { total, self: top(self, 25), mods: top(mods, 15), incl: top(incl, 40), phases: top(phases, 20) };
}
const pct = (x, total) => `${((100 * x) / total).toFixed(1)}%`;
function table(title, rows, total) {
  p(`| ${title} | ms | share |`);
  p('|---|---|---|');
  for (const [k, v] of rows) p(`| \`${k.replace(/\|/g, '\\|')}\` | ${v.toFixed(0)} | ${pct(v, total)} |`);
  p();
}
function cpuProfile(args, name, env = {}) {
  const dir = join(TMP, `prof-${name}`);
  rmSync(dir, { recursive: true, force: true });
  const r = node(['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '500', ...args], { env });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return { file: join(dir, file), stdout: r.stdout };
}

// ------------------------------------------------------------------------------------------- gen
if (want('gen')) {
  const [genEvents, genProps] = (argv.find((a) => a.startsWith('--gen-size='))?.slice(11) ?? '512x256')
    .split('x')
    .map(Number);
  log(`generating the ${genEvents}×${genProps} plan and profiling codegen…`);
  const big = plan(genEvents, genProps);
  const phaseNames = [
    'loadPlan',
    'buildPlan',
    'checkPlan',
    'emitWeb',
    'writeFiles',
    'sortDiagnostics',
    'formatDiagnostics',
  ];
  const startup = analyse(cpuProfile([CODEGEN, '--version'], 'startup').file, []);
  const gen = analyse(cpuProfile([CODEGEN, big.planPath, '--out', join(TMP, 'gen-out')], 'gen').file, phaseNames);
  p(`## Generation: \`node --cpu-prof bin/codegen.js plan-${genEvents}x${genProps}.json\` (one run, 0.5 ms sampling)`);
  p();
  p(
    `Profiled time: ${gen.total.toFixed(0)} ms (start-up alone, \`codegen --version\`: ${startup.total.toFixed(0)} ms; the profiler slows both a little).`,
  );
  p();
  table(
    'phase (inclusive: the outermost of loadPlan, buildPlan, checkPlan, emitWeb, writeFiles)',
    gen.phases,
    gen.total,
  );
  table('module (self time)', gen.mods, gen.total);
  table('function (self time)', gen.self, gen.total);
  table('function (inclusive time, top 40)', gen.incl, gen.total);
  p('### Start-up (`codegen --version`)');
  p();
  table('module (self time)', startup.mods.slice(0, 10), startup.total);
}

// ------------------------------------------------------------------------------------------- tsc
const STUB_TS = `const sdk = {
  event: { push: (name: string, data: Record<string, unknown>): unknown => (globalThis as any).__sent = [name, data] },
  onUserLogin: { push: (profile: unknown): unknown => (globalThis as any).__sent = profile },
  profile: { push: (profile: unknown): unknown => (globalThis as any).__sent = profile },
};`;
const TSCONFIG = {
  compilerOptions: APP_COMPILER_OPTIONS,
  files: ['app.ts'],
};
let mid;
const midPlan = () => (mid ??= plan(512, 32));

if (want('tsc')) {
  log('tsc ablations on the 512×32 client…');
  const m = midPlan();
  const names = Object.keys(m.plan.events);
  const first = names[0];
  const fn = fnOf(m.client, first);
  // Each variant transforms every file of the client; one that changes nothing (its pattern is gone from this
  // generator's output) is left out.
  const noJsdoc = (src) => src.replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, '');
  // Rule arrays as literals annotated `: Rules` (what the generator emitted before rules became JSON strings).
  const noRules = (src) => src.replace(/^(const rules\w*: Rules = )\[.*\];$/gmu, '$1[];');
  const asConst = (src) => src.replace(/^const (rules\w*): Rules = (\[.*\]);$/gmu, 'const $1 = $2 as const;');
  const asJson = (src) =>
    src.replace(
      /^(const rules\w*: Rules = )(\[.*\]);$/gmu,
      (_, head, literal) =>
        `${head}JSON.parse(${JSON.stringify(JSON.stringify(new Function(`return ${literal}`)()))});`,
    );
  // Interfaces of event properties reduced to one member: what the per-property types cost.
  const oneMember = (src) =>
    src.replace(/^(export interface \w+Properties \{\n)(?:(?!^\}).*\n)*?^\}$/gmu, '$1  [key: string]: unknown;\n}');
  const variants = {
    'as generated': (x) => x,
    'JSDoc comments removed': noJsdoc,
    'rule arrays emptied (`const rulesX: Rules = [];`)': noRules,
    'rule arrays emptied and JSDoc removed': (x) => (noRules(x) === x ? x : noJsdoc(noRules(x))),
    'rule arrays `as const` instead of annotated `: Rules`': asConst,
    "rule arrays as `JSON.parse('…')` strings": asJson,
    'event property interfaces reduced to an index signature': oneMember,
  };
  p("## Type-checking: what the 512×32 client's check time is spent on");
  p();
  p(
    "`tsc --extendedDiagnostics` of each variant of the client (same app: init, one track call), median of 3 runs. Removing a part shows what it costs. tsc's check and total times are wall-clock (noisy on a busy machine); the CPU column, the types and the instantiations are not.",
  );
  p();
  p(
    '| client variant | lines | check (s) | total (s) | whole tsc CPU (s) | types | instantiations | strict subtype cache | memory (MB) |',
  );
  p('|---|---|---|---|---|---|---|---|---|');
  let i = 0;
  for (const [label, transform] of Object.entries(variants)) {
    const files = Object.fromEntries(Object.entries(m.files).map(([f, src]) => [f, transform(src)]));
    if (label !== 'as generated' && Object.keys(files).every((f) => files[f] === m.files[f])) {
      log(`tsc ${label}: not applicable to this client`);
      continue;
    }
    const dir = join(TMP, `tsc-${i++}`);
    mkdirSync(join(dir, 'client'), { recursive: true });
    for (const [f, src] of Object.entries(files)) writeFileSync(join(dir, 'client', f), src);
    const src = Object.values(files).join('\n');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    const props = propsSource(sampleProps(m.plan.events[first], { all: false }));
    writeFileSync(
      join(dir, 'app.ts'),
      `import { init, ${fn} } from './client/index.js';\n${STUB_TS}\nvoid init({ sdk });\n${fn}(${props});\n`,
    );
    const runs = [];
    for (let k = 0; k < 3; k++) {
      const rusage = join(dir, 'rusage.json');
      const r = spawnSync(
        process.execPath,
        [
          '--require',
          join(BENCH, 'rusage-preload.cjs'),
          TSC,
          '-p',
          join(dir, 'tsconfig.json'),
          '--extendedDiagnostics',
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, BENCH_RUSAGE_FILE: rusage },
        },
      );
      if (r.status !== 0) throw new Error(`tsc failed for "${label}":\n${r.stdout.slice(0, 3000)}`);
      const num = (l) => Number((r.stdout.match(new RegExp(`^${l}:\\s+([\\d.]+)`, 'm')) ?? [])[1]);
      const ru = JSON.parse(readFileSync(rusage, 'utf8'));
      runs.push({
        check: num('Check time'),
        total: num('Total time'),
        cpu: (ru.userCPUTime + ru.systemCPUTime) / 1e6,
        types: num('Types'),
        inst: num('Instantiations'),
        subtype: num('Strict subtype cache size'),
        mem: (num('Memory used') * 1024) / 1e6,
      });
    }
    const med = (k) => runs.map((x) => x[k]).sort((a, b) => a - b)[1];
    const num = (l) => ({ 'Check time': med('check'), 'Total time': med('total') })[l];
    const cpu = med('cpu').toFixed(2);
    p(
      `| ${label} | ${src.split('\n').length} | ${med('check').toFixed(2)} | ${med('total').toFixed(2)} | ${cpu} | ${runs[0].types} | ${runs[0].inst} | ${runs[0].subtype} | ${med('mem').toFixed(0)} |`,
    );
    log(`tsc ${label}: check ${num('Check time')} s`);
  }
  p();
}

// ------------------------------------------------------------------------------------------- bundle
if (want('bundle')) {
  log('bundle composition…');
  const esbuild = await import('esbuild');
  const m = midPlan();
  const first = Object.keys(m.plan.events)[0];
  const fn = fnOf(m.client, first);
  const dir = join(TMP, 'bundle');
  mkdirSync(dir, { recursive: true });
  cpSync(m.clientDir, join(dir, 'client'), { recursive: true });
  writeFileSync(
    join(dir, 'entry.ts'),
    `import { init, ${fn} } from './client/index.js';\n${STUB_TS}\nvoid init({ sdk });\n${fn}(${propsSource(sampleProps(m.plan.events[first]))});\n`,
  );
  // Split as an app's bundler does; the entry chunk is what every page loads, the others are loaded lazily.
  const r = await esbuild.build({
    entryPoints: [join(dir, 'entry.ts')],
    bundle: true,
    splitting: true,
    minify: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    external: ['clevertap-web-sdk'],
    write: false,
    metafile: true,
    absWorkingDir: ROOT,
    outdir: join(dir, 'out'),
    logLevel: 'silent',
  });
  const entryKey = Object.keys(r.metafile.outputs).find((k) => r.metafile.outputs[k].entryPoint);
  const entryFile = r.outputFiles.find((f) => f.path === join(ROOT, entryKey));
  const others = r.outputFiles.filter((f) => f !== entryFile);
  const lazyMin = [];
  for (const f of others)
    lazyMin.push([
      f.path.split('/').pop(),
      (await esbuild.transform(f.text, { minify: true, loader: 'js', format: 'esm' })).code.length,
    ]);
  const code = entryFile.text;
  // Top-level statements start in column 0 (esbuild's unminified output); each is minified on its own.
  const chunks = [];
  for (const line of code.split('\n')) {
    if (/^(var|let|const|function|async function|class|import|export|\/\/)/.test(line) || chunks.length === 0)
      chunks.push([line]);
    else chunks[chunks.length - 1].push(line);
  }
  const sizes = [];
  for (const c of chunks) {
    const text = c.join('\n');
    if (text.startsWith('//')) continue;
    const name = (text.match(/^(?:var|let|const|function|async function|class)\s+(\w+)/) ?? [])[1] ?? text.slice(0, 30);
    let min;
    try {
      min = (await esbuild.transform(text, { minify: true, loader: 'js', format: 'esm' })).code.length;
    } catch {
      min = text.length;
    }
    sizes.push([name, min]);
  }
  sizes.sort((a, b) => b[1] - a[1]);
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  p(`## Bundle: what one track call of the 512×32 client pulls in (\`${fn}\`)`);
  p();
  p(
    `Top-level declarations of the tree-shaken entry chunk, each minified alone (sum ${total} B; names are the source's, the stub entry included). ` +
      `Other chunks (loaded by dynamic import): ${lazyMin.map(([f, n]) => `${f} ${n} B`).join(', ') || 'none'}.`,
  );
  p();
  p('| declaration | minified (B) |');
  p('|---|---|');
  for (const [name, n] of sizes.slice(0, 25)) p(`| \`${name}\` | ${n} |`);
  p();
}

// ------------------------------------------------------------------------------------------- calls
if (want('calls')) {
  const esbuild = await import('esbuild');
  const m = midPlan();
  const first = Object.keys(m.plan.events)[0];
  const fn = fnOf(m.client, first);
  const mjs = join(m.dir, 'client.mjs');
  await esbuild.build({
    entryPoints: [m.clientPath],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    external: ['clevertap-web-sdk'],
    outfile: mjs,
    logLevel: 'silent',
  });
  for (const mode of ['production', 'development']) {
    log(`profiling ${mode} calls…`);
    const { file, stdout } = cpuProfile([join(BENCH, 'call-cost.mjs'), mjs, m.planPath, first, fn], `calls-${mode}`, {
      CALL_COST_ONLY: mode,
    });
    const res = JSON.parse(stdout)[mode];
    const a = analyse(file);
    p(`## Calls: \`${fn}\` (32 properties) in ${mode} mode, ${res.median.toFixed(0)} ns/call under the profiler`);
    p();
    table('function (self time)', a.self.slice(0, 15), a.total);
  }
}

const { cpus, loadavg } = await import('node:os');
const header = [
  '# Where the time goes',
  '',
  `Written by \`${['node bench/profile.mjs', ...argv].join(' ')}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ` +
    `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}. ` +
    'Synthetic plans of bench/synthetic-plan.mjs, seed 1. Single runs: read the shares, not the absolute times.',
  '',
];
process.stdout.write([...header, ...out].join('\n') + '\n');
if (!argv.includes('--keep')) rmSync(TMP, { recursive: true, force: true });
