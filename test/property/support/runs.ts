/**
 * How long the properties run. `npm test` runs a few dozen plans per property with a fixed seed (the same plans
 * every time); `npm run fuzz` sets FUZZ_RUNS (plans per property) and, unless FUZZ_SEED is set, a random seed.
 * A failure prints the seed, the path and the shrunk counterexample (fast-check), and the plan JSON (our messages):
 * replay it with FUZZ_SEED=<seed> (and the same FUZZ_RUNS).
 */
import type fc from 'fast-check';

const fuzzRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;

/** Plans per property: `fallback` by default, FUZZ_RUNS when fuzzing. */
export const runs = (fallback: number): number => fuzzRuns ?? fallback;

/** The seed: FUZZ_SEED, else random when fuzzing, else fixed. */
export const SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : fuzzRuns !== undefined
    ? Date.now() ^ (Math.random() * 0x7fffffff)
    : 20_261_128;

/**
 * fast-check's parameters. `interruptAfterTimeLimit` bounds a property's time, shrinking included: a failure found
 * late (or one whose shrinking wanders) is still reported, with the smallest counterexample found by then, and a
 * slow machine runs fewer cases instead of failing (skipped runs count as failures past maxSkipsPerRun, so a
 * time limit through skipAllAfterTimeLimit failed the property on a loaded machine). The count run is printed.
 */
export function params<T>(numRuns: number, budgetMs = fuzzRuns !== undefined ? 30 * 60_000 : 60_000): fc.Parameters<T> {
  return { numRuns, seed: SEED, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false };
}

/** Counts what the properties tried, for the report at the end of a file. */
export const tried = { plans: 0, programs: 0, texts: 0 };
