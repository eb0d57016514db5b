// The cost of one generated `track` call against a stub SDK, run in its own process by bench/run.mjs:
//
//   node bench/call-cost.mjs <client.mjs> <plan.json> <event name> <trackFunction>
//
// Prints one JSON object on stdout: ns per call (median, min, max over rounds) for
//   direct      stub.event.push(name, {…literal…})      what an app without the client does
//   production  trackX({…literal…}) after init({ sdk: stub, mode: 'production' })
//   development trackX({…literal…}) after init({ sdk: stub, mode: 'development', onViolation: 'throw' })
// and the same three with one props object reused across calls (no allocation at the call site).
// The props set every property of the event to a valid value, so development mode checks all of them
// (onViolation 'throw' makes an invalid sample fail the benchmark instead of timing console.warn).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { propsSource, sampleProps } from './synthetic-plan.mjs';

const [clientPath, planPath, eventName, fnName] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, 'utf8'));
const props = sampleProps(plan.events[eventName], { all: true });
const client = await import(pathToFileURL(clientPath).href);
const track = client[fnName];
if (typeof track !== 'function') throw new Error(`${fnName} is not exported by ${clientPath}`);

let sink;
let pushes = 0;
const stub = {
  event: {
    push(_name, data) {
      sink = data;
      pushes++;
    },
  },
  onUserLogin: {
    push(profile) {
      sink = profile;
    },
  },
  profile: {
    push(profile) {
      sink = profile;
    },
  },
};

// A fresh object literal per call, as at a real call site; compiled once so both loops build the same shape.
const makeProps = new Function(
  `return function propsLiteral() { return ${propsSource(props)}; };\n//# sourceURL=bench-props-literal.js`,
)();

const loops = {
  direct: (n) => {
    for (let i = 0; i < n; i++) stub.event.push(eventName, makeProps());
  },
  client: (n) => {
    for (let i = 0; i < n; i++) track(makeProps());
  },
};
const reused = makeProps();
const loopsReused = {
  direct: (n) => {
    for (let i = 0; i < n; i++) stub.event.push(eventName, reused);
  },
  client: (n) => {
    for (let i = 0; i < n; i++) track(reused);
  },
};

function time(loop, n) {
  const t0 = process.hrtime.bigint();
  loop(n);
  return Number(process.hrtime.bigint() - t0) / n;
}

/** Calibrates n to ~targetMs per round, warms up, then times `rounds` rounds; ns per call. */
function measure(loop, { rounds = 7, targetMs = 150 } = {}) {
  let n = 1000;
  for (;;) {
    const ns = time(loop, n);
    if (ns * n > 20e6 || n >= 1e7) {
      n = Math.max(1000, Math.min(1e7, Math.round((targetMs * 1e6) / ns)));
      break;
    }
    n *= 10;
  }
  time(loop, n); // warm-up round
  const xs = [];
  for (let r = 0; r < rounds; r++) xs.push(time(loop, n));
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)], min: xs[0], max: xs[xs.length - 1], calls: n, rounds };
}

async function mode(m) {
  await client.init({ sdk: stub, mode: m, onViolation: 'throw' });
  const before = pushes;
  track(makeProps());
  if (pushes !== before + 1) throw new Error(`${fnName} did not reach the stub in ${m} mode`);
}

const result = { event: eventName, fn: fnName, properties: Object.keys(props).length, node: process.version };
// CALL_COST_ONLY=production|development times only that mode (for `node --cpu-prof`, see bench/profile.mjs).
const only = process.env.CALL_COST_ONLY;
if (only) {
  await mode(only);
  result[only] = measure(loops.client, { rounds: 15 });
} else {
  result.direct = measure(loops.direct);
  await mode('production');
  result.production = measure(loops.client);
  await mode('development');
  result.development = measure(loops.client);
  result.reused = { direct: measure(loopsReused.direct) };
  await mode('production');
  result.reused.production = measure(loopsReused.client);
  await mode('development');
  result.reused.development = measure(loopsReused.client);
}
if (sink === undefined) throw new Error('the stub received nothing');
process.stdout.write(JSON.stringify(result) + '\n');
