/** The check phase: every CleverTap rule over the IR, all issues at once. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Plan } from '../model/ir.js';
import { RULES } from './rules/index.js';
import { planSites } from './sites.js';

export function checkPlan(plan: Plan): Diagnostic[] {
  const sites = planSites(plan);
  return RULES.flatMap((rule) => rule(plan, sites));
}
