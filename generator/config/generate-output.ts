/**
 * One output of the config (or of the library API) generated in memory: the pipeline with the output's options,
 * its rule severities applied, and the list of files the plan was read from (what --watch watches).
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { toJavaScript } from '../emit/javascript.js';
import type { EmittedFile } from '../emit/target.js';
import { withFileHook } from '../load/read-json.js';
import type { Plan } from '../model/ir.js';
import type { Memo } from '../core/memo.js';
import { generate, validate, type GenerateOptions } from '../pipeline.js';
import type { OutputSettings, SeverityLevel, TargetName } from './fields.js';

/** The pipeline's options plus those it takes from the target contract and the transformation policy. */
export type PipelineOptions = GenerateOptions & { target?: TargetName; transform?: string | Record<string, unknown> };

export interface OutputResult {
  plan: Plan | undefined;
  /** Empty when there are errors (after the severities): nothing is to be written then. */
  files: EmittedFile[];
  diagnostics: Diagnostic[];
  /** Every file read (the plan, its `$ref`'d files), as the loader named them. */
  read: string[];
  /** Events a transformation policy left out (`events.include`/`exclude`). */
  excluded?: string[];
}

/** The options the pipeline takes from an output's settings. */
export function pipelineOptions(
  s: Pick<OutputSettings, 'from' | 'readableNames' | 'language' | 'target' | 'transform'>,
): PipelineOptions {
  const options: PipelineOptions = {};
  if (s.from !== undefined) options.from = s.from;
  if (s.readableNames !== undefined) options.readableNames = s.readableNames;
  if (s.language !== undefined) options.language = s.language;
  if (s.target !== undefined) options.target = s.target;
  if (s.transform !== undefined) options.transform = s.transform;
  return options;
}

/**
 * Rule severities from the config: a warning or note made an error or a warning, or left out ('off'). The reader
 * refuses to lower an error (the emitter relies on them), so a plan with errors can never be emitted through this.
 */
export function applySeverity(
  ds: readonly Diagnostic[],
  severity: Readonly<Record<string, SeverityLevel>>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const level = severity[d.code];
    if (level === undefined || d.severity === 'error') out.push(d);
    else if (level !== 'off') out.push(level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}

export interface RunOptions {
  severity?: Readonly<Record<string, SeverityLevel>>;
  /** Supplies file texts instead of the disk (the library API's plan text, diff --base's git files). */
  read?: (path: string) => string | undefined;
  /** Check only: no emitting. */
  validateOnly?: boolean;
  /** What to keep for the next generation of the same output (--watch); `options.memo` is set from it. */
  memo?: Memo;
}

/** Generates `plan` in memory; never touches the output folder. */
export async function generateOutput(
  plan: string,
  options: PipelineOptions,
  run: RunOptions = {},
): Promise<OutputResult> {
  const read: string[] = [];
  const memo = run.memo;
  const hook = {
    onRead: (p: string) => read.push(p),
    ...(run.read && { read: run.read }),
    ...(memo && { memory: memo.files }),
  };
  const withMemo = memo ? { ...options, memo } : options;
  const result = withFileHook(hook, () =>
    run.validateOnly ? { ...validate(plan, withMemo), files: [] } : generate(plan, withMemo),
  );
  // Files no longer read (a $ref removed) are forgotten
  if (memo) for (const p of memo.files.keys()) if (!read.includes(p)) memo.files.delete(p);
  const diagnostics = applySeverity(result.diagnostics, run.severity ?? {});
  const excluded = result.excluded ? { excluded: result.excluded } : {};
  if (hasErrors(diagnostics) || result.files.length === 0)
    return { plan: result.plan, files: [], diagnostics, read, ...excluded };
  const files = options.language === 'js' ? await toJavaScript(result.files) : result.files;
  return { plan: result.plan, files, diagnostics, read, ...excluded };
}
