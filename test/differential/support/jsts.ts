/**
 * json-schema-to-typescript as a second oracle for the types: on the plans both support, its type and ours must
 * accept the same literal values (the value's JSON form for its type, the client's form for ours), except where ours
 * are stricter by design. Each such difference is named in EXCEPTIONS, with the test that recognises it; a
 * difference no exception explains is a disagreement.
 */
import { compile } from 'json-schema-to-typescript';
import type { PlanGen } from './schemas.js';
import { DateValue, type Value } from './values.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Difference {
  value: Value;
  gen: PlanGen;
  /** Whether json-schema-to-typescript's type takes the value, and ours. */
  theirs: boolean;
  ours: boolean;
}

/** Every schema object in the plan. */
function schemas(x: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(x)) for (const y of x) schemas(y, out);
  else if (isObject(x)) {
    out.push(x);
    for (const y of Object.values(x)) schemas(y, out);
  }
  return out;
}

const jsonType = (v: unknown): string => (v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);
const fits = (type: unknown, v: unknown): boolean => {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t === jsonType(v) || (t === 'number' && jsonType(v) === 'integer'));
};

/**
 * Where the two types differ by design, each recognised by its test. A difference is excused only when ours agrees
 * with Ajv's type-level judgement (truth.ts): these name json-schema-to-typescript's choices, never our mistakes.
 */
export const EXCEPTIONS: Record<string, (d: Difference) => boolean> = {
  /**
   * CleverTap stores scalars: the extra keys an open object allows take CleverTap scalars, not `unknown` (the
   * event's, and each Charged item's).
   */
  scalarExtras: (d) => {
    const declared = new Set(
      schemas(d.gen.object).flatMap((x) => (isObject(x.properties) ? Object.keys(x.properties) : [])),
    );
    const nonScalarExtra = (o: unknown): boolean =>
      isObject(o) &&
      Object.entries(o).some(
        ([k, x]) => !declared.has(k) && (Array.isArray(x) || (isObject(x) && !(x instanceof DateValue))),
      );
    if (d.ours || !isObject(d.value)) return false;
    const items = d.value.Items;
    return nonScalarExtra(d.value) || (Array.isArray(items) && items.some(nonScalarExtra));
  },
  /**
   * Theirs types the extra keys of an object whose additionalProperties is a schema by an index signature, which
   * must admit the declared properties' types too (`boolean` extras beside an integer property become wider);
   * ours holds extra keys to the additionalProperties schema alone (`Exact`).
   */
  typedExtrasWidened: (d) => {
    if (!d.theirs || !isObject(d.gen.object.additionalProperties) || !isObject(d.value)) return false;
    const declared = new Set(
      schemas(d.gen.object).flatMap((x) => (isObject(x.properties) ? Object.keys(x.properties) : [])),
    );
    return Object.keys(d.value).some((k) => !declared.has(k));
  },
  /** A closed object with no properties is `{}` in theirs, which TypeScript never checks for excess keys. */
  emptyClosedObject: (d) =>
    d.theirs && schemas(d.gen.object).some((s) => isObject(s.properties) && Object.keys(s.properties).length === 0),
  /** The plan merges an event's allOf parts into one object (plan format); theirs intersects them as separate
   * objects, each closed, so an extra key the merged object allows is refused by some part. */
  allOfMerged: (d) => d.ours && Array.isArray(d.gen.object.allOf),
  /** Theirs reads a property's allOf parts loosely (a const inside a part with a type array comes out as the
   * type), where ours intersects them (model/combine.ts). */
  allOfLoose: (d) => d.theirs && JSON.stringify(d.gen.object).includes('"allOf"'),
  /** Theirs writes a type array with a `const`/`enum` as the types (`number | null` for `-1` of ["number", "null"]). */
  typeArrayWithEnum: (d) =>
    d.theirs && schemas(d.gen.plan).some((s) => Array.isArray(s.type) && ('const' in s || Array.isArray(s.enum))),
  /** Theirs takes a `$ref` with value keywords beside it (a `const`, an `enum`) as less than both; ours combines
   * them (model/combine.ts): `{ "$ref": string | null, "const": "b" }` is `"b"`. */
  refSiblings: (d) =>
    d.theirs && schemas(d.gen.plan).some((s) => typeof s.$ref === 'string' && ('const' in s || Array.isArray(s.enum))),
  /** Theirs writes `maxItems` as tuple types (`[] | [Item]`); ours leaves item counts to development mode. */
  maxItemsAsTuples: (d) => d.ours && JSON.stringify(d.gen.plan).includes('"maxItems"'),
  /** Theirs takes a `const`/`enum` value its own `type` forbids; ours drops what no value can satisfy. */
  enumOutsideType: (d) =>
    d.theirs &&
    schemas(d.gen.plan).some(
      (s) =>
        s.type !== undefined &&
        [...(Array.isArray(s.enum) ? s.enum : []), ...('const' in s ? [s.const] : [])].some((v) => !fits(s.type, v)),
    ),
};

/** Plans it cannot judge: dates (ours take a Date where JSON has a string), and schemas with boolean subschemas. */
export function supported(g: PlanGen): boolean {
  const text = JSON.stringify(g.plan);
  return (
    !/"format":"date(-time)?"/.test(text) &&
    !/":(true|false)[,}]/.test(text.replace(/"additionalProperties":(true|false)/g, ''))
  );
}

/** Its TypeScript for the plan's object schema (as a contract: closed unless it says otherwise), named `J`. */
export async function jstsSource(g: PlanGen): Promise<string | undefined> {
  const schema = {
    ...g.object,
    ...(!('additionalProperties' in g.object) && { additionalProperties: false }),
    ...(isObject(g.plan.$defs) && { $defs: g.plan.$defs }),
  };
  try {
    return await compile(schema as Parameters<typeof compile>[0], 'J', {
      bannerComment: '',
      format: false,
      additionalProperties: false,
      strictIndexSignatures: true,
    });
  } catch {
    return undefined;
  }
}
