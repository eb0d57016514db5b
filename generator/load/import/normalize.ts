/**
 * Pure format differences, removed without changing what a schema means: one-element type arrays
 * (`["string"]` is `"string"`), a `required` list misplaced inside `properties`, and `$ref`s whose target moved
 * in the conversion. Type names other tools write (Segment's `"any"`, `"int"`, `"float"`, `"bool"`) are read as
 * the JSON Schema types they stand for, each with a CT056 warning. Copy-on-write: an unchanged schema is returned as the very same object, so its origins
 * stay; a changed one is a shallow copy carrying the source's origins. Nothing CleverTap rejects is repaired.
 */
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { escapePointerToken, unescapePointerToken } from '../source.js';
import type { Origin } from '../../core/source-file.js';
import { copyObject, hasOwn, isObject, isStringList, memberOr, newArray, originOr, put, type Json } from './origins.js';

/** Where a part of the source document went in the native plan: pointer tokens, unescaped. */
export interface RefMapping {
  from: readonly string[];
  to: readonly string[];
}

const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'dependencies',
]);
const SCHEMA_ONE = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** A URI fragment token: RFC 6901 escaping, then percent-encoding of what a fragment cannot hold. */
function encodeToken(token: string): string {
  return escapePointerToken(token).replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/g, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return c; // a lone surrogate: leave it, the resolver reports what it cannot find
    }
  });
}

export function pointerFragment(tokens: readonly string[]): string {
  return '#' + tokens.map((t) => '/' + encodeToken(t)).join('');
}

function startsWith(tokens: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= tokens.length && prefix.every((t, i) => tokens[i] === t);
}

/** Rewrites a same-document `$ref` whose target moved; any other reference is returned unchanged. */
export function rewriteRef(ref: string, mappings: readonly RefMapping[]): string {
  if (!ref.startsWith('#')) return ref;
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return ref;
  }
  if (pointer !== '' && !pointer.startsWith('/')) return ref; // a named anchor, not a pointer
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken);
  let best: RefMapping | undefined;
  for (const m of mappings) if (startsWith(tokens, m.from) && (!best || m.from.length > best.from.length)) best = m;
  if (!best) return ref;
  const out = [...best.to, ...tokens.slice(best.from.length)];
  if (out.length === tokens.length && out.every((t, i) => t === tokens[i])) return ref;
  return pointerFragment(out);
}

export interface NormalizeContext {
  mappings: readonly RefMapping[];
  /** For values that did not come from the parser. */
  fallback: Origin;
  /** Where CT056 (a non-standard type name) goes; without it such names pass through for the model to report. */
  diagnostics?: Diagnostic[];
}

/**
 * Type names of other tools (found in real plans) and the JSON Schema types they mean. `any` is read as any
 * scalar: CleverTap takes nothing else, and a value that is an object or array is a compile error in the client.
 */
const TYPE_SPELLINGS: Readonly<Record<string, { types: string[]; as: string; fix: string }>> = {
  any: {
    types: ['string', 'number', 'boolean'],
    as: 'any scalar (a string, number or boolean)',
    fix: 'the type the property has, for example "type": "string"',
  },
  int: { types: ['integer'], as: '"integer"', fix: '"type": "integer"' },
  float: { types: ['number'], as: '"number"', fix: '"type": "number"' },
  double: { types: ['number'], as: '"number"', fix: '"type": "number"' },
  bool: { types: ['boolean'], as: '"boolean"', fix: '"type": "boolean"' },
};

/** Each source `type` member reported once, however often its schema is normalized. */
const reportedTypes = new WeakSet<object>();

/** `type` with other tools' names replaced (the same value when there are none). */
function standardType(owner: Json, value: unknown, ctx: NormalizeContext): unknown {
  const names = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  if (!ctx.diagnostics || !names.some((n) => typeof n === 'string' && Object.hasOwn(TYPE_SPELLINGS, n))) return value;
  const out: unknown[] = [];
  for (const n of names) {
    const spelling = typeof n === 'string' && Object.hasOwn(TYPE_SPELLINGS, n) ? TYPE_SPELLINGS[n]! : undefined;
    if (!spelling) {
      if (!out.includes(n)) out.push(n);
      continue;
    }
    if (!reportedTypes.has(owner)) {
      ctx.diagnostics.push(
        diagnose('CT056', memberOr(owner, 'type', ctx.fallback), {
          type: JSON.stringify(n),
          as: spelling.as,
          fix: spelling.fix,
        }),
      );
    }
    for (const t of spelling.types) if (!out.includes(t)) out.push(t);
  }
  reportedTypes.add(owner);
  const origin = memberOr(owner, 'type', ctx.fallback);
  return out.length === 1
    ? out[0]
    : newArray(
        origin,
        out.map((v) => ({ value: v, origin })),
      );
}

/** A map of schemas (`properties`, `$defs`, ...), each normalized; `null` when nothing changed. */
function normalizeMap(map: Json, ctx: NormalizeContext, dropRequired: boolean): Json | null {
  const replace = new Map<string, unknown>();
  for (const key of Object.keys(map)) {
    if (dropRequired && key === 'required') continue;
    const value = map[key];
    const next = Array.isArray(value) ? normalizeList(value, ctx) : normalizeSchema(value, ctx);
    if (next !== value) replace.set(key, next);
  }
  if (replace.size === 0 && !dropRequired) return null;
  return copyObject(map, originOr(map, ctx.fallback), (k) => !(dropRequired && k === 'required'), replace);
}

function normalizeList(list: unknown[], ctx: NormalizeContext): unknown[] {
  const next = list.map((item) => normalizeSchema(item, ctx));
  if (next.every((item, i) => item === list[i])) return list;
  return newArray(
    originOr(list, ctx.fallback),
    next.map((value, i) => ({ value, origin: memberOr(list, i, ctx.fallback) })),
  );
}

/** `required` merged with a list that sat inside `properties`, without repeats, each name keeping its place. */
function mergeRequired(schema: Json, misplaced: string[], properties: Json, ctx: NormalizeContext): unknown[] {
  const existing = isStringList(schema.required) ? schema.required : [];
  const items: Array<{ value: unknown; origin: Origin }> = [];
  const seen = new Set<string>();
  const add = (list: string[], owner: unknown): void =>
    list.forEach((name, i) => {
      if (seen.has(name)) return;
      seen.add(name);
      items.push({ value: name, origin: memberOr(owner, i, ctx.fallback) });
    });
  add(existing, schema.required);
  add(misplaced, properties.required);
  const origin = existing.length > 0 ? originOr(schema.required, ctx.fallback) : originOr(misplaced, ctx.fallback);
  return newArray(origin, items);
}

function normalizeMember(owner: Json, key: string, value: unknown, ctx: NormalizeContext, misplaced: boolean): unknown {
  if (key === 'type') value = standardType(owner, value, ctx);
  if (key === 'type' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  if (key === '$ref' && typeof value === 'string') return rewriteRef(value, ctx.mappings);
  if (SCHEMA_MAPS.has(key) && isObject(value)) return normalizeMap(value, ctx, misplaced) ?? value;
  if (SCHEMA_ONE.has(key)) return Array.isArray(value) ? normalizeList(value, ctx) : normalizeSchema(value, ctx);
  if (SCHEMA_LISTS.has(key) && Array.isArray(value)) return normalizeList(value, ctx);
  return value;
}

/** The schema with pure format differences removed (the same object when there were none). */
export function normalizeSchema(node: unknown, ctx: NormalizeContext): unknown {
  if (!isObject(node)) return node;
  const props = node.properties;
  const misplaced =
    isObject(props) && hasOwn(props, 'required') && isStringList(props.required) ? props.required : undefined;
  const replace = new Map<string, unknown>();
  for (const key of Object.keys(node)) {
    const value = node[key];
    const next = normalizeMember(node, key, value, ctx, key === 'properties' && misplaced !== undefined);
    if (next !== value) replace.set(key, next);
  }
  if (misplaced && isObject(props)) replace.set('required', mergeRequired(node, misplaced, props, ctx));
  if (replace.size === 0) return node;
  const out = copyObject(node, originOr(node, ctx.fallback), () => true, replace);
  if (misplaced && !hasOwn(node, 'required') && isObject(props)) {
    // the list moves out of "properties"; it keeps pointing at where it was written
    put(out, 'required', replace.get('required'), memberOr(props, 'required', ctx.fallback));
  }
  return out;
}
