/**
 * One output of the config (or of the library API) generated in memory: the pipeline with the output's options,
 * its rule severities applied, and the list of files the plan was read from (what --watch watches).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toJavaScript } from '../emit/javascript.js';
import type { EmittedFile } from '../emit/target.js';
import { withFileHook } from '../load/read-json.js';
import type { Plan } from '../model/ir.js';
import type { Memo } from '../core/memo.js';
import { generate, validate, type GenerateOptions } from '../pipeline.js';
import type { OutputSettings, TargetName } from './fields.js';

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
  s: Pick<OutputSettings, 'from' | 'readableNames' | 'language' | 'target' | 'transform'> &
    Partial<Pick<OutputSettings, 'severity'>>,
): PipelineOptions {
  const options: PipelineOptions = {};
  if (s.from !== undefined) options.from = s.from;
  if (s.readableNames !== undefined) options.readableNames = s.readableNames;
  if (s.language !== undefined) options.language = s.language;
  if (s.target !== undefined) options.target = s.target;
  if (s.transform !== undefined) options.transform = s.transform;
  if (s.severity !== undefined && Object.keys(s.severity).length > 0) options.severity = s.severity;
  return options;
}

export interface RunOptions {
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
  const pipeline = memo ? { ...options, memo } : options;
  const result = withFileHook(hook, () =>
    run.validateOnly ? { ...validate(plan, pipeline), files: [] } : generate(plan, pipeline),
  );
  // Files no longer read (a $ref removed) are forgotten
  if (memo) for (const p of memo.files.keys()) if (!read.includes(p)) memo.files.delete(p);
  const { diagnostics } = result;
  const excluded = result.excluded ? { excluded: result.excluded } : {};
  // The pipeline emits nothing when there are errors (its severities applied)
  if (result.files.length === 0) return { plan: result.plan, files: [], diagnostics, read, ...excluded };
  const files = options.language === 'js' ? await toJavaScript(result.files) : result.files;
  return { plan: result.plan, files, diagnostics, read, ...excluded };
}
