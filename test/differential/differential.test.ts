/**
 * "The client cannot send what the plan does not allow", against judges: for random event, Charged and identify
 * schemas (support/schemas.ts) and random values (support/values.ts, which also says how a JSON date string maps to
 * the client's `Date`), Ajv, the generated development-mode checks and tsc must agree (support/judge.ts says how);
 * json-schema-to-typescript's types must take the same literals as ours, but for the differences support/jsts.ts
 * names (EXCEPTIONS).
 *
 * `npm test` judges at least 300 cases (plans × values) with a fixed seed; `npm run fuzz` (FUZZ_RUNS) at least
 * 5,000 with a random one. On a disagreement the failing plan is searched again one case at a time, so that
 * fast-check shrinks it: the failure prints the seed, the shrunk plan and the value.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { removeScratch } from '../property/support/harness.js';
import { SEED } from '../property/support/runs.js';
import { disagreements, tally, type Case } from './support/judge.js';
import { planArb } from './support/schemas.js';
import { objectValueArb } from './support/values.js';

const fuzzing = process.env.FUZZ_RUNS !== undefined;
/** Cases to judge: at least 300 in `npm test`, at least 5,000 (or 3 × FUZZ_RUNS) when fuzzing. */
const CASES = fuzzing ? Math.max(5000, 3 * Number(process.env.FUZZ_RUNS)) : 320;
const VALUES_PER_PLAN = 10;
/** Plans per TypeScript program. */
const BATCH = 80;

const caseArb: fc.Arbitrary<Case> = planArb.chain((gen) =>
  fc
    .array(objectValueArb(gen.object, (gen.plan.$defs ?? {}) as Record<string, unknown>), {
      minLength: VALUES_PER_PLAN,
      maxLength: VALUES_PER_PLAN,
    })
    .map((values) => ({ gen, values })),
);

afterAll(() => {
  removeScratch();
  console.info(
    `differential: seed ${SEED}; ${tally.plans} plans (${tally.refused} refused by the generator), ${tally.judged} cases judged: ${tally.valid} valid, ${tally.compiled} compiled; json-schema-to-typescript judged ${tally.jsts} (excepted by design: ${JSON.stringify(tally.jstsExcepted)}); refusals ${JSON.stringify(tally.codes)}; ms ${JSON.stringify(tally.ms, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
  );
});

describe('Ajv, the development checks and tsc agree', () => {
  it(`on ${CASES} random cases or more`, async () => {
    let rng = SEED;
    const found: string[] = [];
    // Plans are drawn in batches until enough cases were judged (the generator refuses some plans)
    while (tally.judged < CASES && (found.length === 0 || process.env.DIFF_ALL)) {
      const batch = fc.sample(caseArb, { numRuns: BATCH, seed: rng++ });
      found.push(...(await disagreements(batch)));
    }
    if (found.length > 0 && process.env.DIFF_ALL) console.info(found.join('\n\n'));
    if (found.length > 0) {
      // Search again one case at a time from the failing batch's seed, so that fast-check shrinks the case
      let shrunk = '';
      await fc
        .assert(
          fc.asyncProperty(caseArb, async (c) => {
            const d = await disagreements([c]);
            if (d.length > 0) {
              shrunk = d[0]!;
              throw new Error(d[0]);
            }
          }),
          { seed: rng - 1, numRuns: BATCH, interruptAfterTimeLimit: 20_000 },
        )
        .catch(() => undefined);
      expect.fail(
        `seed ${SEED} (batch seed ${rng - 1}): ${found.length} disagreements; the first:\n${found[0]}\n\nshrunk:\n${shrunk || '(did not recur alone)'}`,
      );
    }
    expect(tally.judged).toBeGreaterThanOrEqual(CASES);
  });
});
