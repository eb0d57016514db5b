/** Reads a JSON file into values with origins, turning syntax errors and duplicate keys into diagnostics. */
import { readFileSync } from 'node:fs';
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { JsonSyntaxError, parseJson } from './json-parse.js';
import { parseJsonFast } from './json-parse-fast.js';
import type { SourceFile } from '../core/source-file.js';
import { IoError } from '../core/io-error.js';

export interface ReadJson {
  file: SourceFile;
  /** `undefined` when the text is not JSON (a CT001 diagnostic says where). */
  value: unknown;
  diagnostics: Diagnostic[];
}

/**
 * Where plan files come from, when not (only) from the disk: the library API reads a plan given as text, `diff
 * --base` reads files as a git commit has them, `--watch` learns which files a plan was read from. `read` returns a
 * file's text, or undefined to read it from the disk; it throws IoError for a file that is not there.
 */
export interface FileHook {
  read?(path: string): string | undefined;
  /**
   * The files under the folder `dir` (recursively; each path is `dir` joined to its path inside the folder), or
   * undefined when the hook does not serve `dir` as a folder (then the disk is read): a folder plan at a git commit.
   */
  list?(dir: string): string[] | undefined;
  /** Called with every path read (from the hook or the disk). */
  onRead?(path: string): void;
  /**
   * The last read of each file (--watch, core/memo.ts): the same text is that read again, as it is; a newer text keeps
   * the nodes of its unchanged parts.
   */
  memory?: Map<string, ReadJson>;
}

let hook: FileHook | undefined;

/** Runs `fn` (synchronous: the load phase is) with plan files read through `fileHook`. */
export function withFileHook<T>(fileHook: FileHook, fn: () => T): T {
  const previous = hook;
  hook = fileHook;
  try {
    return fn();
  } finally {
    hook = previous;
  }
}

/** The text the hook supplies for `path`, if any (load-plan asks before it looks for a folder on the disk). */
export function hookedText(path: string): string | undefined {
  return hook?.read?.(path);
}

/** The files the hook lists under `dir`, if it serves `dir` as a folder (load-plan and the Iglu reader ask). */
export function hookedList(dir: string): string[] | undefined {
  return hook?.list?.(dir);
}

export function readText(path: string): string {
  hook?.onRead?.(path);
  const supplied = hookedText(path);
  if (supplied !== undefined) return supplied;
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new IoError(`cannot read ${path}: ${why}`);
  }
}

/** `previous`: the value an earlier read of `path` gave, whose unchanged parts are kept (json-parse-fast.ts). */
export function parseJsonText(path: string, text: string, previous?: unknown): ReadJson {
  const file: SourceFile = { path, text };
  const fast = parseJsonFast(file, previous);
  if (fast) return { file, value: fast.value, diagnostics: [] };
  try {
    const { value, duplicates, hugeNumbers } = parseJson(file);
    const diagnostics = [
      ...duplicates.map((d) =>
        diagnose('CT002', { file, pointer: d.pointer, offset: d.offset }, { key: d.key }, [
          { file, pointer: d.pointer, offset: d.firstOffset },
        ]),
      ),
      ...hugeNumbers.map((h) =>
        diagnose(
          'CT016',
          { file, pointer: h.pointer, offset: h.offset },
          { detail: `${h.text} is too large for a number (JSON readers make it Infinity)` },
        ),
      ),
    ];
    return { file, value, diagnostics };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return {
      file,
      value: undefined,
      diagnostics: [diagnose('CT001', { file, pointer: '', offset: e.offset }, { detail: e.message })],
    };
  }
}

export function readJson(path: string): ReadJson {
  const memory = hook?.memory;
  const text = readText(path);
  const last = memory?.get(path);
  if (last && last.file.text === text) return last;
  const read = parseJsonText(path, text, last?.value);
  if (memory && read.value !== undefined) memory.set(path, read);
  return read;
}
