/**
 * Property keys (clevertap-rules.md, "Event property keys"), for event properties, Charged item properties and
 * identify traits ("trait keys follow the event key rules"): non-empty, no prohibited characters, no outer
 * whitespace, at most LIMITS.nameLength, not `wzrk_`; per event at most LIMITS.propertiesError (a warning past
 * LIMITS.propertiesWarning); keys equal ignoring case are a warning (traits: see identify.ts).
 */
import { LIMITS, RESERVED_PREFIX } from '../../clevertap/facts.js';
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Property } from '../../model/ir.js';
import { collisions, fold, prohibitedIn, quoteList } from '../sites.js';
import type { PlanRule } from './index.js';

function addKeyProblems(p: Property, out: Diagnostic[]): void {
  const { name, origin } = p;
  const trimmed = name.trim();
  if (trimmed === '') {
    out.push(diagnose('CT201', origin));
    return;
  }
  const chars = prohibitedIn(name);
  if (chars.length > 0) out.push(diagnose('CT202', origin, { name, chars: quoteList(chars) }));
  if (trimmed !== name) out.push(diagnose('CT203', origin, { name, trimmed }));
  if (name.length > LIMITS.nameLength)
    out.push(diagnose('CT204', origin, { name, length: name.length, max: LIMITS.nameLength }));
  if (trimmed.toLowerCase().startsWith(RESERVED_PREFIX)) out.push(diagnose('CT205', origin, { name }));
}

const eachKey: PlanRule = (_plan, { keyGroups }) => {
  const out: Diagnostic[] = [];
  for (const g of keyGroups) for (let i = 0; i < g.properties.length; i++) addKeyProblems(g.properties[i]!, out);
  return out;
};

/** CT206/CT207, per event: at the event's name. */
const propertyCount: PlanRule = (_plan, { keyGroups }) =>
  keyGroups
    .filter((g) => g.role === 'event')
    .flatMap((g) => {
      const count = g.properties.length;
      if (count > LIMITS.propertiesError)
        return [diagnose('CT206', g.origin, { what: g.what, count, max: LIMITS.propertiesError })];
      if (count > LIMITS.propertiesWarning)
        return [diagnose('CT207', g.origin, { what: g.what, count, max: LIMITS.propertiesWarning })];
      return [];
    });

/** CT208: at each later key, naming the first. Keys differing only in outer whitespace get CT203 instead. */
const caseOnlyDuplicates: PlanRule = (_plan, { keyGroups }) =>
  keyGroups
    .filter((g) => g.role !== 'identify')
    .flatMap((g) =>
      collisions(g.properties, (p) => (p.name.trim() === '' ? undefined : fold(p.name))).flatMap(([first, ...rest]) =>
        rest
          .filter((p) => p.name.trim() !== first!.name.trim())
          .map((p) => diagnose('CT208', p.origin, { name: p.name, other: first!.name }, [first!.origin])),
      ),
    );

export const propertyKeyRules: PlanRule[] = [eachKey, propertyCount, caseOnlyDuplicates];
