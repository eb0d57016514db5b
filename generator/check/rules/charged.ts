/**
 * The `Charged` event (clevertap-rules.md, "The Charged event"): `Items` is an array of flat objects, with
 * `maxItems` at most LIMITS.itemsError (error) and at most LIMITS.itemsWarning (a warning when over it or absent:
 * the web SDK reports error 522 past 50 items). Each item's properties follow the scalar rules (values.ts).
 */
import { LIMITS } from '../../clevertap/facts.js';
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Plan, Property } from '../../model/ir.js';
import { allowsNull, describeType, isChargedItems, withoutNull } from '../sites.js';
import type { PlanRule } from './index.js';

function shapeProblems(p: Property): Diagnostic[] {
  const t = withoutNull(p.type);
  if (t.kind !== 'array') return [diagnose('CT401', p.origin, { actual: describeType(t) })];
  if (t.items === undefined) return [diagnose('CT401', p.origin, { actual: 'an array with no "items" schema' })];
  if (t.items.kind !== 'object')
    return [diagnose('CT401', p.origin, { actual: `an array of ${describeType(t.items).replace(/^an? /, '')}` })];
  return [];
}

function maxItemsProblems(p: Property): Diagnostic[] {
  const t = withoutNull(p.type);
  if (t.kind !== 'array') return [];
  const max = LIMITS.itemsWarning;
  if (t.maxItems === undefined) return [diagnose('CT403', p.origin, { detail: 'has no maxItems', max })];
  if (t.maxItems > LIMITS.itemsError)
    return [diagnose('CT402', p.origin, { value: t.maxItems, max: LIMITS.itemsError })];
  if (t.maxItems > max) return [diagnose('CT403', p.origin, { detail: `allows ${t.maxItems} items`, max })];
  return [];
}

const itemsShape: PlanRule = (plan: Plan) =>
  plan.events.flatMap((e) =>
    e.properties
      .filter((p) => isChargedItems(e, p))
      .flatMap((p) => [
        ...shapeProblems(p),
        ...maxItemsProblems(p),
        ...(allowsNull(p.type) ? [diagnose('CT304', p.origin, { name: p.name })] : []),
      ]),
  );

export const chargedRules: PlanRule[] = [itemsShape];
