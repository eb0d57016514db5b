/**
 * Random schemas over what the plan format accepts, for the differential test: property schemas built from type
 * and type arrays (with null), enum/const of mixed types, allOf/anyOf/oneOf, $ref (with sibling keywords) into
 * $defs, bounds, multipleOf, lengths, pattern, format and boolean schemas; object schemas (an event, Charged with
 * its Items, the identify traits) with required, additionalProperties (absent, true, false, a schema),
 * patternProperties and allOf parts. Many of these plans have errors: only the plans the generator accepts are
 * judged. Names are plain (E0, p0, ...): names are the other property tests' subject, values are this one's.
 */
import fc from 'fast-check';

export type Schema = Record<string, unknown> | boolean;

/** Constants for enum/const: mixed types, empty and non-ASCII strings, a float, 0 and a negative. */
export const CONSTANTS: readonly unknown[] = ['a', 'b', '', 'é😀', 0, 1, 2, -1, 2.5, true, false, null];

/** Patterns, each with strings that match it and strings that do not (the value generator uses both). */
export const PATTERNS: Readonly<Record<string, readonly string[]>> = {
  '^a': ['ab', 'a', 'ba'],
  b$: ['ab', 'b', 'ba'],
  '^[a-z]+$': ['abc', 'aB', 'a1'],
  '^\\d{3}$': ['123', '12', '1234'],
  '\\p{L}': ['é', '1', '😀'],
  '^.{2}$': ['😀😀', 'ab', '😀'],
};

/** Formats, each with strings valid and invalid for it (dates are Dates in the client: see values.ts). */
export const FORMATS: Readonly<Record<string, readonly string[]>> = {
  email: ['ada@example.com', 'ada@example', 'ada.example.com'],
  uuid: ['123e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-12d3-a456', 'x23e4567-e89b-12d3-a456-426614174000'],
  ipv4: ['192.168.0.1', '256.1.1.1', '1.2.3'],
};
export const DATE_FORMATS = ['date', 'date-time'] as const;

const small = fc.integer({ min: -3, max: 6 });
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 3): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq });

/** A record without its undefined keys (fast-check's optional keys come as undefined or absent). */
function clean(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** Lengths that usually leave some string (and now and then none: the generator must refuse those). */
const stringKeywords = fc
  .record({
    min: fc.integer({ min: 0, max: 3 }),
    span: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: -2, max: -1 }) },
    ),
    hasMin: fc.boolean(),
    hasMax: fc.boolean(),
    pattern: maybe(fc.constantFrom(...Object.keys(PATTERNS))),
    format: maybe(fc.constantFrom(...Object.keys(FORMATS), ...DATE_FORMATS), 4),
  })
  .map(({ min, span, hasMin, hasMax, pattern, format }) =>
    clean({
      minLength: hasMin ? min : undefined,
      maxLength: hasMax ? Math.max(0, min + span) : undefined,
      pattern,
      format,
    }),
  );

/** Bounds around one low point, usually leaving some number between them (now and then none). */
const numberKeywords = fc
  .record({
    lo: small,
    span: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 5 }) },
      { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
    ),
    lower: fc.constantFrom('none', 'minimum', 'exclusiveMinimum'),
    upper: fc.constantFrom('none', 'maximum', 'exclusiveMaximum'),
    multipleOf: maybe(fc.constantFrom(2, 0.5, 3), 4),
  })
  .map(({ lo, span, lower, upper, multipleOf }) =>
    clean({
      ...(lower !== 'none' && { [lower]: lower === 'minimum' ? lo : lo - 1 }),
      ...(upper !== 'none' && { [upper]: upper === 'maximum' ? lo + span + 1 : lo + span + 2 }),
      multipleOf,
    }),
  );

const SCALAR_TYPES = ['string', 'number', 'integer', 'boolean'] as const;

/** A schema with one scalar type and that type's keywords. */
const typed: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...SCALAR_TYPES)
  .chain(
    (type): fc.Arbitrary<Record<string, unknown>> =>
      type === 'string'
        ? stringKeywords.map((k) => ({ type, ...k }))
        : type === 'boolean'
          ? fc.constant({ type })
          : numberKeywords.map((k) => ({ type, ...k })),
  );

/** A type array, usually with null, and keywords of any of its types. */
const typeArray: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.subarray([...SCALAR_TYPES, 'null'], { minLength: 1, maxLength: 3 }),
    stringKeywords,
    numberKeywords,
    fc.boolean(),
  )
  .map(([types, s, n, both]) => ({
    type: types,
    ...(types.includes('string') || both ? s : {}),
    ...(types.some((t) => t === 'number' || t === 'integer') ? n : {}),
  }));

const enumSchema: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.subarray([...CONSTANTS], { minLength: 1, maxLength: 4 }),
    maybe(fc.oneof(fc.constantFrom(...SCALAR_TYPES), fc.constant(['string', 'null']), fc.constant(['number', 'null']))),
    fc.boolean(),
  )
  .map(([values, type, asConst]) => clean({ type, ...(asConst ? { const: values[0] } : { enum: values }) }));

/** A scalar schema with no combinators. */
export const leafArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 4, arbitrary: typed },
  { weight: 2, arbitrary: typeArray },
  { weight: 2, arbitrary: enumSchema },
);

/** Keywords that can sit beside a $ref or a oneOf/anyOf (a refinement, a type, an enum). */
const siblings: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({}),
  stringKeywords,
  numberKeywords,
  fc.constantFrom(...SCALAR_TYPES).map((type) => ({ type })),
  enumSchema,
);

export interface PropertyGen {
  schema: Schema;
  /** $defs this schema refers to, by name. */
  defs: Record<string, Record<string, unknown>>;
}

/** A property schema: a leaf, or one level of allOf / anyOf / oneOf / $ref over leaves (and boolean schemas). */
export const propertyArb: fc.Arbitrary<PropertyGen> = fc.oneof(
  { weight: 5, arbitrary: leafArb.map((schema) => ({ schema, defs: {} })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('anyOf', 'oneOf'), fc.array(leafArb, { minLength: 1, maxLength: 3 }), siblings)
      .map(([k, branches, outer]) => ({ schema: { ...outer, [k]: branches }, defs: {} })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(fc.oneof(leafArb, siblings), { minLength: 1, maxLength: 3 }), siblings)
      .map(([parts, outer]) => ({ schema: { ...outer, allOf: parts }, defs: {} })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(leafArb, siblings).map(([target, outer]) => {
      // the name is given by objectOf: one per property, so that replaying a seed gives the same plan
      return { schema: { $ref: '#/$defs/@', ...outer }, defs: { '@': target } };
    }),
  },
  { weight: 1, arbitrary: fc.boolean().map((b) => ({ schema: b, defs: {} })) },
);

export type Additional =
  | { kind: 'absent' }
  | { kind: 'false' }
  | { kind: 'true' }
  | { kind: 'schema'; schema: Record<string, unknown> };

const additionalArb: fc.Arbitrary<Additional> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Additional>({ kind: 'absent' }) },
  { weight: 2, arbitrary: fc.constant<Additional>({ kind: 'false' }) },
  { weight: 2, arbitrary: fc.constant<Additional>({ kind: 'true' }) },
  { weight: 2, arbitrary: leafArb.map((schema): Additional => ({ kind: 'schema', schema })) },
);

export interface ObjectGen {
  schema: Record<string, unknown>;
  defs: Record<string, Record<string, unknown>>;
}

const KEYS = ['p0', 'p1', 'p2', 'p3'];

/** An object schema over `props` (keys p0...), split over allOf parts sometimes, as events may be. */
function objectOf(
  props: PropertyGen[],
  required: boolean[],
  additional: Additional,
  split: boolean,
  patternProps: boolean,
  prefix: string,
): ObjectGen {
  const properties: Record<string, Schema> = {};
  const defs: Record<string, Record<string, unknown>> = {};
  props.forEach((p, i) => {
    const name = `${prefix}${i}`;
    properties[KEYS[i]!] =
      typeof p.schema === 'object' && p.schema.$ref === '#/$defs/@'
        ? { ...p.schema, $ref: `#/$defs/${name}` }
        : p.schema;
    if (p.defs['@']) defs[name] = p.defs['@'];
  });
  const req = KEYS.slice(0, props.length).filter((_, i) => required[i]);
  const extra =
    additional.kind === 'absent'
      ? {}
      : {
          additionalProperties:
            additional.kind === 'false' ? false : additional.kind === 'true' ? true : additional.schema,
        };
  const pattern = patternProps ? { patternProperties: { '^x': { type: 'string' } } } : {};
  if (!split || props.length < 2)
    return {
      schema: { type: 'object', properties, ...(req.length > 0 && { required: req }), ...extra, ...pattern },
      defs,
    };
  const keys = Object.keys(properties);
  const half = Math.ceil(keys.length / 2);
  const part = (ks: string[]) => ({
    properties: Object.fromEntries(ks.map((k) => [k, properties[k]])),
    ...(req.some((r) => ks.includes(r)) && { required: req.filter((r) => ks.includes(r)) }),
  });
  return { schema: { allOf: [part(keys.slice(0, half)), part(keys.slice(half))], ...extra, ...pattern }, defs };
}

export const objectArb = (maxProps: number, prefix = 'D'): fc.Arbitrary<ObjectGen> =>
  fc
    .tuple(
      fc.array(propertyArb, { minLength: 0, maxLength: maxProps }),
      fc.array(fc.boolean(), { minLength: maxProps, maxLength: maxProps }),
      additionalArb,
      fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    )
    .map(([props, required, additional, split, patternProps]) =>
      objectOf(props, required, additional, split, patternProps, prefix),
    );

/** Charged: an Amount, and Items in one of the shapes people write (an array, nullable, a union with one array branch). */
export const chargedArb: fc.Arbitrary<ObjectGen> = fc
  .tuple(
    objectArb(3, 'I'),
    fc.constantFrom('plain', 'nullable', 'oneOf', 'anyOf', 'none'),
    fc.boolean(),
    maybe(fc.integer({ min: 0, max: 3 })),
    fc.boolean(),
  )
  .map(([item, shape, itemsRequired, maxItems, amountRequired]) => {
    const array = { type: 'array', items: item.schema, ...(maxItems !== undefined && { maxItems }) };
    const items =
      shape === 'plain'
        ? array
        : shape === 'nullable'
          ? { ...array, type: ['array', 'null'] }
          : shape === 'oneOf'
            ? { oneOf: [array, { type: 'null' }] }
            : { anyOf: [array, { type: 'null' }] };
    const properties: Record<string, unknown> = {
      Amount: { type: 'number', minimum: 0 },
      ...(shape !== 'none' && { Items: items }),
    };
    const required = [...(amountRequired ? ['Amount'] : []), ...(itemsRequired && shape !== 'none' ? ['Items'] : [])];
    return { schema: { properties, ...(required.length > 0 && { required }) }, defs: item.defs };
  });

/** Which function a case calls. */
export type Target = 'event' | 'charged' | 'identify';

export interface PlanGen {
  target: Target;
  plan: Record<string, unknown>;
  /** The schema of the value a call takes (the event's, Charged's, or the identify traits'). */
  object: Record<string, unknown>;
}

export const planArb: fc.Arbitrary<PlanGen> = fc.oneof(
  { weight: 5, arbitrary: objectArb(4).map((o) => plan('event', o)) },
  { weight: 2, arbitrary: chargedArb.map((o) => plan('charged', o)) },
  { weight: 2, arbitrary: objectArb(3).map((o) => plan('identify', o)) },
);

function plan(target: Target, o: ObjectGen): PlanGen {
  const events = target === 'charged' ? { Charged: o.schema } : target === 'event' ? { E0: o.schema } : { E0: {} };
  return {
    target,
    plan: {
      name: 'Differential',
      events,
      ...(target === 'identify' && { identify: o.schema }),
      ...(Object.keys(o.defs).length > 0 && { $defs: o.defs }),
    },
    object: o.schema,
  };
}
