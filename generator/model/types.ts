/** Maps a property's JSON Schema to a TypeNode, recording keywords the client cannot honour. */
import { diagnose } from '../diagnostics/diagnostic.js';
import type { RefResolver } from '../load/refs.js';
import { memberOrigin, originOf } from '../load/source.js';
import type { Origin } from '../core/source-file.js';
import type { Docs, IgnoredKeyword, Property, StringType, TypeNode } from './ir.js';
import { isSchemaObject, SchemaView, viewOf, type Schema } from './schema-view.js';
import { keywordProblems, type KeywordChecks } from './keyword-types.js';
import { combined, isMerged } from './combine.js';
import { admitsNothing } from './admits.js';
import { didYouMean } from '../diagnostics/nearest.js';

/** Keywords that restrict values but that neither the types nor the development-mode checks express. */
const UNSUPPORTED = [
  'not',
  'if',
  'then',
  'else',
  'patternProperties',
  'dependentSchemas',
  'dependentRequired',
  'dependencies',
  'propertyNames',
  'contains',
  'minContains',
  'maxContains',
  'uniqueItems',
  'minItems',
  'minProperties',
  'maxProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'prefixItems',
  'additionalItems',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
];

/** The names `type` may hold. */
const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'];

export const KNOWN_FORMATS = new Set([
  'date',
  'date-time',
  'email',
  'uri',
  'uri-reference',
  'url',
  'uuid',
  'ipv4',
  'ipv6',
  'hostname',
  'time',
]);

export interface TypeContext extends KeywordChecks {
  refs: RefResolver;
  /** The schemas being read, outermost first: one met again is a cycle ($ref to an ancestor). */
  active: Schema[];
  /** Collects the unsupported keywords met inside a property's branches and items, for that property. */
  ignored?: IgnoredKeyword[];
}

export function readDocs(view: SchemaView): Docs {
  const docs: Docs = {};
  const description = view.get('description');
  if (typeof description === 'string' && description !== '') docs.description = description;
  const title = view.get('title');
  if (typeof title === 'string' && title !== '') docs.title = title;
  const deprecated = view.get('deprecated');
  if (deprecated === true || (typeof deprecated === 'string' && deprecated !== '')) docs.deprecated = deprecated;
  const examples = view.get('examples');
  if (Array.isArray(examples) && examples.length > 0) docs.examples = examples;
  if (view.has('default')) docs.default = view.get('default');
  return docs;
}

const UNSUPPORTED_SET = new Set(UNSUPPORTED);

export function ignoredKeywords(view: SchemaView): IgnoredKeyword[] {
  const found: IgnoredKeyword[] = [];
  const keys = view.keys();
  for (let i = 0; i < keys.length; i++)
    if (UNSUPPORTED_SET.has(keys[i]!)) found.push({ keyword: keys[i]!, origin: view.keyOrigin(keys[i]!) });
  return found;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const UNION_KEYS = ['oneOf', 'anyOf'];
/** String keywords that mean nothing for a Date. */
const DATE_IGNORED = ['enum', 'const', 'pattern', 'minLength', 'maxLength'];

/** The type of one schema (a property, an item, an additionalProperties schema). */
export function typeOf(view: SchemaView, ctx: TypeContext): TypeNode {
  const origin = view.origin;
  const unions = view.layers.filter((l) => UNION_KEYS.some((k) => Array.isArray(l[k])));
  if (unions.length > 0) {
    const branches = (unions[0]!.oneOf ?? unions[0]!.anyOf) as unknown[];
    const exclusive = Array.isArray(unions[0]!.oneOf);
    // Only one oneOf/anyOf per schema is read: a second (in an allOf part, or both keywords) is reported
    for (const [i, l] of unions.entries()) {
      for (const k of UNION_KEYS) {
        if (Array.isArray(l[k]) && (i > 0 || (k === 'anyOf' && exclusive)))
          ctx.diagnostics.push(
            diagnose('CT014', memberOrigin(l, k) ?? origin, { keyword: `${k} beside another oneOf/anyOf` }),
          );
      }
    }
    // Each branch is read together with the keywords around the oneOf/anyOf ({"type": "string", "anyOf": [...]})
    const outer = view.layers.map((layer) => withoutKeys(layer, UNION_KEYS));
    const all = branches.map((b, i) => branchType(b, memberOrigin(branches, i) ?? origin, ctx, outer));
    // A branch no value satisfies (a const outside the outer type) takes no part; with none left, the checker reports
    const members = all.filter((m) => !admitsNothing(m));
    return {
      kind: 'union',
      members: members.length > 0 ? members : all,
      origin,
      ...(exclusive && { exclusive: true }),
    };
  }
  view = combined(view, ctx.diagnostics);
  const declared = view.get('type');
  const enumValues = view.has('const')
    ? [view.get('const')]
    : Array.isArray(view.get('enum'))
      ? (view.get('enum') as unknown[])
      : undefined;
  let names: string[];
  if (typeof declared === 'string') names = [declared];
  else if (Array.isArray(declared) && declared.length === 0) {
    // Empty as written, or empty once the types of $ref/allOf layers are intersected
    const own = view.layers.filter((l) => !isMerged(l) && Object.hasOwn(l, 'type'));
    const written = own.some((l) => Array.isArray(l.type) && l.type.length === 0);
    const types = own.map((l) => JSON.stringify(l.type));
    const detail = written
      ? `"type" is an empty list: no value can be sent`
      : `the types ${types.join(' and ')} of one schema have no value in common: no value can be sent`;
    ctx.diagnostics.push(diagnose('CT016', view.keyOrigin('type'), { detail }));
    return { kind: 'untyped', origin, reported: true };
  } else if (Array.isArray(declared) && declared.every((t) => typeof t === 'string')) names = declared as string[];
  else if (declared !== undefined) {
    ctx.diagnostics.push(
      diagnose('CT016', view.keyOrigin('type'), { detail: `"type" must be a type name or an array of them` }),
    );
    return { kind: 'untyped', origin, reported: true };
  } else if (enumValues) names = inferTypes(enumValues);
  else if (view.has('properties')) names = ['object'];
  else if (view.has('items')) names = ['array'];
  else return { kind: 'untyped', origin };

  if (enumValues) names = restrictToEnum(names, enumValues, view, ctx);
  const members =
    names.length === 1
      ? [namedType(names[0]!, view, enumValues, ctx)]
      : [...new Set(names)].map((name) => namedType(name, view, enumValues, ctx));
  if (members.length === 0) return { kind: 'string', enum: [], origin }; // CT305: nothing can be sent
  return members.length === 1 ? members[0]! : { kind: 'union', members, origin };
}

const matchesType = (name: string, v: unknown): boolean =>
  name === 'null' ? v === null : name === 'integer' ? Number.isInteger(v) : name === typeof v && v !== null;

/**
 * With an enum or const, a type name stays only if some value is of it. A value of no declared type among others
 * that fit is reported here; when none fit, the empty enum is the checker's to report (CT305).
 */
function restrictToEnum(names: string[], values: unknown[], view: SchemaView, ctx: TypeContext): string[] {
  const kept = names.filter((n) => values.some((v) => matchesType(n, v)));
  if (kept.length > 0 && values.some((v) => !names.some((n) => matchesType(n, v)))) {
    ctx.diagnostics.push(
      diagnose('CT305', view.keyOrigin(view.has('const') ? 'const' : 'enum'), { name: lastToken(view.origin.pointer) }),
    );
  }
  return kept;
}

const lastToken = (pointer: string): string => pointer.slice(pointer.lastIndexOf('/') + 1);

function withoutKeys(layer: Schema, keys: readonly string[]): Schema {
  if (!keys.some((k) => Object.hasOwn(layer, k))) return layer;
  const copy: Schema = {};
  for (const k of Object.keys(layer))
    if (!keys.includes(k))
      Object.defineProperty(copy, k, { value: layer[k], enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Schemas nested deeper than this (through items, properties, oneOf, ...) are refused: no plan needs them. */
export const MAX_SCHEMA_DEPTH = 32;

/**
 * The type of a nested schema (`read`, which is `view` or `view` with outer layers), refusing one that contains
 * itself (a cycle through $ref) or nests too deep: either would otherwise recurse without end. A refused schema
 * is untyped, with a diagnostic. (No closure and no Set churn: this runs once per property.)
 */
export function nestedType(view: SchemaView, origin: Origin, ctx: TypeContext, read: SchemaView = view): TypeNode {
  const layers = view.layers;
  const active = ctx.active;
  for (let i = 0; i < layers.length; i++) {
    if (active.includes(layers[i]!)) {
      const ref = layers.find((l) => typeof l.$ref === 'string')?.$ref;
      ctx.diagnostics.push(diagnose('CT011', origin, { ref: typeof ref === 'string' ? ref : '(allOf)' }));
      return { kind: 'untyped', origin };
    }
  }
  if (active.length >= MAX_SCHEMA_DEPTH * 4) {
    ctx.diagnostics.push(
      diagnose('CT016', origin, { detail: `schemas nested more than ${MAX_SCHEMA_DEPTH} levels deep` }),
    );
    return { kind: 'untyped', origin };
  }
  keywordProblems(view, ctx);
  const depth = active.length;
  for (let i = 0; i < layers.length; i++) active.push(layers[i]!); // none is active yet: checked above
  try {
    return typeOf(read, ctx);
  } finally {
    active.length = depth;
  }
}

function branchType(branch: unknown, origin: Origin, ctx: TypeContext, outer: readonly Schema[] = []): TypeNode {
  if (!isSchemaObject(branch)) return { kind: 'untyped', origin };
  const view = viewOf(branch, originOf(branch) ?? origin, ctx.refs);
  if (!view) return { kind: 'untyped', origin };
  const combined = outer.length > 0 ? new SchemaView([...view.layers, ...outer], view.origin) : view;
  ctx.ignored?.push(...ignoredKeywords(view));
  return nestedType(view, origin, ctx, combined);
}

function inferTypes(values: unknown[]): string[] {
  return values.map((v) =>
    v === null ? 'null' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v,
  );
}

function namedType(name: string, view: SchemaView, enumValues: unknown[] | undefined, ctx: TypeContext): TypeNode {
  const origin = view.origin;
  switch (name) {
    case 'string': {
      for (const v of enumValues ?? []) {
        if (typeof v === 'string' && (/['"\\]/.test(v) || v.trim() !== v)) {
          ctx.diagnostics.push(
            diagnose('CT307', view.origin, { value: JSON.stringify(v), name: lastToken(view.origin.pointer) }),
          );
        }
      }
      const format = view.get('format');
      if (format === 'date' || format === 'date-time') {
        // The client takes a Date there: a string's enum, pattern or length cannot be checked on it
        for (const k of DATE_IGNORED)
          if (view.has(k))
            ctx.diagnostics.push(
              diagnose('CT014', view.keyOrigin(k), {
                keyword: `${k} beside format "${format}" (the client takes a Date)`,
              }),
            );
        return { kind: 'date', format, origin };
      }
      if (typeof format === 'string' && !KNOWN_FORMATS.has(format)) {
        ctx.diagnostics.push(
          diagnose('CT015', view.keyOrigin('format'), { format, didYouMean: didYouMean(format, KNOWN_FORMATS) }),
        );
      }
      const t: StringType = { kind: 'string', origin };
      if (enumValues) t.enum = enumValues.filter((v): v is string => typeof v === 'string');
      if (typeof format === 'string' && KNOWN_FORMATS.has(format)) t.format = format;
      const pattern = view.get('pattern');
      if (typeof pattern === 'string') t.patterns = [pattern];
      else if (Array.isArray(pattern)) t.patterns = pattern as string[];
      const minLength = num(view.get('minLength'));
      if (minLength !== undefined) t.minLength = minLength;
      const maxLength = num(view.get('maxLength'));
      if (maxLength !== undefined) t.maxLength = maxLength;
      return t;
    }
    case 'number':
    case 'integer': {
      const t: TypeNode = { kind: 'number', integer: name === 'integer', origin };
      if (enumValues) {
        t.enum = enumValues.filter(
          (v): v is number => typeof v === 'number' && (name === 'number' || Number.isInteger(v)),
        );
        const inexact = t.enum.find((v) => Math.abs(v) > Number.MAX_SAFE_INTEGER);
        if (inexact !== undefined) {
          ctx.diagnostics.push(
            diagnose('CT016', view.keyOrigin(view.has('const') ? 'const' : 'enum'), {
              detail: `${inexact} is not a safe integer (beyond 2^53 - 1): JavaScript may not hold the integer written exactly, so the client could send another value`,
            }),
          );
        }
      }
      for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const) {
        const v = num(view.get(k));
        if (v !== undefined) t[k] = v;
      }
      return t;
    }
    case 'boolean':
      return {
        kind: 'boolean',
        origin,
        ...(enumValues && { enum: enumValues.filter((v): v is boolean => typeof v === 'boolean') }),
      };
    case 'null':
      return { kind: 'null', origin };
    case 'object':
      return objectType(view, ctx);
    case 'array': {
      const items = view.get('items');
      const itemType = isSchemaObject(items)
        ? branchType(items, memberOrigin(view.layers.find((l) => l.items === items)!, 'items') ?? origin, ctx)
        : undefined;
      const maxItems = num(view.get('maxItems'));
      return { kind: 'array', items: itemType, origin, ...(maxItems !== undefined && { maxItems }) };
    }
    default:
      ctx.diagnostics.push(
        diagnose('CT016', view.keyOrigin('type'), { detail: `unknown type "${name}"${didYouMean(name, JSON_TYPES)}` }),
      );
      return { kind: 'untyped', origin, reported: true };
  }
}

/** An object schema's properties (an event, the identify traits, a Charged item). */
export function objectType(view: SchemaView, ctx: TypeContext): TypeNode & { kind: 'object' } {
  return {
    kind: 'object',
    properties: propertiesOf(view, ctx),
    additional: additionalOf(view, ctx),
    origin: view.origin,
  };
}

export function propertiesOf(view: SchemaView, ctx: TypeContext): Property[] {
  const required = view.required();
  const declared = view.properties();
  const defined = new Set(declared.map((p) => p.key));
  const props: Property[] = [];
  for (let i = 0; i < declared.length; i++) {
    const { key, schema, owner } = declared[i]!;
    const origin = memberOrigin(owner, key) ?? view.origin;
    const property = propertyOf(key, schema, origin, required.has(key), ctx);
    if (property) props.push(property);
  }
  for (const layer of view.layers) {
    if (!Array.isArray(layer.required)) continue;
    layer.required.forEach((key, i) => {
      if (typeof key !== 'string') {
        ctx.diagnostics.push(
          diagnose('CT006', memberOrigin(layer.required as object, i) ?? view.origin, {
            key: 'required',
            expected: 'a list of property names',
            actual: JSON.stringify(key),
          }),
        );
      } else if (!defined.has(key)) {
        ctx.diagnostics.push(diagnose('CT008', memberOrigin(layer.required as object, i) ?? view.origin, { key }));
      }
    });
  }
  return props;
}

function propertyOf(
  name: string,
  schema: unknown,
  origin: Origin,
  required: boolean,
  ctx: TypeContext,
): Property | undefined {
  if (schema === false) {
    // `false` forbids the key: a property nobody may send belongs out of the plan
    ctx.diagnostics.push(diagnose('CT308', origin, { name }));
    return undefined;
  }
  if (schema === true) {
    // `"key": true` allows anything: the checker reports a schema with no type (CT302)
    return { name, required, type: { kind: 'untyped', origin }, docs: {}, ignored: [], origin };
  }
  if (!isSchemaObject(schema)) {
    ctx.diagnostics.push(
      diagnose('CT006', origin, { key: name, expected: 'a schema object', actual: JSON.stringify(schema) }),
    );
    return undefined;
  }
  const view = viewOf(schema, origin, ctx.refs);
  if (!view) return undefined;
  const outerIgnored = ctx.ignored;
  const ignored = ignoredKeywords(view);
  ctx.ignored = ignored;
  try {
    const type = nestedType(view, origin, ctx);
    return { name, required, type, docs: readDocs(view), ignored, origin };
  } finally {
    ctx.ignored = outerIgnored;
  }
}

export function additionalOf(view: SchemaView, ctx: TypeContext): TypeNode | false {
  const extra = view.get('additionalProperties');
  if (extra === undefined || extra === false) return false;
  if (extra === true) return { kind: 'scalar', origin: view.keyOrigin('additionalProperties') };
  if (!isSchemaObject(extra)) return false;
  if (Object.keys(extra).length === 0) return { kind: 'scalar', origin: view.keyOrigin('additionalProperties') };
  const extraView = viewOf(extra, view.keyOrigin('additionalProperties'), ctx.refs);
  return extraView ? typeOf(extraView, ctx) : false;
}

export type { Schema };
