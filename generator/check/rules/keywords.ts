/**
 * Keywords the generator cannot express or check (plan-format.md, "Property schemas"): each one the model
 * recorded, on an event, a property, a Charged item property, identify or a trait, is a CT014 warning at the
 * keyword, never silence.
 */
import { diagnose } from '../../diagnostics/diagnostic.js';
import type { IgnoredKeyword, Plan } from '../../model/ir.js';
import { chargedItemObject, isChargedItems } from '../sites.js';
import type { PlanRule } from './index.js';

function ignoredIn(plan: Plan): IgnoredKeyword[] {
  const out: IgnoredKeyword[] = [];
  // Most lists are empty: the length tests spare a call per property
  for (const e of plan.events) {
    if (e.ignored.length > 0) out.push(...e.ignored);
    for (let i = 0; i < e.properties.length; i++) {
      const p = e.properties[i]!;
      if (p.ignored.length > 0) out.push(...p.ignored);
      const item = isChargedItems(e, p) ? chargedItemObject(p) : undefined;
      if (item) for (const ip of item.properties) out.push(...ip.ignored);
    }
  }
  if (plan.identify) {
    out.push(...plan.identify.ignored);
    for (const t of plan.identify.traits) out.push(...t.ignored);
  }
  return out;
}

const unsupportedKeywords: PlanRule = (plan: Plan) =>
  ignoredIn(plan).map((k) => diagnose('CT014', k.origin, { keyword: k.keyword }));

export const keywordRules: PlanRule[] = [unsupportedKeywords];
