/** Property values: scalars only (Charged.Items aside). A first cut; the full rule set lives beside it. */
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Plan, Property, TypeNode } from '../../model/ir.js';
import type { PlanRule } from './index.js';

function scalarProblems(what: string, p: Property, t: TypeNode, out: Diagnostic[]): void {
  if (t.kind === 'union') for (const m of t.members) scalarProblems(what, p, m, out);
  else if (t.kind === 'object' || t.kind === 'array') {
    out.push(diagnose('CT301', p.origin, { what, name: p.name, actual: `an ${t.kind}`, fix: 'flatten it into scalar properties' }));
  } else if (t.kind === 'untyped') out.push(diagnose('CT302', p.origin, { what, name: p.name }));
}

const scalarsOnly: PlanRule = (plan: Plan) => {
  const out: Diagnostic[] = [];
  for (const e of plan.events) {
    for (const p of e.properties) {
      if (e.isCharged && p.name === 'Items') continue;
      scalarProblems('property', p, p.type, out);
    }
  }
  return out;
};

export const valueRules: PlanRule[] = [scalarsOnly];
