/**
 * Keywords with a value of the wrong JSON type (`"maxLength": "10"`), or that no value can satisfy (`minimum`
 * above `maximum`), are errors: read as "no restriction" they would give a client that accepts what the plan forbids.
 */
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isSchemaObject, type Schema, type SchemaView } from './schema-view.js';

type Check = [test: (v: unknown) => boolean, expected: string];

const count: Check = [(v) => typeof v === 'number' && Number.isInteger(v) && v >= 0, 'a whole number, 0 or more'];
const number: Check = [(v) => typeof v === 'number' && Number.isFinite(v), 'a number'];
const text: Check = [(v) => typeof v === 'string', 'a string'];
const list: Check = [Array.isArray, 'a list'];
const schemas: Check = [(v) => Array.isArray(v) && v.every(isSchemaObject), 'a list of schemas'];

const EXPECTED = new Map<string, Check>(Object.entries({
  minLength: count,
  maxLength: count,
  maxItems: count,
  minItems: count,
  minimum: number,
  maximum: number,
  exclusiveMinimum: [number[0], 'a number (the draft-04 boolean form is not supported)'],
  exclusiveMaximum: [number[0], 'a number (the draft-04 boolean form is not supported)'],
  multipleOf: [(v) => typeof v === 'number' && Number.isFinite(v) && v > 0, 'a number above 0'],
  enum: [Array.isArray, 'a list of values'], // an empty list is the checker's CT305
  pattern: text,
  format: text,
  description: text,
  title: text,
  examples: list,
  allOf: schemas,
  oneOf: schemas,
  anyOf: schemas,
  properties: [isSchemaObject, 'an object of property schemas'],
  required: [(v) => Array.isArray(v) && v.every((k) => typeof k === 'string'), 'a list of property names'],
  additionalProperties: [(v) => typeof v === 'boolean' || isSchemaObject(v), 'true, false or a schema'],
  items: [isSchemaObject, 'a schema'],
  deprecated: [(v) => typeof v === 'boolean' || typeof v === 'string', 'true, false or a reason'],
} satisfies Record<string, Check>));

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : JSON.stringify(v);

/** Lower and upper bounds that must leave some value between them. */
const BOUNDS: ReadonlyArray<readonly [string, string]> = [['minimum', 'maximum'], ['minLength', 'maxLength'], ['exclusiveMinimum', 'maximum'], ['minimum', 'exclusiveMaximum']];

/** Checks each layer once (a shared $defs schema is reported where it is written, not at every use). */
export function keywordProblems(view: SchemaView, checked: Set<Schema>, out: Diagnostic[]): void {
  for (const layer of view.layers) {
    if (checked.has(layer)) continue;
    checked.add(layer);
    for (const key of Object.keys(layer)) {
      const check = EXPECTED.get(key);
      if (check && !check[0](layer[key])) {
        out.push(diagnose('CT006', view.keyOrigin(key), { key, expected: check[1], actual: describe(layer[key]) }));
      }
    }
  }
  for (const [lo, hi] of BOUNDS) {
    const a = view.get(lo);
    if (typeof a !== 'number') continue;
    const b = view.get(hi);
    if (typeof b === 'number' && (a > b || (a === b && (lo.startsWith('exclusive') || hi.startsWith('exclusive'))))) {
      out.push(diagnose('CT016', view.keyOrigin(lo), { detail: `${lo} ${a} and ${hi} ${b} leave no value that can be sent` }));
    }
  }
}
