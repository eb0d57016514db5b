/** The whole generator in one function: load → model → check → emit. Writing is the caller's (see cli/). */
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { checkPlan } from './check/check-plan.js';
import type { EmittedFile, TargetName } from './emit/target.js';
import { targetOf } from './emit/targets.js';
import { toJavaScript } from './emit/javascript.js';
import { loadPlan, type LoadOptions } from './load/load-plan.js';
import { buildPlan } from './model/build-plan.js';
import type { Plan } from './model/ir.js';

export interface GenerateOptions extends LoadOptions {
  /** `ts` (default): index.ts; `js`: index.js and index.d.ts. */
  language?: 'ts' | 'js';
  /** The platform the client is for (default `web`): see emit/targets.ts. */
  target?: TargetName;
}

export interface Generated {
  plan: Plan | undefined;
  /** Empty when the plan has errors: nothing is to be written then. */
  files: EmittedFile[];
  diagnostics: Diagnostic[];
}

/** Checks a plan without emitting. */
export function validate(path: string, options: GenerateOptions = {}): { plan: Plan | undefined; diagnostics: Diagnostic[] } {
  const loaded = loadPlan(path, options);
  const diagnostics = [...loaded.diagnostics];
  if (loaded.value === undefined) return { plan: undefined, diagnostics: sortDiagnostics(diagnostics) };
  const built = buildPlan(loaded.value, loaded.sources);
  diagnostics.push(...built.diagnostics);
  if (built.plan) diagnostics.push(...checkPlan(built.plan));
  return { plan: built.plan, diagnostics: sortDiagnostics(diagnostics) };
}

export function generate(path: string, options: GenerateOptions = {}): Generated {
  const { plan, diagnostics } = validate(path, options);
  if (!plan || hasErrors(diagnostics)) return { plan, files: [], diagnostics };
  return { plan, files: targetOf(options.target).emit(plan), diagnostics };
}

/** `generate`, then the JavaScript translation when asked for (it needs the TypeScript compiler, loaded lazily). */
export async function generateFiles(path: string, options: GenerateOptions = {}): Promise<Generated> {
  const result = generate(path, options);
  if (options.language !== 'js' || result.files.length === 0) return result;
  return { ...result, files: await toJavaScript(result.files) };
}
