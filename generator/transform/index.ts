/**
 * The transform phase (between model and check): finds the policy (the `transform` option, a path or an object,
 * or a native plan's top-level `"transform"`), reads it, and applies it to the plan IR.
 */
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { memberOrigin, originOf } from '../load/source.js';
import type { Origin, SourceFile } from '../core/source-file.js';
import type { Plan } from '../model/ir.js';
import { applyPolicy } from './apply.js';
import { isActive, readPolicy, readPolicyFile, type TransformPolicy } from './policy.js';

export type { TransformPolicy } from './policy.js';

/** A policy given to the pipeline: a path to a JSON file, or the policy object itself (from a config file). */
export type TransformOption = string | Record<string, unknown>;

export interface TransformResult {
  plan: Plan;
  policy: TransformPolicy | undefined;
  /** The plan's events the policy left out (`events.include`/`exclude`), by name. */
  excluded: string[];
  diagnostics: Diagnostic[];
}

const OPTION_FILE: SourceFile = { path: '(transform option)', text: '' };

function hasOwnTransform(value: unknown): value is { transform: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'transform');
}

/**
 * The policy in force, from the option or else the plan; reading problems are diagnostics. `unreadable`: a policy
 * was given but is no policy at all (not JSON, not an object): checking the plan without it would only mislead.
 */
export function findPolicy(
  option: TransformOption | undefined,
  planValue: unknown,
): { policy: TransformPolicy | undefined; diagnostics: Diagnostic[]; unreadable?: boolean } {
  const diagnostics: Diagnostic[] = [];
  const inPlan = hasOwnTransform(planValue);
  if (option !== undefined && inPlan) {
    const source = typeof option === 'string' ? `--transform ${option}` : 'the transform option';
    diagnostics.push(diagnose('CT606', memberOrigin(planValue, 'transform'), { source }));
  }
  let read: { policy: TransformPolicy | undefined; diagnostics: Diagnostic[] };
  if (typeof option === 'string') read = readPolicyFile(option);
  else if (option !== undefined) read = readPolicy(option, originOf(option) ?? fileStart(OPTION_FILE));
  else if (inPlan)
    read = readPolicy(planValue.transform, memberOrigin(planValue, 'transform') ?? fileStart(OPTION_FILE));
  else return { policy: undefined, diagnostics };
  return {
    policy: read.policy,
    diagnostics: [...diagnostics, ...read.diagnostics],
    ...(read.policy === undefined && { unreadable: true }),
  };
}

const fileStart = (file: SourceFile): Origin => ({ file, pointer: '', offset: 0 });

/** Applies the policy, if any changes anything; the plan is returned as it is otherwise. */
export function transformPlan(plan: Plan, policy: TransformPolicy | undefined): TransformResult {
  if (!policy || !isActive(policy)) return { plan, policy, excluded: [], diagnostics: [] };
  const applied = applyPolicy(plan, policy);
  return { plan: applied.plan, policy, excluded: applied.excluded, diagnostics: applied.diagnostics };
}
