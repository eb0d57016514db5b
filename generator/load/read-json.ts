/** Reads a JSON file into values with origins, turning syntax errors and duplicate keys into diagnostics. */
import { readFileSync } from 'node:fs';
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { JsonSyntaxError, parseJson } from './json-parse.js';
import { parseJsonFast } from './json-parse-fast.js';
import type { SourceFile } from './source.js';

/** The plan file could not be read at all: a usage or I/O fault (exit 2), not a problem in the plan. */
export class IoError extends Error {}

export interface ReadJson {
  file: SourceFile;
  /** `undefined` when the text is not JSON (a CT001 diagnostic says where). */
  value: unknown;
  diagnostics: Diagnostic[];
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new IoError(`cannot read ${path}: ${why}`);
  }
}

export function parseJsonText(path: string, text: string): ReadJson {
  const file: SourceFile = { path, text };
  const fast = parseJsonFast(file);
  if (fast) return { file, value: fast.value, diagnostics: [] };
  try {
    const { value, duplicates, hugeNumbers } = parseJson(file);
    const diagnostics = [
      ...duplicates.map((d) => diagnose('CT002', { file, pointer: d.pointer, offset: d.offset }, { key: d.key }, [{ file, pointer: d.pointer, offset: d.firstOffset }])),
      ...hugeNumbers.map((h) => diagnose('CT016', { file, pointer: h.pointer, offset: h.offset }, { detail: `${h.text} is too large for a number (JSON readers make it Infinity)` })),
    ];
    return { file, value, diagnostics };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return { file, value: undefined, diagnostics: [diagnose('CT001', { file, pointer: '', offset: e.offset }, { detail: e.message })] };
  }
}

export function readJson(path: string): ReadJson {
  return parseJsonText(path, readText(path));
}
