/**
 * Random valid plans — names and keys from everything CleverTap allows (unicode, emoji, `*\/`, backticks, U+2028,
 * JavaScript's reserved words...), hostile descriptions, every supported keyword — always give a client that:
 *  - reads back as the plan: each function sends exactly its event's name, each interface and rules table has
 *    exactly the plan's keys, and each description is whole inside its JSDoc (nothing broke out of a comment);
 *  - compiles under the strictest options the project promises, together with code that calls every function with
 *    valid values, while a key the plan lacks, a missing required key and an identify() without identity do not;
 *  - sends exactly the plan's names and keys to the SDK, in production mode and in development mode (whose checks
 *    must let every valid value through).
 * Counts: FUZZ_RUNS plans per property (see support/runs.ts).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { check, formatProblems, virtualDir } from './support/compiler.js';
import {
  callAll,
  describeCalls,
  expectedCalls,
  fakeSdk,
  generateClient,
  importClient,
  programFiles,
  removeScratch,
  sourceProblems,
  type GeneratedClient,
} from './support/harness.js';
import { planSpecArb, render, show } from './support/plans.js';
import { params, runs, SEED, tried } from './support/runs.js';

/** Plans per TypeScript program: one program checks a batch (creating a checker costs more than checking a client). */
const BATCH = 6;

afterAll(() => {
  removeScratch();
  console.info(`valid plans: seed ${SEED}; ${tried.plans} plans generated, ${tried.programs} TypeScript programs`);
});

describe('random valid plans', () => {
  it('read back as the plan: exact names and keys in the code, descriptions whole inside their comments', () => {
    fc.assert(
      fc.property(planSpecArb(6), (spec) => {
        tried.plans++;
        const client = generateClient(render(spec));
        const problems = sourceProblems(client);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\nplan:\n${show(client.rendered.plan)}`);
      }),
      params(runs(200)),
    );
  });

  it('compile under strict with calls of every function, and refuse misuse', () => {
    fc.assert(
      fc.property(fc.array(planSpecArb(4), { minLength: 1, maxLength: BATCH }), (specs) => {
        tried.plans += specs.length;
        tried.programs++;
        const clients = new Map<string, GeneratedClient>();
        const files = new Map<string, string>();
        for (const spec of specs) {
          const client = generateClient(render(spec));
          const dir = virtualDir();
          clients.set(dir, client);
          for (const [path, text] of programFiles(client, dir)) files.set(path, text);
        }
        const problems = check(files);
        if (problems.length === 0) return;
        const report = [...clients].flatMap(([dir, client]) => {
          const mine = problems.filter((p) => p.file.startsWith(dir + '/'));
          return mine.length === 0 ? [] : [`${formatProblems(mine)}\nplan:\n${show(client.rendered.plan)}`];
        });
        throw new Error(report.join('\n\n') || formatProblems(problems));
      }),
      params(Math.ceil(runs(60) / ((BATCH + 1) / 2))),
    );
  });

  it("send exactly the plan's names and keys, in production and in development mode", async () => {
    await fc.assert(
      fc.asyncProperty(planSpecArb(5), async (spec) => {
        tried.plans++;
        const client = generateClient(render(spec));
        const want = describeCalls(expectedCalls(client));
        for (const mode of ['production', 'development'] as const) {
          // A module of its own per mode: init connects a client once
          const mod = await importClient(client);
          const sdk = fakeSdk();
          await mod.init({ sdk, mode, onViolation: 'throw' });
          try {
            callAll(mod, client);
          } catch (e) {
            throw new Error(`${mode}: ${String(e)}\nplan:\n${show(client.rendered.plan)}`);
          }
          const got = describeCalls(sdk.calls);
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            expect(got, `${mode} mode; plan:\n${show(client.rendered.plan)}`).toEqual(want);
          }
        }
      }),
      params(runs(60)),
    );
  });
});
