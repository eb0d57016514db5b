/** The check phase: every CleverTap rule over the IR, all issues at once. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Plan } from '../model/ir.js';
import { RULES } from './rules/index.js';

export function checkPlan(plan: Plan): Diagnostic[] {
  return RULES.flatMap((rule) => rule(plan));
}
