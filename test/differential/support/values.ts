/**
 * Random values for a schema, some valid and some not: constants the schema names (enum/const values, numbers at
 * and beside its bounds and multiples, strings at and beside its lengths in code points, strings that match its
 * pattern and format and strings that do not), values of every JSON type, and keys the schema does not define.
 *
 * One value, three forms. JSON, for Ajv: what the plan's JSON Schema describes. The client's value, for the
 * development checks: the same, except that a date or date-time string is a `Date` (the client takes a `Date`
 * wherever the plan says `format: date` or `date-time`; the SDK sends it as a CleverTap date). A TypeScript literal,
 * for tsc: the client's value written out (`new Date(ms)` for a Date). Dates are generated only where the schema has
 * a date format, and strings never look like dates, so the mapping is one to one.
 */
import fc from 'fast-check';
import { CONSTANTS, DATE_FORMATS, FORMATS, PATTERNS } from './schemas.js';

/** A date: a `Date` in the client, a string in `format` in JSON. */
export class DateValue {
  constructor(
    readonly ms: number,
    readonly format: 'date' | 'date-time',
  ) {}
  json(): string {
    const iso = new Date(this.ms).toISOString();
    return this.format === 'date' ? iso.slice(0, 10) : iso;
  }
}

export type Value = null | boolean | number | string | DateValue | Value[] | { [key: string]: Value };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function toJson(v: Value): unknown {
  if (v instanceof DateValue) return v.json();
  if (Array.isArray(v)) return v.map(toJson);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x as Value)]));
  return v;
}

export function toClient(v: Value): unknown {
  if (v instanceof DateValue) return new Date(v.ms);
  if (Array.isArray(v)) return v.map(toClient);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toClient(x as Value)]));
  return v;
}

/** The client's value as a TypeScript expression on one line. */
export function toTs(v: Value): string {
  if (v instanceof DateValue) return `new Date(${v.ms})`;
  if (Array.isArray(v)) return `[${v.map(toTs).join(', ')}]`;
  if (isObject(v))
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${toTs(x as Value)}`)
      .join(', ')} }`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return JSON.stringify(v);
}

/** For messages: JSON with Dates marked. */
export const showValue = (v: Value): string =>
  JSON.stringify(v, (_k, x) => (x instanceof DateValue ? `Date(${x.format} ${x.json()})` : x));

type Defs = Record<string, unknown>;

const deref = (s: unknown, defs: Defs): unknown =>
  isObject(s) && typeof s.$ref === 'string' ? defs[s.$ref.replace('#/$defs/', '')] : undefined;

/** Every schema object reachable from `s` through $ref, allOf/anyOf/oneOf (not into items or properties). */
function parts(s: unknown, defs: Defs, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (!isObject(s) || out.includes(s)) return out;
  out.push(s);
  parts(deref(s, defs), defs, out);
  for (const k of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(s[k])) for (const b of s[k] as unknown[]) parts(b, defs, out);
  return out;
}

const text = (unit: string, n: number): string => (n <= 0 ? '' : unit.repeat(n));

/** Scalar values worth trying against `schema`. */
export function scalarCandidates(schema: unknown, defs: Defs): Value[] {
  const out: Value[] = ['a', 1, 1.5, true, null, ' a', "it's"];
  for (const p of parts(schema, defs)) {
    if (Array.isArray(p.enum)) out.push(...(p.enum as Value[]));
    if ('const' in p) out.push(p.const as Value);
    for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
      const n = p[k];
      if (typeof n === 'number') out.push(n, n - 1, n + 1, n + 0.5, n - 0.5);
    }
    if (typeof p.multipleOf === 'number') out.push(p.multipleOf, p.multipleOf * 3, p.multipleOf + 0.25);
    for (const k of ['minLength', 'maxLength']) {
      const n = p[k];
      if (typeof n === 'number') for (const m of [n - 1, n, n + 1]) out.push(text('a', m), text('😀', m));
    }
    if (typeof p.pattern === 'string' && PATTERNS[p.pattern]) out.push(...PATTERNS[p.pattern]!);
    if (typeof p.format === 'string') {
      if (FORMATS[p.format]) out.push(...FORMATS[p.format]!);
      if ((DATE_FORMATS as readonly string[]).includes(p.format)) {
        const format = p.format as 'date' | 'date-time';
        out.push(
          new DateValue(Date.UTC(2024, 1, 29), format),
          new DateValue(Date.UTC(1999, 11, 31, 23, 59, 59, 123), format),
        );
      }
    }
    const types = typeof p.type === 'string' ? [p.type] : Array.isArray(p.type) ? p.type : [];
    for (const t of types)
      out.push(t === 'string' ? 'xyz' : t === 'integer' ? 7 : t === 'number' ? -2.25 : t === 'boolean' ? false : null);
  }
  return out.filter((v) => typeof v !== 'number' || Number.isFinite(v));
}

/** The item object schema of an array schema somewhere in `schema` (Charged's Items), if any. */
function itemSchema(schema: unknown, defs: Defs): unknown {
  for (const p of parts(schema, defs)) if (p.items !== undefined) return p.items;
  return undefined;
}

const scalarArb = (schema: unknown, defs: Defs): fc.Arbitrary<Value> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...scalarCandidates(schema, defs)) },
    { weight: 2, arbitrary: fc.constantFrom<Value>(...(CONSTANTS as Value[])) },
    { weight: 1, arbitrary: fc.constantFrom<Value>([1], { k: 'v' }, ['a', 'b']) },
  );

/** A value for a property's schema: for an array schema (Items, a multi-value trait) an array of items. */
export function valueArb(schema: unknown, defs: Defs, depth = 0): fc.Arbitrary<Value> {
  const items = depth === 0 ? itemSchema(schema, defs) : undefined;
  if (items === undefined) return scalarArb(schema, defs);
  const item = parts(items, defs).some((p) => p.type === 'object' || p.properties !== undefined)
    ? objectValueArb(items, defs, depth + 1)
    : scalarArb(items, defs);
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
    { weight: 1, arbitrary: scalarArb(schema, defs) },
  );
}

const EXTRA_KEYS = ['extra', 'x1', 'Items'];

/** An object for an object schema: most declared keys, sometimes a key it does not declare. */
export function objectValueArb(schema: unknown, defs: Defs, depth = 0): fc.Arbitrary<Value> {
  const props: Record<string, unknown> = {};
  for (const p of parts(schema, defs))
    if (isObject(p.properties)) for (const [k, s] of Object.entries(p.properties)) if (!(k in props)) props[k] = s;
  const additional = parts(schema, defs).find((p) => 'additionalProperties' in p)?.additionalProperties;
  const extraValue = isObject(additional) ? scalarArb(additional, defs) : scalarArb({}, defs);
  const entries = Object.entries(props).map(([k, s]) =>
    fc.option(
      valueArb(s, defs, depth).map((v): [string, Value] => [k, v]),
      { nil: undefined, freq: 5 },
    ),
  );
  const extras = fc
    .subarray(
      EXTRA_KEYS.filter((k) => !(k in props)),
      { maxLength: 2 },
    )
    .chain((keys) => fc.tuple(...keys.map((k) => extraValue.map((v): [string, Value] => [k, v]))));
  return fc
    .tuple(
      fc.tuple(...entries),
      fc.oneof({ weight: 3, arbitrary: fc.constant([] as [string, Value][]) }, { weight: 1, arbitrary: extras }),
    )
    .map(([declared, extra]) =>
      Object.fromEntries([...declared.filter((e): e is [string, Value] => e !== undefined), ...extra]),
    );
}
