/**
 * What a scalar schema may say about its values: `maxLength` at most LIMITS.valueBytes (CT303), `null` is only
 * "not sent" (CT304, a warning), an enum/const must leave some value (CT305), and a `pattern` must compile as
 * the client compiles it, `new RegExp(pattern, 'u')` (CT306). Applies to every value site, traits included.
 */
import { LIMITS } from '../../clevertap/facts.js';
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { TypeNode } from '../../model/ir.js';
import { allowsNull, isMultiValue, membersOf, type ValueSite } from '../sites.js';
import type { PlanRule } from './index.js';

/** The scalar members of a type, and (for multi-value traits) of its array's items. */
function leaves(t: TypeNode, intoArrays: boolean): TypeNode[] {
  return membersOf(t).flatMap((m) => (m.kind === 'array' && intoArrays && m.items ? leaves(m.items, false) : [m]));
}

const NO_PATTERNS: readonly string[] = [];

/** The distinct patterns of a site's string leaves, in order. */
function patternsAt(site: ValueSite): readonly string[] {
  const t = site.type;
  // Most sites are one string (or no string at all): no need to walk leaves for them
  if (t.kind === 'string') return t.patterns ?? NO_PATTERNS;
  if (t.kind !== 'union' && t.kind !== 'array') return NO_PATTERNS;
  const patterns = new Set<string>();
  for (const leaf of leaves(t, site.role === 'trait' && isMultiValue(t))) {
    if (leaf.kind === 'string') for (const p of leaf.patterns ?? []) patterns.add(p);
  }
  return [...patterns];
}

export { admitsNothing } from '../../model/admits.js';
import { admitsNothing } from '../../model/admits.js';

/** The error `new RegExp(pattern, 'u')` throws, or undefined when it compiles. */
export function patternError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** CT303: a multi-value trait's items are CT503's (identify.ts), so only the site's own members count. */
const maxLength: PlanRule = (_plan, { values }) => {
  const out: Diagnostic[] = [];
  for (let i = 0; i < values.length; i++) {
    const site = values[i]!;
    if (site.type.kind !== 'string' && site.type.kind !== 'union') continue; // most sites: nothing to look at
    const members = membersOf(site.type);
    for (let j = 0; j < members.length; j++) {
      const m = members[j]!;
      if (m.kind === 'string' && (m.maxLength ?? 0) > LIMITS.valueBytes) {
        out.push(diagnose('CT303', site.origin, { name: site.name, value: m.maxLength!, max: LIMITS.valueBytes }));
      }
    }
  }
  return out;
};

const nullable: PlanRule = (_plan, { values }) => {
  const out: Diagnostic[] = [];
  for (let i = 0; i < values.length; i++) {
    const site = values[i]!;
    if (allowsNull(site.type)) out.push(diagnose('CT304', site.origin, { name: site.name }));
  }
  return out;
};

const emptyEnum: PlanRule = (_plan, { values }) => {
  const out: Diagnostic[] = [];
  for (let i = 0; i < values.length; i++) {
    const site = values[i]!;
    if (admitsNothing(site.type)) out.push(diagnose('CT305', site.origin, { name: site.name }));
  }
  return out;
};

const validPatterns: PlanRule = (_plan, { values }) => {
  const out: Diagnostic[] = [];
  // Plans repeat their patterns (an id format on every event): compile each once
  const errors = new Map<string, string | undefined>();
  for (let i = 0; i < values.length; i++) {
    const site = values[i]!;
    const patterns = patternsAt(site);
    for (let j = 0; j < patterns.length; j++) {
      const pattern = patterns[j]!;
      if (!errors.has(pattern)) errors.set(pattern, patternError(pattern));
      const detail = errors.get(pattern);
      if (detail !== undefined) out.push(diagnose('CT306', site.origin, { name: site.name, detail }));
    }
  }
  return out;
};

export const constraintRules: PlanRule[] = [maxLength, nullable, emptyEnum, validPatterns];
