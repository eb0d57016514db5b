/**
 * Finds where the members of one object or array are written in a JSON text, when a diagnostic first asks (files
 * read with JSON.parse, see read-json.ts). Only the node's own level is read: each member's value is skipped over,
 * so naming one property of a large plan costs a scan of the nodes on its path, not a parse of the whole file.
 * The text is known to be valid JSON without duplicate keys: JSON.parse read it and read-json.ts checked the keys.
 */
import { fileOf, offsetOf, type NodeInfo } from './source.js';

const QUOTE = 34;
const BACKSLASH = 92;

/** The offset just past the string whose opening quote is at `i`. */
export function skipString(text: string, i: number): number {
  let end = text.indexOf('"', i + 1);
  for (;;) {
    if (end < 0) return text.length; // unterminated: only in text that is not JSON
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end + 1;
    end = text.indexOf('"', end + 1);
  }
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** The offset just past the value that starts at `i`. */
function skipValue(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return skipString(text, i);
  if (first !== 123 && first !== 91) {
    // a number, true, false or null: up to the next delimiter
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9 || Number.isNaN(c)) return i;
      i++;
    }
  }
  let depth = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(text, i);
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
}

function readKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** Records the node's members: keyOffsets (key tokens; values in arrays) and valueOffsets. */
export function findMembers(info: NodeInfo): void {
  const text = fileOf(info).text;
  let i = offsetOf(info);
  const isArray = text.charCodeAt(i) === 91;
  const keys: Array<string | number> = [];
  const values: number[] = [];
  i = skipSpace(text, i + 1);
  const close = isArray ? 93 : 125;
  while (text.charCodeAt(i) !== close) {
    if (isArray) {
      keys.push(String(values.length), i);
    } else {
      const end = skipString(text, i);
      keys.push(readKey(text, i, end), i);
      i = skipSpace(text, skipSpace(text, end) + 1); // past ':'
    }
    values.push(i);
    i = skipSpace(text, skipValue(text, i));
    if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
  }
  info.keyOffsets = keys;
  info.valueOffsets = values;
}

/** The number of keys written in a JSON text (duplicates included): each string followed by a ':'. */
export function countKeys(text: string): number {
  let count = 0;
  let i = text.indexOf('"');
  while (i >= 0) {
    const end = skipSpace(text, skipString(text, i));
    if (text.charCodeAt(end) === 58) count++;
    i = text.indexOf('"', end);
  }
  return count;
}
