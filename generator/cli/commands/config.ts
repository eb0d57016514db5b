/**
 * `codegen` with no plan: every output of the config (codegen.config.json, or "codegen" in package.json), with
 * the command line's flags over the config's values. Also the one-output step that --watch repeats.
 */
import { relative, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics, summary, type OutputFormat } from '../../diagnostics/format.js';
import { verifyClient } from '../../emit/verify.js';
import { IoError } from '../../core/io-error.js';
import { findConfig, CONFIG_FILE } from '../../config/find-config.js';
import type { OutputSettings } from '../../config/fields.js';
import { generateOutput, pipelineOptions } from '../../config/generate-output.js';
import { newMemo, type Memo } from '../../core/memo.js';
import { explain } from '../../transform/explain.js';
import { readConfig, type Config } from '../../config/read-config.js';
import { staleFiles, writeFiles, type Written } from '../../write/write-files.js';
import type { EmittedFile } from '../../emit/target.js';

export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

/** Flags given on the command line; each one given overrides the config's value for every output. */
export interface Flags {
  config?: string;
  out?: string;
  language?: 'ts' | 'js';
  target?: OutputSettings['target'];
  from?: OutputSettings['from'];
  readableNames?: boolean;
  maxWarnings?: number;
  /** A transformation policy file for every output (instead of the config's). */
  transform?: string;
  /** Print what the transformation policy does to each event. */
  explain?: boolean;
  /** `codegen validate`: check the plans, write nothing. */
  validateOnly?: boolean;
  format: OutputFormat;
  check: boolean;
  force: boolean;
  verify: boolean;
}

/** A mistake on the command line or in the config: exit 2. */
export class ConfigError extends IoError {}

const shown = (p: string): string => relative(process.cwd(), p) || '.';

/**
 * Prints diagnostics; returns whether they fail the run (errors, or more warnings than allowed). `limit` names
 * where the allowance was set, for the message (`--max-warnings` on the command line, `maxWarnings` in the config).
 */
export function report(
  ds: readonly Diagnostic[],
  format: OutputFormat,
  maxWarnings: number | undefined,
  io: CommandIo,
  limit = 'maxWarnings',
): boolean {
  const warnings = ds.filter((d) => d.severity === 'warning').length;
  const tooMany = maxWarnings !== undefined && warnings > maxWarnings;
  if (format === 'json') io.out(formatDiagnostics(ds, 'json'));
  else if (ds.length > 0) io.err(formatDiagnostics(ds, format, { color: io.color, frames: io.color }));
  if (format === 'text' && ds.length > 0) io.err(`${summary(ds)}\n`);
  if (tooMany) io.err(`more than ${maxWarnings} warnings (${limit})\n`);
  return hasErrors(ds) || tooMany;
}

/** The config that applies (--config, or found from the current folder upwards), checked. */
export function loadConfig(flags: Pick<Flags, 'config' | 'format' | 'validateOnly'>, io: CommandIo): Config {
  const path = flags.config ?? findConfig();
  if (path === undefined) {
    const example = flags.validateOnly ? 'codegen validate plan.json' : 'codegen plan.json';
    throw new ConfigError(
      `no plan given: name the tracking plan file, as in ${example}, or write a ${CONFIG_FILE} (or a "codegen" key in package.json) here or in a folder above: codegen init starts one`,
    );
  }
  const config = readConfig(relative(process.cwd(), path) || path);
  if (config.diagnostics.length > 0) {
    report(config.diagnostics, flags.format === 'json' ? 'text' : flags.format, undefined, io);
    throw new ConfigError(
      `${shown(path)} has errors; ${flags.validateOnly ? 'no plan was checked' : 'nothing was generated'}`,
    );
  }
  return config;
}

/** The outputs with the command line's flags applied. */
export function applyFlags(config: Config, flags: Flags): OutputSettings[] {
  if (flags.out !== undefined && config.outputs.length > 1) {
    throw new ConfigError(
      `--out names one folder, but ${shown(config.path)} has ${config.outputs.length} outputs; set "out" per output in the config`,
    );
  }
  return config.outputs.map((o) => ({
    ...o,
    ...(flags.out !== undefined && { out: flags.out }),
    ...(flags.language !== undefined && { language: flags.language }),
    ...(flags.target !== undefined && { target: flags.target }),
    ...(flags.from !== undefined && { from: flags.from }),
    ...(flags.readableNames && { readableNames: true }),
    ...(flags.maxWarnings !== undefined && { maxWarnings: flags.maxWarnings }),
    ...(flags.transform !== undefined && { transform: flags.transform }),
  }));
}

export interface StepResult {
  code: number;
  /** The files the plan was read from (absolute), for --watch. */
  read: string[];
}

/** Generates one output and writes it (or checks it with --check); prints what it did. */
export async function runOutput(
  o: OutputSettings,
  flags: Flags,
  io: CommandIo,
  prefix = '',
  memo?: Memo,
): Promise<StepResult> {
  const result = await generateOutput(relative(process.cwd(), o.plan) || o.plan, pipelineOptions(o), {
    ...(flags.validateOnly && { validateOnly: true }),
    ...(memo && { memo }),
  });
  const read = result.read.map((p) => resolve(p));
  // On stdout, unless stdout carries the JSON diagnostics
  if (flags.explain && result.plan) (flags.format === 'json' ? io.err : io.out)(explain(result.plan, result.excluded));
  const failed = report(result.diagnostics, flags.format, o.maxWarnings, io);
  if (flags.validateOnly) {
    if (!failed && flags.format === 'text') io.err(`${prefix}${shown(o.plan)}: ok\n`);
    return { code: failed ? 1 : 0, read };
  }
  if (failed) {
    io.err(`${prefix}${shown(o.plan)}: not written (the client in ${shown(o.out)} is unchanged)\n`);
    return { code: 1, read };
  }
  const code = await deliver(result.files, o.out, shown(o.plan), flags, io, {
    prefix,
    ...(memo && { written: memo.written }),
  });
  return { code, read };
}

/**
 * The end of a generation without errors, for a plan named on the command line and for each output of a config:
 * --verify, then --check (compare with what is on disk) or write; prints what it did. Returns the exit code.
 * `regenerate`: the command that updates a stale client, for --check's hint.
 */
export async function deliver(
  files: EmittedFile[],
  out: string,
  plan: string,
  flags: Pick<Flags, 'verify' | 'check' | 'force' | 'format'>,
  io: CommandIo,
  options: { prefix?: string; regenerate?: string; written?: Written } = {},
): Promise<number> {
  const prefix = options.prefix ?? '';
  if (flags.verify) {
    const problems = await verifyClient(files);
    if (problems.length > 0) throw new Error(`the generated client does not type-check:\n${problems.join('\n')}`);
  }
  if (flags.check) {
    const stale = staleFiles(out, files);
    for (const f of stale) {
      io.err(
        f.state === 'missing'
          ? `${prefix}missing: ${shown(f.path)}, which ${plan} generates\n`
          : `${prefix}stale: ${shown(f.path)} differs from what ${plan} generates\n`,
      );
    }
    if (stale.length > 0) io.err(`${prefix}run ${options.regenerate ?? 'codegen'} to update the client\n`);
    return stale.length > 0 ? 1 : 0;
  }
  const written = writeFiles(out, files, { force: flags.force, ...(options.written && { written: options.written }) });
  if (flags.format !== 'json') {
    for (const f of written.written) io.err(`${prefix}wrote ${shown(f)}\n`);
    for (const f of written.unchanged) io.err(`${prefix}unchanged ${shown(f)}\n`);
  }
  return 0;
}

/** `codegen` with no plan: every output of the config, once. Exit 1 when any output failed. */
/** What a memo is kept by (core/memo.ts): the plan as read. Outputs that differ only in target, language, policy or
 * severities share one, since it keeps what comes before those (reads, the model, each event's view). */
export const memoKey = (o: OutputSettings): string =>
  JSON.stringify([o.plan, o.from ?? null, o.readableNames ?? false]);

export async function runConfig(flags: Flags, io: CommandIo): Promise<number> {
  let outputs = applyFlags(loadConfig(flags, io), flags);
  // validate: each plan once, however many targets it is generated for (checking does not depend on the target)
  if (flags.validateOnly)
    outputs = uniqueBy(outputs, ({ out, target, language, ...checked }) => JSON.stringify(checked));
  let code = 0;
  const memos = new Map<string, Memo>();
  for (const o of outputs) {
    if (outputs.length > 1 && flags.format === 'text')
      io.err(
        flags.validateOnly
          ? `${shown(o.plan)}\n`
          : `${shown(o.plan)} -> ${shown(o.out)}${o.target ? ` (${o.target})` : ''}\n`,
      );
    let memo = memos.get(memoKey(o));
    if (!memo) {
      memo = newMemo();
      memos.set(memoKey(o), memo);
    }
    code = Math.max(code, (await runOutput(o, flags, io, '', memo)).code);
  }
  return code;
}

function uniqueBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The command line's arguments as they come from yargs (main.ts), for the config and --watch paths. */
interface CliArgs {
  plan?: string;
  watch: boolean;
  config?: string;
  out?: string;
  language?: 'ts' | 'js';
  target?: OutputSettings['target'];
  from?: string;
  'readable-names': boolean;
  'max-warnings'?: number;
  transform?: string;
  explain?: boolean;
  /** `codegen validate` with no plan. */
  validate?: boolean;
  format: OutputFormat;
  check: boolean;
  force: boolean;
  verify: boolean;
}

/**
 * `codegen` with no plan (the config's outputs), `--config FILE`, or `--watch`. A plan named with --watch is
 * watched alone with the flags' settings; with --config it selects nothing: a named plan and --config conflict.
 */
export async function runWorkflow(args: CliArgs, io: CommandIo): Promise<number> {
  const flags: Flags = {
    format: args.format,
    check: args.check,
    force: args.force,
    verify: args.verify,
    ...(args.config !== undefined && { config: args.config }),
    ...(args.out !== undefined && { out: args.out }),
    ...(args.language !== undefined && { language: args.language }),
    ...(args.target !== undefined && { target: args.target }),
    ...(args.from !== undefined && { from: args.from as OutputSettings['from'] }),
    ...(args['readable-names'] && { readableNames: true }),
    ...(args['max-warnings'] !== undefined && { maxWarnings: args['max-warnings'] }),
    ...(args.transform !== undefined && { transform: args.transform }),
    ...(args.explain && { explain: true }),
    ...(args.validate && { validateOnly: true }),
  };
  if (args.plan !== undefined && args.config !== undefined) {
    throw new ConfigError('name a plan or a config (--config), not both');
  }
  if (!args.watch) return runConfig(flags, io);
  const { runWatch } = await import('./watch.js');
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await runWatch(
      { ...(args.plan !== undefined && { plan: args.plan }), flags, signal: controller.signal },
      io,
    );
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
