/**
 * A value must satisfy every layer of a schema (its `$ref` target with the keywords beside the `$ref`, its `allOf`
 * parts, a oneOf/anyOf branch with the keywords around it): the layers' value keywords are combined, not
 * overwritten. Types and enums are intersected (`integer` within `number`), the stricter bound or length wins,
 * patterns add up, multipleOf combines where one divides the other (or both are integers); what cannot be combined
 * (two formats, two oneOf/anyOf lists) is reported, never dropped in silence.
 */
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { boundProblems } from './keyword-types.js';
import { SchemaView, type Schema } from './schema-view.js';

/** Keywords of a value that a combination reads across layers. */
const COMBINED = [
  'type',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'pattern',
  'format',
];
const LOWER = new Set(['minLength', 'minimum', 'exclusiveMinimum']);
const UPPER = new Set(['maxLength', 'maximum', 'exclusiveMaximum']);

/** JSON Schema equality of two enum values (1 and 1.0 are one number in JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function typesOf(v: unknown): string[] | undefined {
  return typeof v === 'string'
    ? [v]
    : Array.isArray(v) && v.every((t) => typeof t === 'string')
      ? (v as string[])
      : undefined;
}

/** The type names both lists allow (`integer` is within `number`). */
function intersectTypes(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const t of a) {
    if (b.includes(t)) out.push(t);
    else if (t === 'integer' && b.includes('number')) out.push('integer');
    else if (t === 'number' && b.includes('integer')) out.push('integer');
  }
  return [...new Set(out)];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const isWhole = (x: number): boolean => Math.abs(x - Math.round(x)) < 1e-9;

/** One multipleOf that means both, or undefined when there is none the client can check. */
function combineMultiples(a: number, b: number): number | undefined {
  if (isWhole(a / b)) return a;
  if (isWhole(b / a)) return b;
  if (Number.isInteger(a) && Number.isInteger(b)) return (a / gcd(a, b)) * b;
  return undefined;
}

/** The layers `combined` made (not written in the plan). */
const MERGED = new WeakSet<Schema>();
export const isMerged = (layer: Schema): boolean => MERGED.has(layer);

/** The layers that carry any value keyword. */
const carriers = (layers: readonly Schema[]): Schema[] =>
  layers.filter((l) => COMBINED.some((k) => Object.hasOwn(l, k)));

/**
 * The view with its layers' value keywords combined into a first layer (read before the others), or the view itself
 * when at most one layer has any. Conflicts go to `out`.
 */
export function combined(view: SchemaView, out: Diagnostic[]): SchemaView {
  const layers = carriers(view.layers);
  if (layers.length < 2) return view;
  const merged: Schema = {};
  for (const key of COMBINED) {
    const owners = layers.filter((l) => Object.hasOwn(l, key));
    if (owners.length < 2 || key === 'enum' || key === 'const') continue;
    const values = owners.map((l) => l[key]);
    if (key === 'type') {
      const lists = values.map(typesOf);
      if (lists.some((l) => l === undefined)) continue; // the model reports a malformed type
      // An empty intersection is the model's to report (types.ts), with the types that conflict
      merged.type = (lists as string[][]).reduce(intersectTypes);
    } else if (LOWER.has(key) || UPPER.has(key)) {
      const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      if (nums.length > 0) merged[key] = LOWER.has(key) ? Math.max(...nums) : Math.min(...nums);
    } else if (key === 'multipleOf') {
      const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0);
      let m: number | undefined = nums[0];
      for (let i = 1; i < nums.length && m !== undefined; i++) m = combineMultiples(m, nums[i]!);
      if (m === undefined) {
        out.push(
          diagnose('CT014', view.keyOrigin('multipleOf'), { keyword: `multipleOf ${nums.join(' and ')} together` }),
        );
        merged.multipleOf = nums[0];
      } else if (nums.length > 0) merged.multipleOf = m;
    } else if (key === 'pattern') {
      const patterns = [...new Set(values.filter((v): v is string => typeof v === 'string'))];
      merged.pattern = patterns.length === 1 ? patterns[0] : patterns;
    } else if (key === 'format') {
      const formats = [...new Set(values)];
      if (formats.length > 1)
        out.push(
          diagnose('CT014', view.keyOrigin('format'), {
            keyword: `format ${formats.map((f) => JSON.stringify(f)).join(' together with ')}`,
          }),
        );
      merged.format = formats[0];
    }
  }
  // enum and const: every list a layer gives must hold the value
  const lists: unknown[][] = [];
  for (const l of layers) {
    if (Object.hasOwn(l, 'const')) lists.push([l.const]);
    if (Array.isArray(l.enum)) lists.push(l.enum);
  }
  if (lists.length > 1) {
    merged.enum = lists.reduce((a, b) => a.filter((x) => b.some((y) => sameValue(x, y))));
    merged.const = undefined;
  }
  if (Object.keys(merged).length === 0) return view;
  // `const: undefined` must not read as a const: drop the key, and hide the layers' own const behind an enum
  if (merged.const === undefined) delete merged.const;
  MERGED.add(merged);
  const result = new SchemaView(
    [
      merged,
      ...view.layers.map((l) => (Object.hasOwn(merged, 'enum') && Object.hasOwn(l, 'const') ? withoutConst(l) : l)),
    ],
    view.origin,
  );
  // Bounds each sensible alone may leave nothing together (minimum 10 in one part, maximum 9 in another)
  if ([...LOWER, ...UPPER].some((k) => Object.hasOwn(merged, k))) {
    const before = out.length;
    boundProblems(result, out);
    // already reported for the layers one by one (keyword-types.ts): keep only what combining found
    const fresh = out.splice(before).filter((d) => !out.some((o) => o.code === d.code && o.message === d.message));
    out.push(...fresh);
  }
  return result;
}

function withoutConst(l: Schema): Schema {
  const copy: Schema = {};
  for (const k of Object.keys(l)) if (k !== 'const') copy[k] = l[k];
  return copy;
}
