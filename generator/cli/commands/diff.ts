/**
 * `codegen diff old.json new.json` and `codegen diff plan.json --base <git-ref>`: the changes between two versions
 * of a plan, classified (diff/diff-plans.ts), each after its transformation policy (a native plan's own, or
 * `--transform`, applied to both; with --base the policy file is read at the commit too). Exit 1 when a change
 * breaks the app's code or CleverTap's data, so that a pull request's CI fails on it; 2 on a usage or I/O error.
 */
import { relative } from 'node:path';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { OutputFormat } from '../../diagnostics/format.js';
import { diffPlans, isBreaking } from '../../diff/diff-plans.js';
import { formatChanges } from '../../diff/format-changes.js';
import { gitBase } from '../../diff/git-base.js';
import { readErrors } from '../../diff/read-errors.js';
import { withFileHook, type FileHook } from '../../load/read-json.js';
import { IoError } from '../../core/io-error.js';
import type { Plan } from '../../model/ir.js';
import { validate, type GenerateOptions } from '../../pipeline.js';
import { report, type CommandIo } from './config.js';

export interface DiffArgs {
  old: string;
  new?: string;
  base?: string;
  format: OutputFormat;
  options?: GenerateOptions;
}

/** An empty plan: what a plan compares against when it does not exist at the base commit. */
function emptyPlan(like: Plan): Plan {
  return { name: like.name, events: [], identify: undefined, origin: like.origin };
}

/** The plan's model, or the errors that kept it from being built, or from being read as written. */
function model(
  path: string,
  options: GenerateOptions,
  hook?: FileHook,
): { plan: Plan | undefined; diagnostics: Diagnostic[] } {
  const run = (): ReturnType<typeof validate> => validate(path, options);
  const { plan, diagnostics } = hook ? withFileHook(hook, run) : run();
  return { plan, diagnostics: readErrors(plan !== undefined, diagnostics) };
}

export function runDiff(args: DiffArgs, io: CommandIo): number {
  const options = args.options ?? {};
  if ((args.new === undefined) === (args.base === undefined)) {
    throw new IoError(
      'diff compares two plans (codegen diff old.json new.json) or a plan with a git commit (codegen diff plan.json --base main)',
    );
  }
  const current = args.base !== undefined ? args.old : args.new!;
  const after = model(current, options);
  let before: ReturnType<typeof model>;
  let note = '';
  if (args.base !== undefined) {
    const base = gitBase(args.base, current);
    const shown = (path: string): string => relative(process.cwd(), path) || path;
    if (!base.has(current)) {
      note = `${shown(current)} does not exist at ${args.base}: every event is new\n`;
      before = { plan: after.plan && emptyPlan(after.plan), diagnostics: [] };
    } else {
      // The policy shapes what CleverTap receives, so it is read as the commit has it, like the plan; a policy the
      // commit does not have means the plan was used without one there
      let baseOptions = options;
      if (typeof options.transform === 'string' && !base.has(options.transform)) {
        const { transform: _none, ...rest } = options;
        baseOptions = rest;
        note = `${shown(options.transform)} does not exist at ${args.base}: the plan there is read without a policy\n`;
      }
      before = model(current, baseOptions, { read: base.read, list: base.list });
      if (before.diagnostics.length > 0) io.err(`(the diagnostics below are of ${current} as it is at ${args.base})\n`);
    }
  } else {
    before = model(args.old, options);
  }
  const problems = [...before.diagnostics, ...after.diagnostics];
  if (!before.plan || !after.plan || hasErrors(problems)) {
    report(problems, args.format === 'json' ? 'text' : args.format, undefined, io);
    io.err('codegen diff: a plan could not be read; nothing compared\n');
    return 1;
  }
  if (note) io.err(note);
  const changes = diffPlans(before.plan, after.plan);
  io.out(formatChanges(changes, args.format));
  return changes.some(isBreaking) ? 1 : 0;
}
