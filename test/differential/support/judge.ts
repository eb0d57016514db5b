/**
 * Runs the three judges over a batch of cases and lists every disagreement:
 *  - Ajv (truth.ts): `valid` and `typeValid`;
 *  - the generated client in development mode (its own checks.ts, through the real `track…`/`identify` path, with a
 *    fake SDK): the number of `onViolation` reports;
 *  - tsc: the call written with the value as a literal, every case of the batch in ONE TypeScript program (the
 *    project's in-memory compiler, test/property/support/compiler.ts), errors mapped back to cases by line.
 * The rule: compiles iff typeValid; reported iff not valid. Plans with a keyword the generator says it ignores
 * (CT014) or an unknown format (CT015) promise less: for them, only valid ⇒ compiles and valid ⇒ not reported.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../../generator/pipeline.js';
import type { EmittedFile } from '../../../generator/emit/target.js';
import { fakeSdk } from '../../helpers/fake-sdk.js';
import type { LoadedClient } from '../../helpers/client.js';
import { planJson } from '../../helpers/plan.js';
import { check, formatProblems, virtualDir, type Problem } from '../../property/support/compiler.js';
import { importClient, scratchFile } from '../../property/support/harness.js';
import type { PlanGen } from './schemas.js';
import { EXCEPTIONS, jstsSource, supported } from './jsts.js';
import { judgeOf } from './truth.js';
import { showValue, toClient, toJson, toTs, type Value } from './values.js';

export interface Case {
  gen: PlanGen;
  values: Value[];
}

export interface Tally {
  plans: number;
  refused: number;
  judged: number;
  valid: number;
  compiled: number;
}

export const tally: Tally & {
  jsts: number;
  jstsExcepted: Record<string, number>;
  codes: Record<string, number>;
  ms: Record<string, number>;
} = {
  plans: 0,
  refused: 0,
  judged: 0,
  valid: 0,
  compiled: 0,
  jsts: 0,
  jstsExcepted: {},
  codes: {},
  ms: { generate: 0, tsc: 0, dev: 0, ajv: 0 },
};

interface Accepted {
  c: Case;
  files: EmittedFile[];
  excused: boolean;
  dir: string;
  /** The line of use.ts each value's call is on. */
  lines: number[];
  /** The call takes no value (an event with no properties that allows none; identify without traits). */
  noArgument: boolean;
  /** The line of use.ts where json-schema-to-typescript's type takes each value, when it judges this plan. */
  jstsLines: number[] | undefined;
}

function callText(g: PlanGen, literal: string): string {
  return g.target === 'identify'
    ? `c.identify('u-1', ${literal});`
    : g.target === 'charged'
      ? `c.trackCharged(${literal});`
      : `c.trackE0(${literal});`;
}

function call(client: LoadedClient, g: PlanGen, value: unknown): void {
  if (g.target === 'identify') client.identify!('u-1', value);
  else if (g.target === 'charged') client.trackCharged!(value);
  else client.trackE0!(value);
}

/** Reports of the development checks for each value (a thrown error counts as a report, with its message). */
async function devReports(a: Accepted): Promise<string[][]> {
  const client = await importClient({ files: a.files } as Parameters<typeof importClient>[0]);
  let reports: string[] = [];
  await client.init({
    sdk: fakeSdk(),
    mode: 'development',
    onViolation: (v: { message: string }) => void reports.push(v.message),
  });
  const out: string[][] = [];
  for (const v of a.c.values) {
    reports = [];
    try {
      call(client, a.c.gen, toClient(v));
    } catch (e) {
      reports.push(`threw: ${String(e)}`);
    }
    out.push(reports);
  }
  return out;
}

/** Every disagreement in the batch, as text (empty when the judges agree on every case). */
export async function disagreements(cases: readonly Case[]): Promise<string[]> {
  const accepted: Accepted[] = [];
  const files = new Map<string, string>();
  for (const c of cases) {
    tally.plans++;
    const path = scratchFile('.json');
    writeFileSync(path, planJson(c.gen.plan));
    const t0 = performance.now();
    const result = generate(path);
    tally.ms.generate! += performance.now() - t0;
    if (result.files.length === 0) {
      tally.refused++;
      for (const d of result.diagnostics)
        if (d.severity === 'error') tally.codes[d.code] = (tally.codes[d.code] ?? 0) + 1;
      if (process.env.DIFF_REFUSALS)
        console.info(
          result.diagnostics
            .filter((d) => d.severity === 'error')
            .map((d) => `${d.code} ${d.message}`)
            .join('\n'),
        );
      continue;
    }
    const dir = virtualDir();
    const excused = result.diagnostics.some((d) => d.code === 'CT014' || d.code === 'CT015');
    const use = [`import * as c from './index.js';`, 'export function use(): void {'];
    const index = result.files.find((f) => f.path === 'index.ts')!.content;
    const noArgument =
      c.gen.target === 'event'
        ? !/export function trackE0\b[^(]*\(properties/.test(index)
        : c.gen.target === 'identify' &&
          !/export function identify(<[^>]*>)?\(userId: string \| number, traits/.test(index);
    const lines = c.values.map((v) => {
      // An event with nothing to send takes no argument: only {} is its value (anything else cannot compile)
      const empty = typeof v === 'object' && v !== null && Object.keys(v).length === 0;
      use.push(
        `  ${noArgument && empty ? (c.gen.target === 'identify' ? `c.identify('u-1');` : 'c.trackE0();') : callText(c.gen, toTs(v))}`,
      );
      return use.length;
    });
    // json-schema-to-typescript's type of the same schema, taking each value's JSON form
    const jsts = !excused && supported(c.gen) ? await jstsSource(c.gen) : undefined;
    let jstsLines: number[] | undefined;
    if (jsts !== undefined) {
      use.unshift(`import type { J } from './jsts.js';`);
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i]! + 1;
      jstsLines = c.values.map((v) => {
        use.push(`  { const j: J = ${JSON.stringify(toJson(v))}; void j; }`);
        return use.length;
      });
      files.set(join(dir, 'jsts.ts'), jsts);
    }
    use.push('}', '');
    for (const f of result.files) files.set(join(dir, f.path), f.content);
    files.set(join(dir, 'use.ts'), use.join('\n'));
    accepted.push({ c, files: result.files, excused, dir, lines, noArgument, jstsLines });
  }
  if (accepted.length === 0) return [];
  let t = performance.now();
  // The calls are what is judged: the clients' own files are read for what the calls use, and checked whole only
  // when DIFF_CHECK_CLIENTS is set (the property tests compile whole clients; this keeps a batch to one program's
  // worth of call checking)
  const problems = check(files, (f) => f.endsWith('/use.ts') || process.env.DIFF_CHECK_CLIENTS !== undefined);
  tally.ms.tsc! += performance.now() - t;
  const out: string[] = [];
  const ownProblems = (a: Accepted, file: string): Problem[] => problems.filter((p) => p.file === join(a.dir, file));
  for (const a of accepted) {
    const broken = [...a.files.map((f) => f.path)].flatMap((f) => ownProblems(a, f));
    const show = `plan: ${JSON.stringify(a.c.gen.plan)}`;
    if (broken.length > 0) {
      out.push(`the generated client does not compile:\n${formatProblems(broken)}\n${show}`);
      continue;
    }
    const use = ownProblems(a, 'use.ts');
    t = performance.now();
    const judge = judgeOf(a.c.gen);
    tally.ms.ajv! += performance.now() - t;
    t = performance.now();
    const reports = await devReports(a);
    tally.ms.dev! += performance.now() - t;
    a.c.values.forEach((v, i) => {
      tally.judged++;
      const json = toJson(v);
      const valid = judge.valid(json, v);
      const typeValid = judge.typeValid(json);
      const errors = use.filter((p) => p.line === a.lines[i]);
      const compiles = errors.length === 0;
      const reported = reports[i]!.length > 0;
      if (valid) tally.valid++;
      if (compiles) tally.compiled++;
      const wrong: string[] = [];
      if (a.noArgument && Object.keys(v as object).length > 0) {
        // the call cannot be written: there is no development mode to ask
        if (compiles) wrong.push('an argument compiles for an event that takes none');
      } else if (a.excused) {
        if (valid && !compiles) wrong.push('valid, but does not compile');
        if (valid && reported) wrong.push('valid, but development mode reports it');
      } else {
        if (compiles !== typeValid)
          wrong.push(
            compiles
              ? 'compiles, but the type-level schema refuses it'
              : 'the type-level schema accepts it, but it does not compile',
          );
        if (reported === valid)
          wrong.push(
            reported ? 'valid, but development mode reports it' : 'invalid, but development mode says nothing',
          );
        if (reports[i]!.length > 1 && new Set(reports[i]).size < reports[i]!.length)
          wrong.push('the same report twice');
      }
      if (a.jstsLines && !(a.noArgument && Object.keys(v as object).length > 0)) {
        tally.jsts++;
        const theirs = use.filter((p) => p.line === a.jstsLines![i]).length === 0;
        if (theirs !== compiles) {
          const d = { value: v, gen: a.c.gen, theirs, ours: compiles };
          const excepted = compiles === typeValid ? Object.keys(EXCEPTIONS).find((k) => EXCEPTIONS[k]!(d)) : undefined;
          if (excepted) tally.jstsExcepted[excepted] = (tally.jstsExcepted[excepted] ?? 0) + 1;
          else
            wrong.push(
              `json-schema-to-typescript's type ${theirs ? 'accepts' : 'refuses'} it, ours ${compiles ? 'accepts' : 'refuses'} it`,
            );
        }
      }
      if (wrong.length === 0) return;
      out.push(
        [
          `${wrong.join('; ')}`,
          `  value: ${showValue(v)}  (Ajv: ${valid ? 'valid' : 'invalid'}, type-level ${typeValid ? 'valid' : 'invalid'})`,
          `  tsc: ${compiles ? 'compiles' : errors.map((e) => `TS${e.code} ${e.message.split('\n').slice(-1)[0]}`).join(' / ')}`,
          `  development mode: ${reports[i]!.length === 0 ? 'no report' : reports[i]!.join(' | ')}`,
          `  ${show}`,
        ].join('\n'),
      );
    });
  }
  return out;
}
