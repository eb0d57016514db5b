/**
 * Random valid plans, each with a witness: a valid value for every property and trait, so that a test can call
 * every generated function (at run time, and in a TypeScript file that must type-check).
 *
 * The arbitraries produce plain data (a `PlanSpec`); `render()` turns it into the plan JSON and the expectations.
 * Every supported keyword appears: type (and type arrays with null), enum, const, format, pattern, minLength,
 * maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, oneOf, anyOf, allOf, $ref (chains,
 * into $defs under any name), description, deprecated, examples, default, title, additionalProperties, required,
 * Charged with Items, and identify with standard and custom (multi-value) traits.
 */
import fc from 'fast-check';
import { trackFunctionName } from '../../../generator/model/names.js';
import { eventNameArb, fold, jsonWithTextArb, keyArb, textArb } from './text.js';

// ---------------------------------------------------------------------------------------------------------------
// Witness values: JSON-friendly, so a failing plan prints readably.

export type Witness =
  | { s: string }
  | { n: number }
  | { b: boolean }
  | { d: number } // a Date, as epoch milliseconds
  | { a: Witness[] }
  | { o: Array<[string, Witness]> };

/** The runtime value (a fresh Date each time; objects with own keys, `__proto__` included). */
export function witnessValue(w: Witness): unknown {
  if ('s' in w) return w.s;
  if ('n' in w) return w.n;
  if ('b' in w) return w.b;
  if ('d' in w) return new Date(w.d);
  if ('a' in w) return w.a.map(witnessValue);
  return objectOf(w.o.map(([k, v]) => [k, witnessValue(v)]));
}

/** An object with exactly these own enumerable keys (defineProperty: `__proto__` is a key, not the prototype). */
export function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A TypeScript string literal: JSON.stringify, with the line separators escaped too. */
export const tsString = (s: string): string =>
  JSON.stringify(s)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The value as a TypeScript expression. Keys are computed (`["k"]: v`), so `__proto__` is an own key there too. */
export function tsOf(w: Witness): string {
  if ('s' in w) return tsString(w.s);
  if ('n' in w) return Object.is(w.n, -0) ? '0' : String(w.n);
  if ('b' in w) return String(w.b);
  if ('d' in w) return `new Date(${w.d})`;
  if ('a' in w) return `[${w.a.map(tsOf).join(', ')}]`;
  return tsObject(w.o.map(([k, v]) => [k, tsOf(v)]));
}

export const tsObject = (entries: Array<[string, string]>): string =>
  `{ ${entries.map(([k, v]) => `[${tsString(k)}]: ${v}`).join(', ')} }`;

// ---------------------------------------------------------------------------------------------------------------
// Scalar schemas with a witness.

export interface Scalar {
  schema: Record<string, unknown>;
  witness: Witness;
}

const FORMATS: Array<[string, string]> = [
  ['email', 'ada@example.com'],
  ['uri', 'https://example.com/a?b=c'],
  ['url', 'https://example.com/'],
  ['uri-reference', '../x'],
  ['uuid', '123e4567-e89b-12d3-a456-426614174000'],
  ['ipv4', '192.168.0.1'],
  ['ipv6', '2001:db8::1'],
  ['hostname', 'example.com'],
  ['time', '10:20:30Z'],
];

/** Escapes a string for a `u`-flag RegExp that matches exactly it. */
const regexEscape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * A string value CleverTap keeps as it is: no ' " or \ (deleted from values) and no outer whitespace (trimmed); the
 * development checks report those. (Hostile values are hostile/'s business.)
 */
const shortText = fc.oneof(textArb, fc.string({ unit: 'grapheme', maxLength: 10 })).map((s) =>
  s
    .slice(0, 40)
    .replace(/['"\\]/g, '')
    .trim(),
);

const stringScalar: fc.Arbitrary<Scalar> = fc
  .record({
    w: shortText,
    mode: fc.constantFrom('plain', 'enum', 'const', 'format', 'pattern-exact', 'pattern-any', 'pattern-class'),
    others: fc.array(shortText, { maxLength: 3 }),
    format: fc.constantFrom(...FORMATS),
    minLength: fc.option(fc.nat(), { nil: undefined }),
    maxLength: fc.option(fc.nat({ max: 512 }), { nil: undefined }),
  })
  .map(({ w, mode, others, format, minLength, maxLength }): Scalar => {
    let value = w;
    const schema: Record<string, unknown> = { type: 'string' };
    if (mode === 'enum') schema.enum = [...new Set([...others, w])].sort();
    if (mode === 'const') schema.const = w;
    if (mode === 'format') {
      schema.format = format[0];
      value = format[1];
    }
    if (mode === 'pattern-exact') schema.pattern = `^${regexEscape(w)}$`;
    if (mode === 'pattern-any') schema.pattern = '^[\\s\\S]*$';
    if (mode === 'pattern-class') {
      schema.pattern = '^[\\p{L}\\p{N}_ -]+$';
      value = 'Ab 12_ü-名';
    }
    const units = value.length;
    const points = [...value].length;
    if (minLength !== undefined) schema.minLength = Math.min(minLength, points);
    if (maxLength !== undefined) schema.maxLength = Math.min(512, Math.max(maxLength, units));
    return { schema, witness: { s: value } };
  });

const numberScalar: fc.Arbitrary<Scalar> = fc
  .record({
    integer: fc.boolean(),
    k: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    step: fc.constantFrom(1, 2, 3, 5, 10, 0.5, 0.25),
    big: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined, freq: 5 }),
    mode: fc.constantFrom('plain', 'enum', 'const', 'bounds', 'multipleOf'),
    // No integers past Number.MAX_SAFE_INTEGER in an enum or const: a plan with one is refused (CT016), since its
    // text may name another integer than the one JavaScript reads
    others: fc.array(
      fc.oneof(
        fc.integer({ min: -50, max: 50 }),
        fc
          .double({ noNaN: true, noDefaultInfinity: true })
          .filter((n) => !(Number.isInteger(n) && Math.abs(n) > Number.MAX_SAFE_INTEGER))
          .map((n) => (Object.is(n, -0) ? 0 : n)),
      ),
      { maxLength: 3 },
    ),
    below: fc.nat(1000),
    above: fc.nat(1000),
    exclusive: fc.boolean(),
  })
  .map(({ integer, k, step, big, mode, others, below, above, exclusive }): Scalar => {
    const s = integer ? Math.ceil(step) : step;
    let v = mode === 'multipleOf' ? k * s : integer ? k : k * 0.25;
    if (big !== undefined && mode === 'plain' && !integer) v = Object.is(big, -0) ? 0 : big;
    const schema: Record<string, unknown> = { type: integer ? 'integer' : 'number' };
    // an integer's enum lists integers (a fraction there is a contradiction the checker reports)
    if (mode === 'enum')
      schema.enum = [...new Set([...others.filter((o) => !integer || Number.isInteger(o)), v])].sort((a, b) => a - b);
    if (mode === 'const') schema.const = v;
    if (mode === 'multipleOf') schema.multipleOf = s;
    if (mode === 'bounds') {
      if (exclusive) {
        schema.exclusiveMinimum = v - below - 1;
        schema.exclusiveMaximum = v + above + 1;
      } else {
        schema.minimum = v - below;
        schema.maximum = v + above;
      }
    }
    return { schema, witness: { n: v } };
  });

const booleanScalar: fc.Arbitrary<Scalar> = fc
  .record({ v: fc.boolean(), mode: fc.constantFrom('plain', 'enum1', 'enum2', 'const') })
  .map(({ v, mode }): Scalar => {
    const schema: Record<string, unknown> = { type: 'boolean' };
    if (mode === 'enum1') schema.enum = [v];
    if (mode === 'enum2') schema.enum = [true, false];
    if (mode === 'const') schema.const = v;
    return { schema, witness: { b: v } };
  });

const dateScalar: fc.Arbitrary<Scalar> = fc
  .record({
    format: fc.constantFrom('date', 'date-time'),
    ms: fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }),
  })
  .map(({ format, ms }) => ({ schema: { type: 'string', format }, witness: { d: ms } }));

/** A string or number enum with no `type`: the type is inferred. */
const untypedEnum: fc.Arbitrary<Scalar> = fc.oneof(
  fc
    .array(shortText, { minLength: 1, maxLength: 3 })
    .map((xs) => ({ schema: { enum: [...new Set(xs)] }, witness: { s: xs[0]! } })),
  fc.integer().map((n) => ({ schema: { const: n }, witness: { n } })),
);

const baseScalar: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 4, arbitrary: stringScalar },
  { weight: 3, arbitrary: numberScalar },
  { weight: 1, arbitrary: booleanScalar },
  { weight: 1, arbitrary: dateScalar },
  { weight: 1, arbitrary: untypedEnum },
);

/** `type` arrays (null included: a warning, not an error), and oneOf/anyOf of scalars; the witness is the first member's. */
const unionScalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc
    .record({
      first: fc.constantFrom('string', 'number', 'integer', 'boolean'),
      rest: fc.subarray(['string', 'number', 'boolean', 'null']),
    })
    .map(({ first, rest }): Scalar => {
      const types = [...new Set([first, ...rest])];
      const witness: Witness = first === 'string' ? { s: 'x' } : first === 'boolean' ? { b: false } : { n: 3 };
      return { schema: { type: types.length === 1 ? types[0]! : types }, witness };
    }),
  fc
    .record({ key: fc.constantFrom('oneOf', 'anyOf'), branches: fc.array(baseScalar, { minLength: 1, maxLength: 3 }) })
    .map(
      // oneOf is exclusive (development mode checks it): with more branches the first one's witness may match several,
      // so those are anyOf here; test/differential judges oneOf against Ajv
      ({ key, branches }): Scalar => ({
        schema: { [branches.length > 1 ? 'anyOf' : key]: branches.map((b) => b.schema) },
        witness: branches[0]!.witness,
      }),
    ),
);

export const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 5, arbitrary: baseScalar },
  { weight: 1, arbitrary: unionScalar },
);

// ---------------------------------------------------------------------------------------------------------------
// Documentation keywords, and how a schema is written: inline, through $ref chains, or split with allOf.

export interface DocSpec {
  description?: string;
  title?: string;
  deprecated?: true | string;
  examples?: unknown[];
  default?: unknown;
}

export const docArb: fc.Arbitrary<DocSpec> = fc.record(
  {
    description: textArb,
    title: textArb,
    deprecated: fc.oneof(fc.constant(true as const), textArb),
    examples: fc.array(jsonWithTextArb, { minLength: 1, maxLength: 2 }),
    default: jsonWithTextArb,
  },
  { requiredKeys: [] },
);

export type Wrap = { kind: 'inline' } | { kind: 'ref'; defs: string[] } | { kind: 'allOf' };

/** $defs names are anything at all: `/`, `~`, `%`, `#`, spaces, unicode (the pointer escapes and percent-encodes them). */
const defNameArb = fc
  .oneof(keyArb, textArb, fc.constantFrom('a/b', 'a~b', '~1', '50%', '%25', 'a#b', '', ' ', '__proto__', 'constructor'))
  .filter((s) => !/\p{Cs}/u.test(s)); // a lone surrogate cannot be written in a URI (encodeURIComponent throws)

export const wrapArb: fc.Arbitrary<Wrap> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'inline' as const }) },
  {
    weight: 2,
    arbitrary: fc.array(defNameArb, { minLength: 1, maxLength: 3 }).map((defs) => ({ kind: 'ref' as const, defs })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'allOf' as const }) },
);

export interface PropSpec {
  scalar: Scalar;
  docs: DocSpec;
  wrap: Wrap;
  required: boolean;
}

export const propArb: fc.Arbitrary<PropSpec> = fc.record({
  scalar: scalarArb,
  docs: fc.oneof({ weight: 1, arbitrary: fc.constant({}) }, { weight: 2, arbitrary: docArb }),
  wrap: wrapArb,
  required: fc.boolean(),
});

// ---------------------------------------------------------------------------------------------------------------
// Events, Charged, identify, plans.

export type Additional = 'absent' | 'false' | 'true' | 'empty' | 'string';

export interface EventSpec {
  name: string;
  docs: DocSpec;
  props: Array<[string, PropSpec]>;
  additional: Additional;
  typeObject: boolean;
  wrap: Wrap;
}

const additionalArb = fc.constantFrom<Additional>('absent', 'absent', 'false', 'true', 'empty', 'string');

/** Keys unique as written (JSON objects) — keys equal ignoring case are allowed: a warning only. */
const propsArb = (maxKeys: number, exclude: (k: string) => boolean = () => false) =>
  fc.uniqueArray(
    fc.tuple(
      keyArb.filter((k) => !exclude(k)),
      propArb,
    ),
    { maxLength: maxKeys, selector: ([k]) => k },
  );

const eventBody = {
  docs: fc.oneof(
    fc.constant({}),
    docArb.map(({ description, deprecated, examples }) => ({ description, deprecated, examples })),
  ),
  props: propsArb(6),
  additional: additionalArb,
  typeObject: fc.boolean(),
  wrap: wrapArb,
};

export interface ChargedSpec {
  additional: Additional;
  props: Array<[string, PropSpec]>;
  items: Array<[string, PropSpec]>;
  maxItems: number;
  itemsRequired: boolean;
  itemCount: number;
}

export const chargedArb: fc.Arbitrary<ChargedSpec> = fc.record({
  additional: fc.constantFrom<Additional>('absent', 'false', 'true'),
  props: propsArb(4, (k) => k === 'Items'),
  items: propsArb(4),
  maxItems: fc.integer({ min: 1, max: 50 }),
  itemsRequired: fc.boolean(),
  itemCount: fc.integer({ min: 0, max: 3 }),
});

/** Standard profile fields: one spelling each, a schema CleverTap accepts, and a value its guard lets through. */
const STANDARD: Array<{ names: string[]; schemas: Array<Record<string, unknown>>; witness: Witness }> = [
  {
    names: ['name', 'Name'],
    schemas: [{ type: 'string' }, { type: 'string', maxLength: 100 }],
    witness: { s: 'Ada */ Lovelace' },
  },
  {
    names: ['email', 'Email'],
    schemas: [{ type: 'string' }, { type: 'string', format: 'email' }],
    witness: { s: 'ada@example.com' },
  },
  { names: ['phone', 'Phone'], schemas: [{ type: 'string' }], witness: { s: '+14155552671' } },
  {
    names: ['gender', 'Gender'],
    schemas: [{ type: 'string', enum: ['M', 'F'] }, { type: 'string', enum: ['F'] }, { enum: ['M', 'F', 'O', 'U'] }],
    witness: { s: 'F' },
  },
  {
    names: ['birthday', 'DOB'],
    schemas: [
      { type: 'string', format: 'date' },
      { type: 'string', format: 'date-time' },
    ],
    witness: { d: -4_829_097_600_000 },
  },
  {
    names: ['avatar', 'Photo'],
    schemas: [{ type: 'string', format: 'uri' }],
    witness: { s: 'https://example.com/a.png' },
  },
  { names: ['Employed'], schemas: [{ type: 'string', enum: ['Y', 'N'] }], witness: { s: 'Y' } },
  { names: ['Married'], schemas: [{ type: 'string', enum: ['N'] }], witness: { s: 'N' } },
  {
    names: ['Education'],
    schemas: [{ type: 'string', enum: ['School', 'College', 'Graduate'] }],
    witness: { s: 'College' },
  },
  { names: ['Age'], schemas: [{ type: 'integer', minimum: 0 }, { type: 'number' }], witness: { n: 36 } },
  { names: ['MSG-email'], schemas: [{ type: 'boolean' }], witness: { b: true } },
  { names: ['MSG-push'], schemas: [{ type: 'boolean' }], witness: { b: false } },
  { names: ['MSG-sms'], schemas: [{ type: 'boolean' }], witness: { b: true } },
  { names: ['MSG-whatsapp'], schemas: [{ type: 'boolean' }], witness: { b: false } },
];

/** Every spelling that means a standard field or the identity, folded: custom traits keep clear of them. */
const NOT_CUSTOM = new Set(
  [...STANDARD.flatMap((s) => s.names), 'DOB', 'Photo', 'userId', 'Identity', 'Name', 'Email', 'Phone', 'Gender'].map(
    fold,
  ),
);

export interface TraitSpec {
  name: string;
  schema: Record<string, unknown>;
  witness: Witness;
  docs: DocSpec;
}

export interface IdentifySpec {
  traits: TraitSpec[];
  additional: Additional;
  docs: DocSpec;
  userId: string | number;
}

const standardTraitArb: fc.Arbitrary<TraitSpec[]> = fc.subarray(STANDARD.map((_, i) => i)).chain((picked) =>
  fc.tuple(
    ...picked.map((i) => {
      const s = STANDARD[i]!;
      return fc
        .record({
          name: fc.constantFrom(...s.names),
          schema: fc.constantFrom(...s.schemas),
          docs: fc.oneof(fc.constant({}), docArb),
        })
        .map((t) => ({ ...t, witness: s.witness }));
    }),
  ),
);

const multiValueArb: fc.Arbitrary<Scalar> = fc
  .record({
    // an empty list is refused (CleverTap error 545)
    values: fc.array(
      shortText.map((s) => s.slice(0, 20).trim()),
      { minLength: 1, maxLength: 3 },
    ),
    maxItems: fc.integer({ min: 3, max: 100 }),
    maxLength: fc.option(fc.integer({ min: 40, max: 512 }), { nil: undefined }),
  })
  .map(({ values, maxItems, maxLength }) => ({
    schema: { type: 'array', maxItems, items: { type: 'string', ...(maxLength !== undefined && { maxLength }) } },
    witness: { a: values.map((s) => ({ s })) },
  }));

const customTraitArb: fc.Arbitrary<TraitSpec[]> = fc.uniqueArray(
  fc
    .record({
      name: keyArb.filter((k) => !NOT_CUSTOM.has(fold(k))),
      scalar: fc.oneof({ weight: 3, arbitrary: scalarArb }, { weight: 1, arbitrary: multiValueArb }),
      docs: fc.oneof(fc.constant({}), docArb),
    })
    .map(({ name, scalar, docs }) => ({ name, schema: scalar.schema, witness: scalar.witness, docs })),
  { maxLength: 4, selector: (t) => t.name },
);

const identifyRecord: fc.Arbitrary<IdentifySpec> = fc.record({
  traits: fc.tuple(standardTraitArb, customTraitArb).map(([a, b]) => [...a, ...b]),
  additional: fc.constantFrom<Additional>('absent', 'false', 'true'),
  docs: fc.oneof(
    fc.constant({}),
    docArb.map(({ description }) => ({ description })),
  ),
  userId: fc.oneof(keyArb, fc.integer({ min: -1e6, max: 1e6 })),
});

export const identifyArb: fc.Arbitrary<IdentifySpec> = identifyRecord;

export interface PlanSpec {
  name: string;
  version?: string;
  description?: string;
  events: EventSpec[];
  charged?: ChargedSpec;
  identify?: IdentifySpec;
}

/** Events with a function name, whose names differ after case-folding and whose functions differ (CT110, CT107, CT109). */
const eventsArb = (maxEvents: number): fc.Arbitrary<EventSpec[]> =>
  fc.array(fc.record({ name: eventNameArb, ...eventBody }), { maxLength: maxEvents }).map((events) => {
    const folds = new Set<string>();
    const fns = new Set<string>();
    return events.filter((e) => {
      const f = fold(e.name);
      const fn = trackFunctionName(e.name);
      // '' : a name with no identifier characters the generator uses (CT110), which mutations.ts covers
      if (fn === '' || folds.has(f) || fns.has(fn)) return false;
      folds.add(f);
      fns.add(fn);
      return true;
    });
  });

export const planSpecArb = (maxEvents = 5): fc.Arbitrary<PlanSpec> =>
  fc.record(
    {
      name: textArb,
      version: fc.oneof(textArb, fc.constant('1.0.0')),
      description: textArb,
      events: eventsArb(maxEvents),
      charged: chargedArb,
      identify: identifyArb,
    },
    { requiredKeys: ['name', 'events'] },
  );

// ---------------------------------------------------------------------------------------------------------------
// Rendering a spec: the plan object, and what the client must do with it.

/** One call of a generated function, with the values to pass and what the SDK must receive. */
export interface TrackCall {
  event: string;
  /** Entries passed (and, all values being defined and non-null, exactly the entries sent). */
  props: Array<[string, Witness]>;
  /** Every key the plan declares, in plan order (the interface's members). */
  keys: string[];
  required: string[];
  additional: boolean;
  docs: DocSpec;
  propDocs: Array<[string, DocSpec]>;
}

export interface IdentifyCall {
  userId: string | number;
  /** Whether identify() takes traits at all (a plan with no traits and no additionalProperties: identity only). */
  hasTraits: boolean;
  traits: Array<[string, Witness]>;
  /** Trait key → the CleverTap field it is sent as. */
  fields: Array<[string, string]>;
  docs?: Array<[string, DocSpec]>;
}

export interface Rendered {
  plan: Record<string, unknown>;
  calls: TrackCall[];
  identify?: IdentifyCall;
}

const STANDARD_FIELD: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  gender: 'Gender',
  birthday: 'DOB',
  avatar: 'Photo',
};

/**
 * An RFC 6901 pointer token in a URI fragment: percent-encoded when it has a `%` (or, every other length, anyway),
 * written as it is otherwise, as people do (the resolver percent-decodes the fragment).
 */
const pointerToken = (s: string): string => {
  const token = s.replace(/~/g, '~0').replace(/\//g, '~1');
  return token.includes('%') || token.length % 2 === 1 ? encodeURIComponent(token) : token;
};

/** Sets an own key (`__proto__` included). */
export const put = (o: object, k: string, v: unknown): void => {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
};

function docsOf(d: DocSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (d.title !== undefined) out.title = d.title;
  if (d.description !== undefined) out.description = d.description;
  if (d.deprecated !== undefined) out.deprecated = d.deprecated;
  if (d.examples !== undefined) out.examples = d.examples;
  if ('default' in d) out.default = d.default;
  return out;
}

export function render(spec: PlanSpec): Rendered {
  const defs: Record<string, unknown> = {};
  const defName = (wanted: string): string => {
    let n = wanted;
    for (let i = 2; Object.hasOwn(defs, n); i++) n = `${wanted} ${i}`;
    Object.defineProperty(defs, n, { value: null, enumerable: true, writable: true, configurable: true });
    return n;
  };
  /** The schema as written at its place: inline, `{$ref}` through a chain of $defs, or split into allOf parts. */
  const place = (schema: Record<string, unknown>, wrap: Wrap): Record<string, unknown> => {
    if (wrap.kind === 'inline') return schema;
    if (wrap.kind === 'allOf') {
      const keys = Object.keys(schema);
      const half = Math.ceil(keys.length / 2);
      const own: Record<string, unknown> = {};
      const part: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        (i < half ? own : part)[k] = schema[k];
      });
      return { ...own, allOf: [part] };
    }
    const names = wrap.defs.map(defName);
    // names[0] → names[1] → ... → the schema
    names.forEach((n, i) => {
      put(defs, n, i === names.length - 1 ? schema : { $ref: `#/$defs/${pointerToken(names[i + 1]!)}` });
    });
    return { $ref: `#/$defs/${pointerToken(names[0]!)}` };
  };
  const property = (p: PropSpec): Record<string, unknown> => place({ ...p.scalar.schema, ...docsOf(p.docs) }, p.wrap);
  const propertiesOf = (props: Array<[string, PropSpec]>): Record<string, unknown> =>
    objectOf(props.map(([k, p]) => [k, property(p)]));
  const requiredOf = (props: Array<[string, PropSpec]>): string[] =>
    props.filter(([, p]) => p.required).map(([k]) => k);
  const additionalOf = (a: Additional): Record<string, unknown> =>
    a === 'absent'
      ? {}
      : {
          additionalProperties:
            a === 'false' ? false : a === 'true' ? true : a === 'empty' ? {} : { type: 'string', maxLength: 100 },
        };
  const allowsExtra = (a: Additional): boolean => a !== 'absent' && a !== 'false';

  const events = objectOf([]);
  const calls: TrackCall[] = [];
  for (const e of spec.events) {
    const required = requiredOf(e.props);
    const schema: Record<string, unknown> = {
      ...(e.typeObject && { type: 'object' }),
      ...docsOf(e.docs),
      ...(e.props.length > 0 && { properties: propertiesOf(e.props) }),
      ...(required.length > 0 && { required }),
      ...additionalOf(e.additional),
    };
    Object.defineProperty(events, e.name, {
      value: place(schema, e.wrap),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const extra: Array<[string, Witness]> = allowsExtra(e.additional)
      ? [['extra key beyond the plan ✓', { s: 'extra' }]]
      : [];
    calls.push({
      event: e.name,
      props: [...e.props.map(([k, p]): [string, Witness] => [k, p.scalar.witness]), ...extra],
      keys: e.props.map(([k]) => k),
      required,
      additional: allowsExtra(e.additional),
      docs: e.docs,
      propDocs: e.props.map(([k, p]) => [k, p.docs]),
    });
  }
  if (spec.charged) {
    const c = spec.charged;
    const itemRequired = requiredOf(c.items);
    const items = {
      type: 'array',
      maxItems: c.maxItems,
      items: {
        type: 'object',
        properties: propertiesOf(c.items),
        ...(itemRequired.length > 0 && { required: itemRequired }),
      },
    };
    const required = [...requiredOf(c.props), ...(c.itemsRequired ? ['Items'] : [])];
    Object.defineProperty(events, 'Charged', {
      value: {
        properties: objectOf([...c.props.map(([k, p]): [string, unknown] => [k, property(p)]), ['Items', items]]),
        ...(required.length > 0 && { required }),
        ...additionalOf(c.additional),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const item: Witness = { o: c.items.map(([k, p]) => [k, p.scalar.witness]) };
    calls.push({
      event: 'Charged',
      props: [
        ...c.props.map(([k, p]): [string, Witness] => [k, p.scalar.witness]),
        ['Items', { a: Array.from({ length: Math.min(c.itemCount, c.maxItems) }, () => item) }],
        ...(allowsExtra(c.additional) ? [['extra key beyond the plan ✓', { s: 'extra' }] as [string, Witness]] : []),
      ],
      keys: [...c.props.map(([k]) => k), 'Items'],
      required,
      additional: allowsExtra(c.additional),
      docs: {},
      propDocs: c.props.map(([k, p]) => [k, p.docs]),
    });
  }
  const plan: Record<string, unknown> = { name: spec.name };
  if (spec.version !== undefined) plan.version = spec.version;
  if (spec.description !== undefined) plan.description = spec.description;
  plan.events = events;

  let identify: IdentifyCall | undefined;
  if (spec.identify) {
    const id = spec.identify;
    plan.identify = {
      ...docsOf(id.docs),
      properties: objectOf(id.traits.map((t) => [t.name, { ...t.schema, ...docsOf(t.docs) }])),
      ...additionalOf(id.additional),
    };
    identify = {
      userId: id.userId,
      hasTraits: id.traits.length > 0 || (id.additional !== 'absent' && id.additional !== 'false'),
      traits: id.traits.map((t) => [t.name, t.witness]),
      fields: id.traits.map((t) => [t.name, Object.hasOwn(STANDARD_FIELD, t.name) ? STANDARD_FIELD[t.name]! : t.name]),
      docs: id.traits.map((t) => [t.name, t.docs]),
    };
  }
  if (Object.keys(defs).length > 0) plan.$defs = defs;
  return { plan, calls, ...(identify && { identify }) };
}

/** The plan JSON, two-space indented, for failure messages. */
export const show = (plan: unknown): string => JSON.stringify(plan, null, 2);
