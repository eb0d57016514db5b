/**
 * Property values (clevertap-rules.md, "Event property values"): scalars only. Objects, arrays and unions that
 * contain them are CT301, schemas with no type CT302; everywhere except Charged.Items (charged.ts), standard
 * profile fields (identify.ts checks their exact schema) and multi-value traits (identify.ts).
 */
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { TypeNode } from '../../model/ir.js';
import { fold, isMultiValue, membersOf, type ValueSite } from '../sites.js';
import type { PlanRule } from './index.js';

const ARRAY_FIX =
  'CleverTap takes an array only as Charged "Items"; send the values as one string, or one event per element';

function fixFor(site: ValueSite, kind: 'object' | 'array'): string {
  if (site.role === 'property' && site.event?.isCharged && fold(site.name) === 'items') {
    return 'rename it to "Items": CleverTap takes an array only as Charged "Items"';
  }
  if (site.role === 'item') return 'Charged items must be flat: turn it into scalar item properties';
  if (site.role === 'trait') return 'flatten it into scalar traits';
  if (kind === 'array') return ARRAY_FIX;
  return 'flatten it into scalar properties (e.g. "address_city" for address.city)';
}

function describe(t: TypeNode, culprit: TypeNode & { kind: 'object' | 'array' }): string {
  const what = culprit.kind === 'object' ? 'an object' : 'an array';
  return t.kind === 'union' ? `a union that includes ${what}` : what;
}

/** Whether the standard-field or multi-value rules (identify.ts) own this site's shape. */
function shapeCheckedElsewhere(site: ValueSite): boolean {
  return site.role === 'trait' && (site.trait?.standard !== undefined || isMultiValue(site.type));
}

/** The kinds a site can be reported for, as itself or as a union's member. */
const SUSPECT_KINDS = new Set<TypeNode['kind']>(['union', 'object', 'array', 'untyped']);

function scalarProblem(site: ValueSite): Diagnostic | undefined {
  if (!SUSPECT_KINDS.has(site.type.kind) || shapeCheckedElsewhere(site)) return undefined;
  const members = membersOf(site.type);
  const culprit = members.find(
    (m): m is TypeNode & { kind: 'object' | 'array' } => m.kind === 'object' || m.kind === 'array',
  );
  const { what, name } = site;
  if (culprit) {
    const actual = describe(site.type, culprit);
    return diagnose('CT301', site.origin, { what, name, actual, fix: fixFor(site, culprit.kind) });
  }
  if (members.some((m) => m.kind === 'untyped' && !m.reported)) return diagnose('CT302', site.origin, { what, name });
  return undefined;
}

const scalarsOnly: PlanRule = (_plan, { values }) => {
  const out: Diagnostic[] = [];
  for (let i = 0; i < values.length; i++) {
    const problem = scalarProblem(values[i]!);
    if (problem) out.push(problem);
  }
  return out;
};

export const valueRules: PlanRule[] = [scalarsOnly];
