/**
 * identify() traits (clevertap-rules.md, "identify(): the user profile"): each standard field has one allowed
 * schema (CT501), one spelling per field (CT502), multi-value properties are arrays of short strings (CT503, and
 * CT506 when unbounded), at most LIMITS.customTraits custom traits (CT504), the identity is not a trait (CT505),
 * and a custom trait that looks like a standard field but is not one is a warning (CT507).
 *
 * A multi-value trait with no maxItems is a warning (CT506), not an error, as Charged "Items" without maxItems is
 * (CT403): the schema says nothing wrong, it only leaves the count unbounded. The warning asks for the bound;
 * --max-warnings 0 makes it binding. A maxItems over LIMITS.multiValueItems is an error (CT503).
 */
import { FIELD_SPECS, IDENTITY_KEYS, LIMITS, STANDARD_TRAITS, type FieldSpec } from '../../clevertap/facts.js';
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Plan, StandardField, Trait, TypeNode } from '../../model/ir.js';
import {
  byPosition,
  collisions,
  describeType,
  fold,
  isMultiValue,
  membersOf,
  quoteList,
  withoutNull,
} from '../sites.js';
import type { PlanRule } from './index.js';

const isCustom = (t: Trait): boolean => t.standard === undefined && !IDENTITY_KEYS.has(t.name);

/** Why `t` does not fit `spec`, as a fix hint; undefined when it fits. */
function misfit(t: TypeNode, spec: FieldSpec): string | undefined {
  const members = membersOf(withoutNull(t)).filter((m) => m.kind !== 'null');
  if (members.length === 0 || members.some((m) => m.kind !== spec.kind)) return spec.fix;
  if (!spec.values) return undefined;
  const listed = members.flatMap((m) => (m.kind === 'string' ? (m.enum ?? [undefined]) : []));
  if (listed.includes(undefined)) return spec.fix;
  const unknown = [...new Set(listed)].filter((v) => v !== undefined && !spec.values!.includes(v)) as string[];
  return unknown.length > 0
    ? `remove ${quoteList(unknown)}: CleverTap accepts only ${spec.values.join(', ')}`
    : undefined;
}

const traitsOf = (plan: Plan): Trait[] => plan.identify?.traits ?? [];

const standardFields: PlanRule = (plan: Plan) =>
  traitsOf(plan).flatMap((t) => {
    if (t.standard === undefined) return [];
    const spec = FIELD_SPECS[t.standard];
    const fix = misfit(t.type, spec);
    return fix === undefined
      ? []
      : [diagnose('CT501', t.origin, { name: t.name, field: t.standard, expected: spec.expected, fix })];
  });

const oneSpelling: PlanRule = (plan: Plan) =>
  collisions(traitsOf(plan), (t) => t.standard).flatMap(([first, ...rest]) =>
    rest.map((t) =>
      diagnose('CT502', t.origin, { name: t.name, other: first!.name, field: t.standard! }, [first!.origin]),
    ),
  );

const notIdentity: PlanRule = (plan: Plan) =>
  traitsOf(plan)
    .filter((t) => IDENTITY_KEYS.has(t.name))
    .map((t) => diagnose('CT505', t.origin, { name: t.name }));

function multiValueProblems(t: Trait): Diagnostic[] {
  const array = withoutNull(t.type);
  if (array.kind !== 'array') return [];
  const at = (detail: string, fix: string): Diagnostic => diagnose('CT503', t.origin, { name: t.name, detail, fix });
  const out: Diagnostic[] = [];
  const items = array.items;
  const strings = items ? membersOf(items).filter((m): m is TypeNode & { kind: 'string' } => m.kind === 'string') : [];
  if (!items) out.push(at('its items have no schema', 'add "items": {"type": "string"}'));
  else if (strings.length !== membersOf(items).length) {
    out.push(
      at(
        `its items are ${describeType(items)}`,
        'CleverTap multi-value properties hold strings only: "items": {"type": "string"}',
      ),
    );
  }
  const longest = Math.max(0, ...strings.map((s) => s.maxLength ?? 0));
  if (longest > LIMITS.multiValueItemLength) {
    out.push(
      at(
        `items may be ${longest} characters long; CleverTap keeps at most ${LIMITS.multiValueItemLength}`,
        `set the items' "maxLength" to ${LIMITS.multiValueItemLength} or less`,
      ),
    );
  }
  const max = LIMITS.multiValueItems;
  if (array.maxItems === undefined) out.push(diagnose('CT506', t.origin, { name: t.name, max }));
  else if (array.maxItems > max)
    out.push(
      at(
        `maxItems ${array.maxItems} is over ${max}, the most values CleverTap keeps`,
        `set "maxItems": ${max} or less`,
      ),
    );
  return out;
}

const multiValue: PlanRule = (plan: Plan) =>
  traitsOf(plan)
    .filter((t) => isCustom(t) && isMultiValue(t.type))
    .flatMap(multiValueProblems);

/** CT504: at the first custom trait past the limit (in file order). */
const customTraitCount: PlanRule = (plan: Plan) => {
  const custom = traitsOf(plan).filter(isCustom);
  if (custom.length <= LIMITS.customTraits) return [];
  // Sorted only here: a position is found in the text when first asked, which costs a scan of a large plan
  const past = byPosition(custom)[LIMITS.customTraits]!;
  return [diagnose('CT504', past.origin, { count: custom.length, max: LIMITS.customTraits })];
};

/** Folded spellings of the standard fields (both our trait names and CleverTap's own). */
const STANDARD_BY_FOLD = new Map<string, StandardField>(
  Object.entries(STANDARD_TRAITS).flatMap(([key, field]) => [
    [fold(key), field] as const,
    [fold(field), field] as const,
  ]),
);

/** CT208 for traits (compared as sent, by field) and CT507 for custom look-alikes of an unused standard field. */
const caseVariants: PlanRule = (plan: Plan) => {
  const traits = traitsOf(plan);
  const duplicates = collisions(traits, (t) => fold(t.field)).flatMap(([first, ...rest]) =>
    rest
      .filter((t) => t.standard === undefined || t.standard !== first!.standard)
      .map((t) => diagnose('CT208', t.origin, { name: t.name, other: first!.name }, [first!.origin])),
  );
  const used = new Set(traits.map((t) => t.standard));
  const lookAlikes = traits.flatMap((t) => {
    const field = t.standard === undefined ? STANDARD_BY_FOLD.get(fold(t.name)) : undefined;
    return field !== undefined && !used.has(field) ? [diagnose('CT507', t.origin, { name: t.name, field })] : [];
  });
  return [...duplicates, ...lookAlikes];
};

export const identifyRules: PlanRule[] = [
  standardFields,
  oneSpelling,
  notIdentity,
  multiValue,
  customTraitCount,
  caseVariants,
];
