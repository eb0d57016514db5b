// Upload throughput and memory of the server target (issue 13): records per second through our transport to the
// fake CleverTap upload server on loopback, side by side with the official `clevertap` package (1.3.0) uploading
// the same records to the same server, and each one's peak RSS for the whole run.
//
//   node bench/server-throughput.mjs [--records 100000] [--runs 3] [--json]
//
// The server runs in a process of its own (test/server/fake-upload-server.ts, no faults, every record validated),
// each client run in a fresh one (peak RSS from bench/rusage-preload.cjs). The official package is pointed at the
// server by replacing its `api.apiEndpoint` (it builds `https://<region>.api.clevertap.com/1` and offers no option).
// Ours sends as a bulk producer would: `await drain()` every 1000 records, so memory is bounded by maxQueueSize
// (10,000 records), while the official package takes the whole array at once.
import { spawn, spawnSync } from 'node:child_process';
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
const RECORDS = Number(opt('records', 100_000));
const RUNS = Number(opt('runs', 3));
const JSON_OUT = argv.includes('--json');
const ACCOUNT = { accountId: 'BENCH-ACC', passcode: 'BENCH-PASS' };
const log = (msg) => process.stderr.write(`[server-bench] ${msg}\n`);

// The same records for every client: two events for each profile, ~10 properties, as a back end would send.
const RECORD_JS = `const record = (i) => i % 3 === 2
  ? { type: 'profile', identity: 'user-' + (i % 5000), ts: 1700000000 + i, profileData: { Name: 'User ' + i, Email: 'user' + i + '@example.com', plan: 'pro', seats: i % 50, renewed: i % 2 === 0 } }
  : { type: 'event', identity: 'user-' + (i % 5000), ts: 1700000000 + i, evtName: 'Order Completed', evtData: { order_id: 'A' + i, total: (i % 1000) / 4, currency: 'EUR', items: 1 + (i % 9), coupon: i % 7 ? 'NONE' : 'WELCOME', channel: 'web', first_order: i % 11 === 0, shipping: 4.9, tax: 1.2, store: 'berlin-' + (i % 12) } };`;

const CLIENTS = {
  ours: {
    label: 'ours: transport, defaults (batches of 100, 5 requests at once)',
    options: {},
  },
  oursWide: {
    label: 'ours: transport, batches of 1000, 15 requests at once (the API maxima)',
    options: { batchSize: 1000, maxConcurrency: 15 },
  },
  official: { label: 'official `clevertap` 1.3.0 `upload()` (batches of 100, one at a time)' },
};

function clientScript(kind, url) {
  if (kind === 'official') {
    return `${RECORD_JS}
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
const ct = require('clevertap').init(${JSON.stringify(ACCOUNT.accountId)}, ${JSON.stringify(ACCOUNT.passcode)}, 'eu1');
ct.api.apiEndpoint = ${JSON.stringify(`${url}/1`)};
const start = performance.now();
const data = [];
for (let i = 0; i < ${RECORDS}; i++) data.push(record(i));
let res = await ct.upload(data);
const seconds = (performance.now() - start) / 1000;
if (!Array.isArray(res)) res = [res];
const delivered = res.reduce((n, r) => n + (typeof r === 'object' && r ? r.processed ?? 0 : 0), 0);
console.log(JSON.stringify({ seconds, delivered, failed: ${RECORDS} - delivered }));
`;
  }
  const endpoint = { url: `${url}/1/upload`, ...ACCOUNT, maxRecordsPerRequest: 1000, maxConcurrentRequests: 15 };
  return `${RECORD_JS}
import { Transport } from './transport.mjs';
let failed = 0;
const t = new Transport(${JSON.stringify(endpoint)}, { ...${JSON.stringify(CLIENTS[kind].options)}, onError: (e) => { failed += e.records.length; } });
const start = performance.now();
for (let i = 0; i < ${RECORDS}; i++) {
  if (i % 1000 === 0) await t.drain();
  t.enqueue(record(i));
}
await t.close();
const seconds = (performance.now() - start) / 1000;
const s = t.stats();
console.log(JSON.stringify({ seconds, delivered: s.delivered, failed: s.failed }));
`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  await build({ entryPoints: [join(ROOT, 'templates/node/transport.ts')], outfile: join(TMP, 'transport.mjs'), format: 'esm', platform: 'node', logLevel: 'silent' });
  await build({ entryPoints: [join(ROOT, 'test/server/fake-upload-server.ts')], outfile: join(TMP, 'fake-server.mjs'), bundle: true, format: 'esm', platform: 'node', logLevel: 'silent' });
  writeFileSync(
    join(TMP, 'server.mjs'),
    `import { startFakeUploadServer } from './fake-server.mjs';
const s = await startFakeUploadServer({ ...${JSON.stringify(ACCOUNT)}, keepLog: false });
console.log(s.url);
process.stdin.on('end', () => s.close().then(() => process.exit(0)));
process.stdin.resume();
`,
  );
  const server = spawn(process.execPath, [join(TMP, 'server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(String(d).trim()));
    server.once('exit', (code) => reject(new Error(`the fake server exited (${code})`)));
  });
  const counts = async () => (await fetch(`${url}/_counts`)).json();
  log(`fake server at ${url}; ${RECORDS.toLocaleString('en-US')} records, ${RUNS} run(s) per client`);

  const results = {};
  try {
    for (const kind of Object.keys(CLIENTS)) {
      const file = join(TMP, `${kind}.mjs`);
      writeFileSync(file, clientScript(kind, url));
      results[kind] = { label: CLIENTS[kind].label, runs: [] };
    }
    // Interleaved runs, so that a change in the machine's speed touches every client alike.
    for (let run = 0; run < RUNS; run++) {
      for (const kind of Object.keys(CLIENTS)) {
        const before = await counts();
        const rusageFile = join(TMP, `rusage-${kind}.json`);
        rmSync(rusageFile, { force: true });
        const r = spawnSync(process.execPath, ['--require', PRELOAD, join(TMP, `${kind}.mjs`)], {
          cwd: TMP,
          encoding: 'utf8',
          env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile },
          timeout: 600_000,
        });
        if (r.status !== 0) throw new Error(`${kind} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
        const out = JSON.parse(r.stdout.trim().split('\n').pop());
        const after = await counts();
        const ru = existsSync(rusageFile) ? JSON.parse(readFileSync(rusageFile, 'utf8')) : undefined;
        const entry = {
          seconds: out.seconds,
          perSecond: RECORDS / out.seconds,
          delivered: out.delivered,
          failed: out.failed,
          serverProcessed: after.processed - before.processed,
          requests: after.requests - before.requests,
          rssMB: ru ? (ru.maxRSS * 1024) / 1e6 : NaN,
          cpuSeconds: ru ? (ru.userCPUTime + ru.systemCPUTime) / 1e6 : NaN,
        };
        if (entry.serverProcessed !== RECORDS || entry.delivered !== RECORDS) {
          throw new Error(`${kind}: the server processed ${entry.serverProcessed} and the client reports ${entry.delivered} of ${RECORDS} records`);
        }
        results[kind].runs.push(entry);
        log(`${kind} run ${run + 1}: ${Math.round(entry.perSecond).toLocaleString('en-US')} records/s, ${entry.requests} requests, peak RSS ${entry.rssMB.toFixed(0)} MB`);
      }
    }
  } finally {
    server.stdin.end();
  }
  for (const r of Object.values(results)) {
    r.perSecond = median(r.runs.map((x) => x.perSecond));
    r.rssMB = median(r.runs.map((x) => x.rssMB));
    r.cpuSeconds = median(r.runs.map((x) => x.cpuSeconds));
    r.requests = r.runs[0].requests;
  }
  const summary = { records: RECORDS, runs: RUNS, clients: results, ratio: results.ours.perSecond / results.official.perSecond };
  if (JSON_OUT) console.log(JSON.stringify(summary));
  else console.log(serverSection(summary).join('\n'));
}

/** The Markdown of the server section (bench/run.mjs writes it into RESULTS.md). */
export function serverSection(s) {
  const n = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    `## 5. Server target: upload throughput to the fake CleverTap API on loopback (${n(s.records)} records)`,
    '',
    'bench/server-throughput.mjs: the fake upload server (test/server/fake-upload-server.ts, validating every record) in its own process, ' +
      'each client in a fresh one; the same records (two events per profile, ~10 properties each). Ours enqueues with `await drain()` every 1000 records ' +
      '(queue bounded at 10,000 records); the official package gets the array whole. Every run checks that the server processed every record. ' +
      `Median (min–max) of ${s.runs} interleaved run(s); peak RSS is the client process's own.`,
    '',
    '| client | requests | records/s | ÷ official | CPU (s) | peak RSS (MB) |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of Object.values(s.clients)) {
    const xs = c.runs.map((r) => r.perSecond);
    const range = xs.length > 1 ? ` (${n(Math.min(...xs))}–${n(Math.max(...xs))})` : '';
    lines.push(`| ${c.label} | ${n(c.requests)} | ${n(c.perSecond)}${range} | ×${n(c.perSecond / s.clients.official.perSecond, 1)} | ${n(c.cpuSeconds, 2)} | ${n(c.rssMB)} |`);
  }
  lines.push('');
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
