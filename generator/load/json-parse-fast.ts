/**
 * The fast way to read a plan: JSON.parse, then every object and array registered with its parent and key, its
 * offsets left to be found in the text when a diagnostic first asks (json-index.ts). A text that needs what only
 * the positioned parser (json-parse.ts) reports is left to it: a syntax error, duplicate keys (JSON.parse silently
 * keeps the last), a number too large for a float, nesting deeper than MAX_DEPTH.
 */
import { countKeys } from './json-index.js';
import { MAX_DEPTH } from './json-parse.js';
import { registerAs, registerOnDemand, rehome, type NodeInfo } from './source.js';
import type { SourceFile } from '../core/source-file.js';

/**
 * How deep a newer text's nodes take over the infos of an earlier read's nodes at the same path (rehome): the root,
 * its members (`events`, `$defs`) and theirs (one event). Below that a changed node is registered afresh; an unchanged
 * one is kept whole at any of these levels.
 */
const REUSE_DEPTH = 2;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Whether two JSON values are the same, keys in the same order; counts the keys of `a` into `keys` when they are. */
function sameJson(a: unknown, b: unknown, keys: { count: number }): boolean {
  if (a === b) return true;
  if (!isRecord(a) || !isRecord(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i], keys)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameJson(a[k], b[k], keys)) return false;
  }
  keys.count += ka.length;
  return true;
}

/**
 * Registers `node` and what it contains; adds its keys to `keys.count`. Returns the node to keep in its place: the
 * earlier read's `previous` when the two are the same (its nodes, and whatever was built from them, live on), or
 * `node`. False when the text needs the positioned parser.
 */
function register(
  node: object,
  file: SourceFile,
  parent: NodeInfo | undefined,
  key: string,
  depth: number,
  keys: { count: number },
  previous: unknown,
): object | false {
  if (depth > MAX_DEPTH) return false;
  let info: NodeInfo | undefined;
  // Above REUSE_DEPTH the members decide whether the node is the same (one walk over the text's nodes, not one per
  // level); at it, the subtrees are compared.
  let old: object | undefined =
    isRecord(previous) && Array.isArray(previous) === Array.isArray(node) ? previous : undefined;
  if (old && depth === REUSE_DEPTH) {
    const same = { count: 0 };
    if (sameJson(old, node, same) && rehome(old, file, parent)) {
      keys.count += same.count;
      return old;
    }
  }
  if (old && depth <= REUSE_DEPTH) {
    info = rehome(old, file, parent);
    if (info) registerAs(node, info);
  }
  if (!info || depth >= REUSE_DEPTH) old = undefined;
  info ??= registerOnDemand(node, file, parent, key);
  if (Array.isArray(node)) {
    const oldItems = old as unknown[] | undefined;
    let same = oldItems !== undefined && oldItems.length === node.length;
    for (let i = 0; i < node.length; i++) {
      const was = oldItems?.[i];
      const kept = memberValue(node[i], was, file, info, String(i), depth, keys);
      if (kept === UNREADABLE) return false;
      if (kept !== node[i]) node[i] = kept;
      if (kept !== was) same = false;
    }
    return same ? old! : node;
  }
  const record = node as Record<string, unknown>;
  const oldKeys = old && Object.keys(old);
  let same = oldKeys !== undefined;
  let count = 0;
  for (const k in record) {
    const was = old && Object.hasOwn(old, k) ? (old as Record<string, unknown>)[k] : undefined;
    if (same && oldKeys![count] !== k) same = false;
    count++;
    const v = record[k];
    const kept = memberValue(v, was, file, info, k, depth, keys);
    if (kept === UNREADABLE) return false;
    // (an own "__proto__", which JSON.parse makes, is set as a plain member: the own property comes first)
    if (kept !== v) record[k] = kept;
    if (kept !== was) same = false;
  }
  keys.count += count;
  return same && count === oldKeys!.length ? old! : node;
}

const UNREADABLE = Symbol('unreadable');

/**
 * A member's value as registered (register): `was`, the earlier read's, when the two are the same object tree;
 * else `v`. UNREADABLE when the text needs the positioned parser.
 */
function memberValue(
  v: unknown,
  was: unknown,
  file: SourceFile,
  parent: NodeInfo,
  key: string,
  depth: number,
  keys: { count: number },
): unknown {
  if (typeof v === 'object' && v !== null) {
    const kept = register(v, file, parent, key, depth + 1, keys, was);
    return kept === false ? UNREADABLE : kept;
  }
  return typeof v === 'number' && !Number.isFinite(v) ? UNREADABLE : v;
}

/**
 * The value of a JSON text read with JSON.parse, or undefined when the positioned parser must read it. `previous`:
 * the value of an earlier read of the same file (--watch), whose unchanged parts are kept instead of the new ones.
 */
export function parseJsonFast(file: SourceFile, previous?: unknown): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch {
    return undefined;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  if (typeof value === 'object' && value !== null) {
    const keys = { count: 0 };
    const kept = register(value, file, undefined, '', 0, keys, previous);
    if (kept === false || keys.count !== countKeys(file.text)) return undefined;
    value = kept;
  }
  file.offsetsOnDemand = true;
  return { value };
}
