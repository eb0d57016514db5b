/**
 * The fast way to read a plan: JSON.parse, then every object and array registered with its parent and key, its
 * offsets left to be found in the text when a diagnostic first asks (json-index.ts). A text that needs what only
 * the positioned parser (json-parse.ts) reports is left to it: a syntax error, duplicate keys (JSON.parse silently
 * keeps the last), a number too large for a float, nesting deeper than MAX_DEPTH.
 */
import { countKeys } from './json-index.js';
import { MAX_DEPTH } from './json-parse.js';
import { registerOnDemand, type NodeInfo } from './source.js';
import type { SourceFile } from '../core/source-file.js';

/** Registers `node` and what it contains; adds its keys to `keys.count`. False when the text needs the positioned parser. */
function register(
  node: object,
  file: SourceFile,
  parent: NodeInfo | undefined,
  key: string,
  depth: number,
  keys: { count: number },
): boolean {
  if (depth > MAX_DEPTH) return false;
  const info = registerOnDemand(node, file, parent, key);
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v: unknown = node[i];
      if (
        typeof v === 'object'
          ? v !== null && !register(v, file, info, String(i), depth + 1, keys)
          : typeof v === 'number' && !Number.isFinite(v)
      )
        return false;
    }
    return true;
  }
  const record = node as Record<string, unknown>;
  let count = 0;
  for (const k in record) {
    count++;
    const v = record[k];
    if (
      typeof v === 'object'
        ? v !== null && !register(v, file, info, k, depth + 1, keys)
        : typeof v === 'number' && !Number.isFinite(v)
    )
      return false;
  }
  keys.count += count;
  return true;
}

/** The value of a JSON text read with JSON.parse, or undefined when the positioned parser must read it. */
export function parseJsonFast(file: SourceFile): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch {
    return undefined;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  if (typeof value === 'object' && value !== null) {
    const keys = { count: 0 };
    if (!register(value, file, undefined, '', 0, keys) || keys.count !== countKeys(file.text)) return undefined;
  }
  file.offsetsOnDemand = true;
  return { value };
}
