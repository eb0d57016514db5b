/**
 * The write phase: each file written atomically (a temporary file renamed into place), only when its content
 * changed, only inside the output directory, and never over a file the generator did not write.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { GENERATED_MARKER, type EmittedFile } from '../emit/target.js';
import { IoError } from '../core/io-error.js';
import { explainFsError } from './fs-errors.js';

/** Every generated file carries this line; a file without it is the user's and is not overwritten without --force. */

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/** A path as the messages show it: relative to the working folder when inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(`cannot read ${shown(path)}: ${explainFsError(e)}`);
  }
}

/** The nearest of `path` and its parents that exists, with what it is. */
function existingAncestor(path: string): { path: string; isDirectory: boolean } {
  for (let p = resolve(path); ; p = dirname(p)) {
    try {
      return { path: p, isDirectory: statSync(p).isDirectory() };
    } catch (e) {
      if (dirname(p) === p) throw new IoError(`cannot use ${shown(path)} as the output folder: ${explainFsError(e)}`);
    }
  }
}

/**
 * Says in words, before anything is written, why `outDir` cannot hold the client: it is a file, a part of its path
 * is a file, or the folder that would hold it is read-only. With `forWriting` false (--check) only the first counts.
 */
export function checkOutDir(outDir: string, forWriting = true): void {
  const found = existingAncestor(outDir);
  const out = shown(outDir);
  if (!found.isDirectory) {
    throw new IoError(
      found.path === resolve(outDir)
        ? `--out ${out} is a file, not a folder: name a folder for the client (it holds several files)`
        : `cannot create the folder ${out}: ${shown(found.path)} is a file, not a folder`,
    );
  }
  if (!forWriting) return;
  try {
    accessSync(found.path, constants.W_OK);
  } catch (e) {
    const what =
      found.path === resolve(outDir)
        ? `cannot write into ${out}`
        : `cannot create the folder ${out} inside ${shown(found.path)}`;
    throw new IoError(`${what}: ${explainFsError(e)}`);
  }
}

/**
 * Creates `dir` and its missing parents, one mkdir each from the top. Not mkdirSync's `recursive`: Node's version
 * retries forever where mkdir says ENOENT under a parent that exists (in /proc, say).
 */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); !existsSync(p) && dirname(p) !== p; p = dirname(p)) missing.push(p);
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]!);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      const why = code === 'ENOENT' ? 'this file system allows no folder there' : explainFsError(e);
      throw new IoError(`cannot create the folder ${shown(missing[i]!)}: ${why}`);
    }
  }
}

export function targetPath(outDir: string, file: EmittedFile): string {
  const root = resolve(outDir);
  const path = resolve(root, file.path);
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new Error(`internal: ${file.path} is outside the output directory`);
  return path;
}

/** What a process wrote, by path: the content, and the file's stat right after (--watch; core/memo.ts). */
export type Written = Map<string, { content: string; stamp: string }>;

function stampOf(path: string): string | undefined {
  const st = statSync(path, { throwIfNoEntry: false, bigint: true });
  return st && `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * The file's content: what this process wrote there when the file has not changed since (same inode, size and
 * times), else read from the disk. Saves reading back a client of megabytes on every --watch generation.
 */
function existingContent(path: string, written: Written | undefined): string | undefined {
  const known = written?.get(path);
  if (known && known.stamp === stampOf(path)) return known.content;
  return readIfExists(path);
}

export function writeFiles(
  outDir: string,
  files: EmittedFile[],
  options: { force?: boolean; written?: Written } = {},
): WriteResult {
  checkOutDir(outDir);
  const written = options.written;
  const planned = files.map((f) => ({
    file: f,
    path: targetPath(outDir, f),
    existing: existingContent(targetPath(outDir, f), written),
  }));
  // Refuse before writing anything, so that a refusal leaves every file as it was
  for (const p of planned) {
    if (p.existing !== undefined && !p.existing.includes(GENERATED_MARKER) && !options.force) {
      throw new IoError(
        `${shown(p.path)} exists and was not written by clevertap-codegen; move it away or pass --force`,
      );
    }
  }
  const result: WriteResult = { written: [], unchanged: [] };
  for (const { file, path, existing } of planned) {
    if (existing === file.content) {
      result.unchanged.push(path);
      if (written) remember(written, path, file.content);
      continue;
    }
    const tmp = `${path}.${process.pid}.tmp`;
    makeFolder(dirname(path));
    try {
      writeFileSync(tmp, file.content);
      renameSync(tmp, path);
    } catch (e) {
      rmSync(tmp, { force: true });
      written?.delete(path);
      throw new IoError(`cannot write ${shown(path)}: ${explainFsError(e)}`);
    }
    if (written) remember(written, path, file.content);
    result.written.push(path);
  }
  return result;
}

export interface StaleFile {
  path: string;
  /** `missing`: no such file; `differs`: its content is not what the plan generates. */
  state: 'missing' | 'differs';
}

/** The files whose committed content differs from what the plan generates, or that are missing (for --check). */
export function staleFiles(outDir: string, files: EmittedFile[]): StaleFile[] {
  checkOutDir(outDir, false);
  const stale: StaleFile[] = [];
  for (const f of files) {
    const path = targetPath(outDir, f);
    const existing = readIfExists(path);
    if (existing === undefined) stale.push({ path, state: 'missing' });
    else if (existing !== f.content) stale.push({ path, state: 'differs' });
  }
  return stale;
}

function remember(written: Written, path: string, content: string): void {
  const stamp = stampOf(path);
  if (stamp === undefined) written.delete(path);
  else written.set(path, { content, stamp });
}
