/**
 * Keywords with a value of the wrong JSON type (`"maxLength": "10"`), or that no value can satisfy (`minimum`
 * above `maximum`), are errors: read as "no restriction" they would give a client that accepts what the plan forbids.
 */
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isSchemaObject, type Schema, type SchemaView } from './schema-view.js';
import { didYouMean, nearest } from '../diagnostics/nearest.js';

/**
 * Every keyword of JSON Schema (draft-04 to 2020-12) and OpenAPI's `nullable`: what the generator reads, what it
 * reports as unsupported (CT014), and annotations. Another key near one of these is most likely a typo (CT017):
 * `"requried"` would otherwise make every property optional without a word.
 */
const KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$comment',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
  'id',
  'definitions',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'items',
  'prefixItems',
  'additionalItems',
  'contains',
  'minContains',
  'maxContains',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'unevaluatedProperties',
  'unevaluatedItems',
  'description',
  'title',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  'nullable',
]);

/** Whether `key` looks like a misspelt keyword (so a plan's own annotations, `label` or `x-owner`, are left alone). */
const misspeltKeyword = (key: string): boolean =>
  !KEYWORDS.has(key) && !key.startsWith('x-') && nearest(key, KEYWORDS) !== undefined;

/** What the keyword must hold, when `v` is not that; undefined when it is, or when the keyword is none we read. */
function wrongType(key: string, v: unknown): string | undefined {
  switch (key) {
    case 'minLength':
    case 'maxLength':
    case 'maxItems':
    case 'minItems':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'a whole number, 0 or more';
    case 'minimum':
    case 'maximum':
      return typeof v === 'number' && Number.isFinite(v) ? undefined : 'a number';
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return typeof v === 'number' && Number.isFinite(v)
        ? undefined
        : 'a number (the draft-04 boolean form is not supported)';
    case 'multipleOf':
      return typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'a number above 0';
    case 'enum':
      return Array.isArray(v) ? undefined : 'a list of values'; // an empty list is the checker's CT305
    case 'pattern':
    case 'format':
    case 'description':
    case 'title':
      return typeof v === 'string' ? undefined : 'a string';
    case 'examples':
      return Array.isArray(v) ? undefined : 'a list';
    case 'allOf':
    case 'oneOf':
    case 'anyOf':
      return Array.isArray(v) && v.every(isSchemaObject) ? undefined : 'a list of schemas';
    case 'properties':
      return isSchemaObject(v) ? undefined : 'an object of property schemas';
    case 'required':
      return Array.isArray(v) && v.every((k) => typeof k === 'string') ? undefined : 'a list of property names';
    case 'additionalProperties':
      return typeof v === 'boolean' || isSchemaObject(v) ? undefined : 'true, false or a schema';
    case 'items':
      return isSchemaObject(v) ? undefined : 'a schema';
    case 'deprecated':
      return typeof v === 'boolean' || typeof v === 'string' ? undefined : 'true, false or a reason';
    default:
      return undefined;
  }
}

const describeOne = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : JSON.stringify(v);

/** A value as a message names it; a list by its first member that is not a schema (`"allOf": [true]`). */
function describe(key: string, v: unknown): string {
  if (Array.isArray(v) && (key === 'allOf' || key === 'oneOf' || key === 'anyOf')) {
    const bad = v.find((x) => !isSchemaObject(x));
    if (bad !== undefined) return `a list holding ${describeOne(bad)}`;
  }
  return describeOne(v);
}

/** Lower and upper bounds that must leave some value between them. */
const BOUNDS: ReadonlyArray<readonly [string, string]> = [
  ['minimum', 'maximum'],
  ['minLength', 'maxLength'],
  ['exclusiveMinimum', 'maximum'],
  ['minimum', 'exclusiveMaximum'],
  ['exclusiveMinimum', 'exclusiveMaximum'],
];

/** Where keywordProblems keeps what it checked (TypeContext has it). */
export interface KeywordChecks {
  /** Each layer checked, and whether it had a problem. */
  checked: Map<Schema, boolean>;
  diagnostics: Diagnostic[];
  /** Set when a layer with a problem is met again: what is built there relies on it being reported elsewhere. */
  metReported?: boolean;
}

/** Checks each layer once (a shared $defs schema is reported where it is written, not at every use). */
export function keywordProblems(view: SchemaView, ctx: KeywordChecks): void {
  const layers = view.layers;
  const out = ctx.diagnostics;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l]!;
    const seen = ctx.checked.get(layer);
    if (seen !== undefined) {
      if (seen) ctx.metReported = true;
      continue;
    }
    const before = out.length;
    const keys = Object.keys(layer);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const expected = wrongType(key, layer[key]);
      if (expected !== undefined)
        out.push(diagnose('CT006', view.keyOrigin(key), { key, expected, actual: describe(key, layer[key]) }));
      else if (misspeltKeyword(key))
        out.push(diagnose('CT017', view.keyOrigin(key), { keyword: key, didYouMean: didYouMean(key, KEYWORDS) }));
    }
    ctx.checked.set(layer, out.length > before);
  }
  boundProblems(view, out);
}

/** Lower bounds above upper ones (also once $ref and allOf layers are combined: model/combine.ts). */
export function boundProblems(view: SchemaView, out: Diagnostic[]): void {
  for (let i = 0; i < BOUNDS.length; i++) {
    const lo = BOUNDS[i]![0];
    const hi = BOUNDS[i]![1];
    const a = view.get(lo);
    if (typeof a !== 'number') continue;
    const b = view.get(hi);
    if (typeof b === 'number' && (a > b || (a === b && (lo.startsWith('exclusive') || hi.startsWith('exclusive'))))) {
      out.push(
        diagnose('CT016', view.keyOrigin(lo), { detail: `${lo} ${a} and ${hi} ${b} leave no value that can be sent` }),
      );
    }
  }
}
