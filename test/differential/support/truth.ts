/**
 * Ground truth from Ajv (JSON Schema draft 2020-12, ajv-formats), in two strengths.
 *
 * The plan format reads an object schema (an event, Charged's items, the identify traits) as a contract, so before
 * Ajv sees one: its allOf parts are merged (as the plan format says), a missing `additionalProperties` is `false`,
 * and `additionalProperties: true` (or `{}`) means any CleverTap scalar (string, number, boolean; null is "not
 * sent"). Then:
 *  - `valid`: Ajv on the plan's schema, and CleverTap's own rules for every string the call holds (at most 512
 *    bytes, no ' " or \, no outer whitespace: CleverTap would change such a value). Development mode reports a
 *    value iff it is not `valid`.
 *  - `typeValid`: Ajv on the schema without what TypeScript cannot say (lengths, pattern, formats other than the
 *    date formats, bounds, multipleOf, integer-ness, oneOf's exclusivity: oneOf reads as anyOf, patternProperties).
 *    A call compiles iff its value is `typeValid`. (An interface's index signature must admit the declared
 *    properties' types too, but a call's extra keys are held to the additionalProperties type alone: `Exact`.)
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { PlanGen } from './schemas.js';
import { DateValue, type Value } from './values.js';

type S = Record<string, unknown>;
const isObject = (v: unknown): v is S => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The scalars an open object takes for keys it does not define. */
const SCALARS = { type: ['string', 'number', 'boolean', 'null'] };

/** An object schema as the plan format reads it (see above). */
function contract(s: S, defs: S): S {
  const layers: S[] = [];
  const collect = (x: unknown): void => {
    if (!isObject(x)) return;
    const target = typeof x.$ref === 'string' ? defs[x.$ref.replace('#/$defs/', '')] : undefined;
    layers.push(x);
    collect(target);
    if (Array.isArray(x.allOf)) x.allOf.forEach(collect);
  };
  collect(s);
  const properties: S = {};
  const required = new Set<string>();
  let additional: unknown;
  let patternProperties: unknown;
  for (const l of layers) {
    if (isObject(l.properties))
      for (const [k, v] of Object.entries(l.properties)) if (!(k in properties)) properties[k] = v;
    if (Array.isArray(l.required)) for (const k of l.required) required.add(k as string);
    if (additional === undefined && 'additionalProperties' in l) additional = l.additionalProperties;
    patternProperties ??= l.patternProperties;
  }
  for (const [k, v] of Object.entries(properties))
    if (k === 'Items' && isObject(v)) properties[k] = itemsContract(v, defs);
  const extra =
    additional === undefined || additional === false
      ? false
      : additional === true || (isObject(additional) && Object.keys(additional).length === 0)
        ? SCALARS
        : additional;
  return {
    type: 'object',
    properties,
    required: [...required],
    additionalProperties: extra,
    ...(patternProperties !== undefined && { patternProperties }),
  };
}

/** Charged's Items: its item object schemas read as contracts too. */
function itemsContract(s: S, defs: S): S {
  const out: S = { ...s };
  if (isObject(s.items)) out.items = contract(s.items, defs);
  for (const k of ['oneOf', 'anyOf'])
    if (Array.isArray(s[k])) out[k] = (s[k] as unknown[]).map((b) => (isObject(b) ? itemsContract(b, defs) : b));
  return out;
}

const TYPE_ONLY_DROPS = [
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'patternProperties',
  'maxItems',
];

/** The schema without what TypeScript cannot express (recursively, $defs included). */
function relax(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(relax);
  if (!isObject(s)) return s;
  const out: S = {};
  for (const [k, v] of Object.entries(s)) {
    if (TYPE_ONLY_DROPS.includes(k)) continue;
    if (k === 'format' && v !== 'date' && v !== 'date-time') continue;
    if (k === 'type')
      out.type =
        v === 'integer'
          ? 'number'
          : Array.isArray(v)
            ? [...new Set(v.map((t) => (t === 'integer' ? 'number' : t)))]
            : v;
    else if (k === 'oneOf') out.anyOf = relax(v);
    else if (k === 'properties' && isObject(v))
      out.properties = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, relax(x)]));
    else if (k === '$defs' && isObject(v))
      out.$defs = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, relax(x)]));
    else out[k] = relax(v);
  }
  return out;
}

/** Every string a value holds, keys of extra properties aside. */
function strings(v: Value, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === 'object' && !(v instanceof DateValue))
    for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** CleverTap keeps a string as it is: at most 512 bytes, no quote or backslash, no outer whitespace. */
const keptAsIs = (s: string): boolean => Buffer.byteLength(s) <= 512 && !/['"\\]/.test(s) && s.trim() === s;

export interface Judge {
  valid(json: unknown, value: Value): boolean;
  typeValid(json: unknown): boolean;
  /** The two schemas Ajv ran, for a failure's message. */
  schemas: { valid: S; typeValid: S };
}

let ajv: Ajv2020 | undefined;
let compiled = 0;

function validator(schema: S) {
  // A fresh Ajv now and then: it caches every schema it compiled
  if (!ajv || ++compiled % 200 === 0) {
    ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    // ajv-formats is CommonJS: its default export arrives as the module object under Node's ESM
    const add = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (
      a: Ajv2020,
    ) => void;
    add(ajv);
  }
  return ajv.compile(schema);
}

export function judgeOf(g: PlanGen): Judge {
  const defs = isObject(g.plan.$defs) ? g.plan.$defs : {};
  const object = contract(g.object, defs);
  const strict: S = { ...object, $defs: defs };
  const loose = relax(strict) as S;
  const strictFn = validator(strict);
  const looseFn = validator(loose);
  return {
    valid: (json, value) => strictFn(json) === true && strings(value).every(keptAsIs),
    typeValid: (json) => looseFn(json) === true,
    schemas: { valid: strict, typeValid: loose },
  };
}
