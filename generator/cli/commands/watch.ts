/**
 * `codegen --watch`: generates, then again whenever the plan, a file it `$ref`s or the config changes, until
 * SIGINT/SIGTERM (or the AbortSignal, for tests and the API). A plan with errors writes nothing, so the last good
 * client stays in place; every line printed starts with the time.
 */
import { relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { IoError } from '../../core/io-error.js';
import { newMemo, type Memo } from '../../core/memo.js';
import type { OutputSettings } from '../../config/fields.js';
import { findConfig } from '../../config/find-config.js';
import { readConfig } from '../../config/read-config.js';
import { PathWatcher } from '../../watch/path-watcher.js';
import { applyFlags, ConfigError, memoKey, report, runOutput, type CommandIo, type Flags } from './config.js';

export interface WatchSetup {
  /** A plan named on the command line: one output, from the flags. Otherwise the config's outputs. */
  plan?: string;
  flags: Flags;
  signal: AbortSignal;
  /** How long to wait for more changes after one (a save is often several events). */
  debounceMs?: number;
  /** Called after each generation with its exit code (0 written, 1 not written, 2 could not read). */
  onCycle?: (code: number) => void;
}

const stamp = (): string => new Date().toTimeString().slice(0, 8);

/** Prefixes every line with the time (not stdout's with --format json: each cycle's JSON stays parseable). */
function timestamped(io: CommandIo, json: boolean): CommandIo {
  const prefix = (s: string): string => s.replace(/^(?=.)/gm, `[${stamp()}] `);
  return { out: (s) => io.out(json ? s : prefix(s)), err: (s) => io.err(prefix(s)), color: io.color };
}

interface Cycle {
  code: number;
  watch: string[];
}

/**
 * Generates every output with what was kept from the last generation (core/memo.ts), one memo per plan as read (the
 * outputs of one plan share it: the second reads and models nothing again); memos of plans gone are dropped.
 */
async function generateAll(
  setup: WatchSetup,
  configPath: string | undefined,
  io: CommandIo,
  memos: Map<string, Memo>,
): Promise<Cycle> {
  const { flags } = setup;
  let outputs: OutputSettings[];
  if (configPath === undefined) {
    // A plan named on the command line: one output, every setting from the flags
    const one = { plan: resolve(setup.plan!), out: resolve(flags.out ?? 'out'), severity: {} };
    outputs = applyFlags({ path: '', outputs: [one], diagnostics: [] }, { ...flags, out: one.out });
  } else {
    const config = readConfig(relative(process.cwd(), configPath) || configPath);
    if (config.diagnostics.length > 0) {
      report(config.diagnostics, flags.format === 'json' ? 'text' : flags.format, undefined, io);
      io.err(`${relative(process.cwd(), configPath)} has errors; nothing generated\n`);
      return { code: 2, watch: [configPath] };
    }
    outputs = applyFlags(config, flags);
  }
  const watch = configPath ? [configPath] : [];
  let code = 0;
  const kept = new Map(memos);
  memos.clear();
  for (const o of outputs) {
    watch.push(o.plan);
    const key = memoKey(o);
    const memo = memos.get(key) ?? kept.get(key) ?? newMemo();
    memos.set(key, memo);
    try {
      const step = await runOutput(o, flags, io, '', memo);
      watch.push(...step.read);
      code = Math.max(code, step.code);
    } catch (e) {
      if (!(e instanceof IoError)) throw e;
      io.err(`codegen: ${e.message}\n`);
      code = 2;
    }
  }
  return { code, watch };
}

/** Runs until the signal aborts; returns 0 then (a usage error before the first generation throws instead). */
export async function runWatch(setup: WatchSetup, rawIo: CommandIo): Promise<number> {
  if (setup.flags.check) throw new ConfigError('--watch writes the client; it does not go with --check');
  let configPath: string | undefined;
  if (setup.plan === undefined) {
    const found = setup.flags.config ?? findConfig();
    if (found === undefined)
      throw new ConfigError(
        '--watch: no plan given: name the tracking plan file, or write a codegen.config.json (or a "codegen" key in package.json) here or in a folder above',
      );
    configPath = resolve(found);
  }
  const io = timestamped(rawIo, setup.flags.format === 'json');
  // bin/codegen.js keeps V8's young generation from growing, right for a run that ends soon; a watch process lives
  // on and generates again and again, and collects less often with V8's default growth (512x32 plan, one-event
  // edits on a busy 2-core machine, median CPU per edit over three runs of 9 edits: 260 -> 210 ms)
  setFlagsFromString('--semi-space-growth-factor=2');
  const debounce = setup.debounceMs ?? 25;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let lastWatched: string[] = [];
  const memos = new Map<string, Memo>();
  const watcher = new PathWatcher((path) => {
    if (setup.signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      io.err(`${relative(process.cwd(), path)} changed\n`);
      void cycle();
    }, debounce);
  });
  let failure: unknown;
  const cycle = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const result = await generateAll(setup, configPath, io, memos);
        if (setup.signal.aborted) break;
        watcher.set(result.watch);
        const files = [...new Set(result.watch)];
        if (files.join('\0') !== lastWatched.join('\0'))
          io.err(`watching ${files.map((f) => relative(process.cwd(), f)).join(', ')} (Ctrl-C stops)\n`);
        lastWatched = files;
        setup.onCycle?.(result.code);
      } while (again && !setup.signal.aborted);
    })().catch((e: unknown) => {
      failure = e;
      stop();
    });
    await running;
    running = undefined;
  };
  let stop = (): void => {};
  const stopped = new Promise<void>((done) => {
    stop = done;
    if (setup.signal.aborted) done();
    setup.signal.addEventListener('abort', () => done(), { once: true });
  });
  await cycle();
  await stopped;
  clearTimeout(timer);
  watcher.close();
  if (running) await running;
  if (failure) throw failure;
  io.err('stopped watching\n');
  return 0;
}
