/**
 * Origins for objects an importer builds: every new object gets the Origin of the source node it stands for,
 * and each of its members the Origin of the source member, so diagnostics point into the original file.
 */
import { memberOrigin, originOf, setMemberOrigin, setOrigin } from '../source.js';
import type { Origin, SourceFile } from '../../core/source-file.js';

export type Json = Record<string, unknown>;

/** A list of strings only (`required`, `enum` of strings). */
export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasOwn(obj: object, key: string): boolean {
  return Object.hasOwn(obj, key);
}

/** The start of a file: where a diagnostic goes when nothing more precise is known. */
export function fileOrigin(file: SourceFile): Origin {
  return { file, pointer: '', offset: 0 };
}

/** The origin of `node`, or `fallback` for values that did not come from the parser (hand-built test input). */
export function originOr(node: unknown, fallback: Origin): Origin {
  return originOf(node) ?? fallback;
}

/** The origin of `obj[key]` (the key's position), or `fallback`. */
export function memberOr(obj: unknown, key: string | number, fallback: Origin): Origin {
  if (Array.isArray(obj)) {
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < obj.length ? (memberOrigin(obj, i) ?? fallback) : fallback;
  }
  return isObject(obj) && hasOwn(obj, String(key)) ? (memberOrigin(obj, key) ?? fallback) : fallback;
}

/** A new empty object registered at `origin`. */
export function newObject(origin: Origin): Json {
  const obj: Json = {};
  setOrigin(obj, origin);
  return obj;
}

/** Sets `obj[key]` (safely, even for `__proto__`) and records where the member came from. */
export function put(obj: Json, key: string, value: unknown, origin?: Origin): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
  if (origin) setMemberOrigin(obj, key, origin);
}

/**
 * A shallow copy of `src` holding the keys `keep` accepts, with `src`'s origin and each key's source position.
 * `replace` gives new values for some keys (their origin is still the source key's).
 */
export function copyObject(
  src: Json,
  fallback: Origin,
  keep: (key: string) => boolean = () => true,
  replace: ReadonlyMap<string, unknown> = new Map(),
): Json {
  const out = newObject(originOr(src, fallback));
  for (const key of Object.keys(src)) {
    if (!keep(key)) continue;
    put(out, key, replace.has(key) ? replace.get(key) : src[key], memberOr(src, key, fallback));
  }
  return out;
}

/** A new array of `items`, each item keeping the position it had in its source array. */
export function newArray(origin: Origin, items: ReadonlyArray<{ value: unknown; origin: Origin }>): unknown[] {
  const arr = items.map((i) => i.value);
  setOrigin(arr, origin);
  items.forEach((item, index) => {
    setMemberOrigin(arr, String(index), item.origin);
  });
  return arr;
}
