/** What the diff tests share: the CLI in process, plan builders, and scratch git repositories. */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../generator/cli/main.js';
import { planJson } from '../helpers/plan.js';

/** Runs `codegen ...args` in process (in `cwd`, if given): its exit code, stdout and stderr. */
export async function run(args: string[], cwd?: string) {
  let out = '';
  let err = '';
  const here = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), color: false });
    return { code, out, err };
  } finally {
    process.chdir(here);
  }
}

export type Events = Record<string, unknown>;
export const plan = (events: Events, identify?: unknown, extra: Record<string, unknown> = {}) => ({
  name: 'P',
  events,
  ...(identify !== undefined && { identify }),
  ...extra,
});
export const ev = (
  properties: Record<string, unknown>,
  required: string[] = [],
  extra: Record<string, unknown> = {},
) => ({
  properties,
  ...(required.length && { required }),
  ...extra,
});
export const S = { type: 'string' };
export const N = { type: 'number' };

/** Writes `value` as pretty JSON to `dir/name`; returns the path. */
export function write(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, planJson(value));
  return path;
}

export interface BriefChange {
  kind: string;
  app: boolean;
  data: boolean;
}
/** `kind app data` (or `kind safe`): the classification a reader of the diff sees. */
export const brief = (c: BriefChange) =>
  `${c.kind}${c.app ? ' app' : ''}${c.data ? ' data' : ''}${!c.app && !c.data ? ' safe' : ''}`;

/** The JSON output of a diff run. */
export const changesOf = (out: string) =>
  JSON.parse(out) as {
    breaking: boolean;
    changes: Array<BriefChange & { event: string | null; property: string | null; message: string }>;
  };

/** git in `cwd`, with an author, so that commits work on a machine without a git identity. */
export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  });
export const hasGit = spawnSync('git', ['--version']).status === 0;

/** A new repository in `dir` with everything in it committed on `main`. */
export function commitAll(dir: string, message = 'plan'): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', message);
}
