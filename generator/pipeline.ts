/** The whole generator in one function: load → model → transform → check → emit. Writing is the caller's (see cli/). */
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { checkPlan } from './check/check-plan.js';
import type { EmittedFile, TargetName } from './emit/target.js';
import { targetOf } from './emit/targets.js';
import { toJavaScript } from './emit/javascript.js';
import { loadPlan, type LoadOptions } from './load/load-plan.js';
import { buildPlan } from './model/build-plan.js';
import type { Plan } from './model/ir.js';
import type { Memo } from './core/memo.js';
import { findPolicy, transformPlan, type TransformOption } from './transform/index.js';
import type { TransformPolicy } from './transform/policy.js';
import { applySeverities, type SeverityLevel } from './diagnostics/severity.js';

export interface GenerateOptions extends LoadOptions {
  /** `ts` (default): index.ts; `js`: index.js and index.d.ts. */
  language?: 'ts' | 'js';
  /** The platform the client is for (default `web`): see emit/targets.ts. */
  target?: TargetName;
  /** A transformation policy (docs/transformations.md): a JSON file's path, or the policy object. */
  transform?: TransformOption;
  /** What a long-lived process keeps from one generation for the next (--watch): see core/memo.ts. */
  memo?: Memo;
  /** Rule severities (the config's, the library API's), over the policy's: see diagnostics/severity.ts. */
  severity?: Readonly<Record<string, SeverityLevel>>;
}

export interface Generated {
  plan: Plan | undefined;
  /** Empty when the plan has errors: nothing is to be written then. */
  files: EmittedFile[];
  diagnostics: Diagnostic[];
  /** Events a transformation policy left out (`events.include`/`exclude`). */
  excluded?: string[];
}

/** Checks a plan without emitting. */
export function validate(
  path: string,
  options: GenerateOptions = {},
): { plan: Plan | undefined; diagnostics: Diagnostic[]; excluded?: string[] } {
  const loaded = loadPlan(path, options);
  // Before anything decides on errors: a severity can make an error a warning (CT303), or a warning an error
  const withLevels = (ds: Diagnostic[], policy: TransformPolicy | undefined): Diagnostic[] => {
    const byPolicy = policy ? applySeverities(ds, policy.severity, 'the policy') : ds;
    return sortDiagnostics(applySeverities(byPolicy, options.severity ?? {}, 'your severity setting'));
  };
  const diagnostics = [...loaded.diagnostics];
  if (loaded.value === undefined) return { plan: undefined, diagnostics: sortDiagnostics(diagnostics) };
  const built = buildPlan(loaded.value, loaded.sources, options.memo?.events);
  diagnostics.push(...built.diagnostics);
  const found = findPolicy(options.transform, loaded.value);
  diagnostics.push(...found.diagnostics);
  if (!built.plan || found.unreadable) return { plan: undefined, diagnostics: withLevels(diagnostics, found.policy) };
  const transformed = transformPlan(built.plan, found.policy);
  diagnostics.push(...transformed.diagnostics, ...checkPlan(transformed.plan));
  return {
    plan: transformed.plan,
    diagnostics: withLevels(diagnostics, found.policy),
    excluded: transformed.excluded,
  };
}

export function generate(path: string, options: GenerateOptions = {}): Generated {
  const { plan, diagnostics, excluded } = validate(path, options);
  if (!plan || hasErrors(diagnostics)) return { plan, files: [], diagnostics, ...(excluded && { excluded }) };
  return { plan, files: targetOf(options.target).emit(plan), diagnostics, ...(excluded && { excluded }) };
}

/** `generate`, then the JavaScript translation when asked for (it needs the TypeScript compiler, loaded lazily). */
export async function generateFiles(path: string, options: GenerateOptions = {}): Promise<Generated> {
  const result = generate(path, options);
  if (options.language !== 'js' || result.files.length === 0) return result;
  return { ...result, files: await toJavaScript(result.files) };
}
