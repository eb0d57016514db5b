/**
 * `diff --base <ref>`: the plan and every file it `$ref`s as they are at a git commit. Files are read through the
 * loader's read hook with `git cat-file blob <ref>:<path>` (path relative to the repository's root): no checkout,
 * no temporary files, and a file missing at that commit is missing for the loader too. A folder plan (Iglu
 * schemas) is listed as the commit has it (`git ls-tree -r <ref>:<folder>`), so a schema added or removed since
 * counts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { IoError } from '../core/io-error.js';

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The real path of `path`, through the real path of its nearest existing folder (the file may exist only at the ref). */
function real(path: string): string {
  let dir = dirname(resolve(path));
  const rest = [resolve(path).slice(dir.length + 1)];
  while (!existsSync(dir)) {
    rest.unshift(dir.slice(dirname(dir).length + 1));
    dir = dirname(dir);
  }
  return resolve(realpathSync(dir), ...rest);
}

export interface GitBase {
  /** For the loader's read hook: the file's text at the ref (IoError when it is not there). */
  read(path: string): string;
  /** For the loader's read hook: the files under the folder at the ref, or undefined when it is no folder there. */
  list(dir: string): string[] | undefined;
  /** Whether the file (or folder) exists at the ref. */
  has(path: string): boolean;
  ref: string;
}

export function gitBase(ref: string, near: string): GitBase {
  const dir = existsSync(near) ? dirname(resolve(near)) : process.cwd();
  let top: string;
  try {
    top = realpathSync(git(['rev-parse', '--show-toplevel'], dir).trim());
  } catch {
    throw new IoError(`--base needs a git repository, and ${dirname(near)} is not in one (or git is not installed)`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new IoError(
      `--base ${ref}: no such commit, branch or tag in ${top} (in CI, fetch it first: git fetch origin ${ref})`,
    );
  }
  const inRepo = (path: string): string => {
    const rel = relative(top, real(path)).split(sep).join('/');
    if (rel === '..' || rel.startsWith('../'))
      throw new IoError(`cannot read ${path} at ${ref}: it is outside the repository ${top}`);
    return rel;
  };
  const cache = new Map<string, string | undefined>();
  const blob = (path: string): string | undefined => {
    const rel = inRepo(path);
    if (!cache.has(rel)) {
      let text: string | undefined;
      try {
        text = git(['cat-file', 'blob', `${ref}:${rel}`], top);
      } catch {
        text = undefined;
      }
      cache.set(rel, text);
    }
    return cache.get(rel);
  };
  const trees = new Map<string, string[] | undefined>();
  /**
   * The regular files under the folder, relative to it ('/'-separated); symbolic links and submodules are left out,
   * as the walk of a folder on the disk leaves them.
   */
  const tree = (path: string): string[] | undefined => {
    const rel = inRepo(path);
    if (!trees.has(rel)) {
      let files: string[] | undefined;
      try {
        if (git(['cat-file', '-t', `${ref}:${rel}`], top).trim() === 'tree') {
          files = git(['ls-tree', '-r', '-z', `${ref}:${rel}`], top)
            .split('\0')
            .filter((entry) => /^100(644|755) blob /.test(entry))
            .map((entry) => entry.slice(entry.indexOf('\t') + 1));
        }
      } catch {
        files = undefined;
      }
      trees.set(rel, files);
    }
    return trees.get(rel);
  };
  return {
    ref,
    has: (path) => blob(path) !== undefined || tree(path) !== undefined,
    // A file at the ref is no folder (and asking git costs a process per plan)
    list: (dir) => (blob(dir) !== undefined ? undefined : tree(dir)?.map((file) => join(dir, ...file.split('/')))),
    read: (path) => {
      const text = blob(path);
      if (text === undefined) throw new IoError(`cannot read ${path}: no such file at ${ref}`);
      return text;
    },
  };
}
