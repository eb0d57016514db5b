import fc from 'fast-check';
import { it } from 'vitest';
import { disagreements, tally } from './support/judge.js';
import { planArb } from './support/schemas.js';
import { objectValueArb } from './support/values.js';
it('probe', async () => {
  const arb = planArb.chain((gen) => fc.array(objectValueArb(gen.object, (gen.plan.$defs ?? {}) as Record<string, unknown>), { minLength: 8, maxLength: 8 }).map((values) => ({ gen, values })));
  for (let b = 0; b < Number(process.env.PROBE_BATCHES ?? 2); b++) {
    const t = Date.now();
    const d = await disagreements(fc.sample(arb, { numRuns: 40, seed: 20261128 + b }));
    console.log(`batch ${b}: ${Date.now() - t} ms, ${d.length} disagreements`, JSON.stringify(tally));
    if (process.env.PROBE_SHOW) console.log(d.join('\n\n'));
  }
}, 600_000);
