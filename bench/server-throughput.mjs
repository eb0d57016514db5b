// Upload throughput and memory of the server target (issue 13): records per second through the generated node
// client of examples/shop (`codegen --target node`) to the fake CleverTap upload server, side by side with the
// official `clevertap` package (1.3.0) uploading the same records to the same server, and each one's peak RSS.
//
//   node bench/server-throughput.mjs [--quick] [--json]        (after `npm run build`)
//
//   options: --runs N (interleaved runs per client; default 3, 1 with --quick)
//
// Scenarios: loopback as it is (CPU-bound: both sides share the machine's cores, so records/s moves with the load of
// the machine; the client's CPU time and its ratio to the official package's are steadier), loopback with a 50 ms
// reply delay (a round trip to CleverTap's API and its processing take tens to hundreds of ms: what concurrency is
// for), and 300,000 records for memory.
// The server runs in a process of its own (test/server/fake-upload-server.ts, no faults, every record validated),
// each client run in a fresh one (peak RSS from bench/rusage-preload.cjs). The official package is pointed at the
// server by replacing its `api.apiEndpoint` (it builds `https://<region>.api.clevertap.com/1` and offers no option).
// Ours sends as a bulk producer would: `await drain()` every 1000 records, so memory is bounded by maxQueueSize
// (10,000 records), while the official package takes the whole array at once.
import { spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TMP = join(ROOT, 'bench', '.tmp', 'server');
const PRELOAD = join(ROOT, 'bench', 'rusage-preload.cjs');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const QUICK = argv.includes('--quick');
const RUNS = Number(opt('runs', QUICK ? 1 : 3));
const SCENARIOS = [
  { id: 'loopback', label: 'loopback', delayMs: 0, records: QUICK ? 20_000 : 100_000, runs: RUNS },
  { id: 'latency', label: 'loopback + 50 ms per reply', delayMs: 50, records: QUICK ? 5_000 : 20_000, runs: RUNS },
  {
    id: 'memory',
    label: 'memory',
    delayMs: 0,
    records: QUICK ? 50_000 : 300_000,
    runs: 1,
    clients: ['ours', 'official'],
  },
];
const CODEGEN = join(ROOT, 'bin', 'codegen.js');
const JSON_OUT = argv.includes('--json');
const ACCOUNT = { accountId: 'BENCH-ACC', passcode: 'BENCH-PASS' };
const log = (msg) => process.stderr.write(`[server-bench] ${msg}\n`);

// The same records for every client: two events (Charged with two items, Product Viewed) for each profile. Ours
// makes them by calling the generated client; the official package gets the records that client sends.
const INPUT_JS = `const at = (i) => new Date((1700000000 + i) * 1000);
const who = (i) => 'user-' + (i % 5000);
const charged = (i) => ({ Amount: (i % 1000) / 4, 'Payment mode': 'Card', 'Charged ID': 'A' + i, Currency: 'EUR', Items: [{ sku: 'SKU-' + (i % 97), quantity: 1 + (i % 3), unit_price: 12.5 }, { sku: 'SKU-7', quantity: 1 }] });
const viewed = (i) => ({ product_id: 'SKU-' + (i % 97), price: 12.5, currency: 'EUR' });
const traits = (i) => ({ email: 'user' + i + '@example.com', name: 'User ' + i, plan: 'pro', 'MSG-email': i % 2 === 0 });`;
const RECORD_JS = `${INPUT_JS}
const record = (i) => {
  const ts = 1700000000 + i;
  if (i % 3 === 0) return { type: 'event', identity: who(i), ts, evtName: 'Charged', evtData: charged(i) };
  if (i % 3 === 1) return { type: 'event', identity: who(i), ts, evtName: 'Product Viewed', evtData: viewed(i) };
  const t = traits(i);
  return { type: 'profile', identity: who(i), ts, profileData: { Email: t.email, Name: t.name, plan: t.plan, 'MSG-email': t['MSG-email'] } };
};`;
const CALL_JS = `${INPUT_JS}
const call = (ct, i) => i % 3 === 0 ? ct.trackCharged(who(i), charged(i), { ts: at(i) })
  : i % 3 === 1 ? ct.trackProductViewed(who(i), viewed(i), { ts: at(i) })
  : ct.identify(who(i), traits(i), { ts: at(i) });`;

const CLIENTS = {
  ours: {
    label: 'ours: generated client, defaults (batches of 100, 5 requests at once)',
    options: {},
  },
  oursWide: {
    label: 'ours: generated client, batches of 1000, 15 requests at once (the API maxima)',
    options: { batchSize: 1000, maxConcurrency: 15 },
  },
  official: { label: 'official `clevertap` 1.3.0 `upload()` (batches of 100, one at a time)' },
};

function clientScript(kind, url, records) {
  if (kind === 'official') {
    return `${RECORD_JS}
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
const ct = require('clevertap').init(${JSON.stringify(ACCOUNT.accountId)}, ${JSON.stringify(ACCOUNT.passcode)}, 'eu1');
ct.api.apiEndpoint = ${JSON.stringify(`${url}/1`)};
const start = performance.now();
const data = [];
for (let i = 0; i < ${records}; i++) data.push(record(i));
let res = await ct.upload(data);
const seconds = (performance.now() - start) / 1000;
if (!Array.isArray(res)) res = [res];
const delivered = res.reduce((n, r) => n + (typeof r === 'object' && r ? r.processed ?? 0 : 0), 0);
console.log(JSON.stringify({ seconds, delivered, failed: ${records} - delivered }));
`;
  }
  return `${CALL_JS}
import { createClient } from './client.mjs';
let failed = 0;
const ct = createClient({ endpoint: ${JSON.stringify(url)}, ...${JSON.stringify(ACCOUNT)} }, { ...${JSON.stringify(CLIENTS[kind].options)}, onError: (e) => { failed += e.records.length; } });
const start = performance.now();
for (let i = 0; i < ${records}; i++) {
  if (i % 1000 === 0) await ct.drain();
  call(ct, i);
}
await ct.close();
const seconds = (performance.now() - start) / 1000;
const s = ct.stats();
console.log(JSON.stringify({ seconds, delivered: s.delivered, failed: s.failed }));
`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function startServer(delayMs) {
  const server = spawn(process.execPath, [join(TMP, 'server.mjs'), String(delayMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(String(d).trim()));
    server.once('exit', (code) => reject(new Error(`the fake server exited (${code})`)));
  });
  // A fresh connection each time (agent: false): a kept-alive one may have been closed by the server in between
  const counts = () =>
    new Promise((resolve, reject) => {
      get(`${url}/_counts`, { agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(JSON.parse(text)));
      }).on('error', reject);
    });
  return { url, counts, stop: () => server.stdin.end() };
}

/** One client run in a fresh process: its own timing, the server's counts, its peak RSS and CPU time. */
async function runClient(kind, scenario, server) {
  const file = join(TMP, `${scenario.id}-${kind}.mjs`);
  writeFileSync(file, clientScript(kind, server.url, scenario.records));
  const before = await server.counts();
  const rusageFile = join(TMP, `rusage-${kind}.json`);
  rmSync(rusageFile, { force: true });
  const r = spawnSync(process.execPath, ['--require', PRELOAD, file], {
    cwd: TMP,
    encoding: 'utf8',
    env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile, NODE_ENV: 'production' },
    timeout: 600_000,
  });
  if (r.status !== 0) throw new Error(`${kind} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  const after = await server.counts();
  const ru = existsSync(rusageFile) ? JSON.parse(readFileSync(rusageFile, 'utf8')) : undefined;
  const entry = {
    seconds: out.seconds,
    perSecond: scenario.records / out.seconds,
    delivered: out.delivered,
    serverProcessed: after.processed - before.processed,
    requests: after.requests - before.requests,
    rssMB: ru ? (ru.maxRSS * 1024) / 1e6 : NaN,
    cpuSeconds: ru ? (ru.userCPUTime + ru.systemCPUTime) / 1e6 : NaN,
  };
  if (entry.serverProcessed !== scenario.records || entry.delivered !== scenario.records) {
    throw new Error(
      `${kind}: the server processed ${entry.serverProcessed} and the client reports ${entry.delivered} of ${scenario.records} records`,
    );
  }
  return entry;
}

async function main() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  if (!existsSync(join(ROOT, 'dist', 'codegen.mjs'))) throw new Error('dist/ is missing: run `npm run build` first');
  const gen = spawnSync(
    process.execPath,
    [CODEGEN, join(ROOT, 'examples/shop/plan.json'), '--target', 'node', '--out', join(TMP, 'client-src')],
    { encoding: 'utf8' },
  );
  if (gen.status !== 0) throw new Error(`codegen --target node failed: ${gen.stderr}`);
  await build({
    entryPoints: [join(TMP, 'client-src', 'index.ts')],
    outfile: join(TMP, 'client.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  await build({
    entryPoints: [join(ROOT, 'test/server/fake-upload-server.ts')],
    outfile: join(TMP, 'fake-server.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  writeFileSync(
    join(TMP, 'server.mjs'),
    `import { startFakeUploadServer } from './fake-server.mjs';
const s = await startFakeUploadServer({ ...${JSON.stringify(ACCOUNT)}, keepLog: false, delayMs: Number(process.argv[2]) || undefined });
console.log(s.url);
process.stdin.on('end', () => s.close().then(() => process.exit(0)));
process.stdin.resume();
`,
  );
  const summary = { scenarios: [] };
  for (const scenario of SCENARIOS) {
    const server = await startServer(scenario.delayMs);
    const kinds = scenario.clients ?? Object.keys(CLIENTS);
    const results = Object.fromEntries(kinds.map((k) => [k, { label: CLIENTS[k].label, runs: [] }]));
    log(
      `${scenario.label}: ${scenario.records.toLocaleString('en-US')} records, ${scenario.runs} run(s) per client, server at ${server.url}`,
    );
    try {
      // Interleaved runs, so that a change in the machine's speed touches every client alike.
      for (let run = 0; run < scenario.runs; run++) {
        for (const kind of kinds) {
          const entry = await runClient(kind, scenario, server);
          results[kind].runs.push(entry);
          log(
            `  ${kind} run ${run + 1}: ${Math.round(entry.perSecond).toLocaleString('en-US')} records/s, ${entry.requests} requests, CPU ${entry.cpuSeconds.toFixed(2)} s, peak RSS ${entry.rssMB.toFixed(0)} MB`,
          );
        }
      }
    } finally {
      server.stop();
    }
    for (const r of Object.values(results)) {
      r.perSecond = median(r.runs.map((x) => x.perSecond));
      r.rssMB = median(r.runs.map((x) => x.rssMB));
      r.cpuSeconds = median(r.runs.map((x) => x.cpuSeconds));
      r.requests = r.runs[0].requests;
    }
    const ratio = (k) => (results[k] ? results[k].perSecond / results.official.perSecond : undefined);
    summary.scenarios.push({ ...scenario, clients: results, ratio: ratio('ours'), ratioWide: ratio('oursWide') });
  }
  if (JSON_OUT) console.log(JSON.stringify(summary));
  else console.log(serverSection(summary).join('\n'));
}

/** The Markdown of the server section (bench/run.mjs writes it into RESULTS.md). */
export function serverSection(summary) {
  const n = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    '## 8. Server target: uploads to the fake CleverTap API, ours vs the official `clevertap` package',
    '',
    'bench/server-throughput.mjs: the generated node client of examples/shop, and `clevertap` 1.3.0 given the records that client sends ' +
      '(Charged with two items, Product Viewed, a profile, in turn), against the fake upload server (test/server/fake-upload-server.ts, ' +
      'validating every record) in a process of its own; each client run in a fresh process. Ours calls `await drain()` every 1000 records ' +
      '(its queue holds at most 10,000); the official package is handed the array whole. Every run checks that the server processed every record. ' +
      "Median (min–max) of interleaved runs; CPU time and peak RSS are the client process's own.",
    '',
  ];
  for (const sc of summary.scenarios) {
    lines.push(
      `### ${sc.label}: ${n(sc.records)} records${sc.delayMs ? ` (the server waits ${sc.delayMs} ms before each reply, as a round trip to the API would)` : ''}`,
      '',
    );
    lines.push(
      '| client | requests | records/s | ÷ official | CPU (s) | CPU ÷ official | peak RSS (MB) |',
      '|---|---|---|---|---|---|---|',
    );
    for (const c of Object.values(sc.clients)) {
      const xs = c.runs.map((r) => r.perSecond);
      const range = xs.length > 1 ? ` (${n(Math.min(...xs))}–${n(Math.max(...xs))})` : '';
      lines.push(
        `| ${c.label} | ${n(c.requests)} | ${n(c.perSecond)}${range} | ×${n(c.perSecond / sc.clients.official.perSecond, 1)} | ${n(c.cpuSeconds, 2)} | ×${n(c.cpuSeconds / sc.clients.official.cpuSeconds, 2)} | ${n(c.rssMB)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
