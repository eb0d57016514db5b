/**
 * The library API (`import { generate, validate, diff } from 'clevertap-codegen'`): the generator for build tools
 * (a Vite plugin, a Next.js build step). Nothing here writes to the disk; plans and the files they `$ref` are read
 * from it unless given as text. Every type a caller sees is declared in this file, so that the published
 * declarations (dist/api.d.ts) stand alone.
 */
import { resolve } from 'node:path';
import { CATALOGUE, type Code } from './diagnostics/catalogue.js';
import { severityRefusal } from './diagnostics/severity.js';
import { hasErrors, type Diagnostic as InternalDiagnostic } from './diagnostics/diagnostic.js';
import { formatLine, toJson } from './diagnostics/format.js';
import { generateOutput, pipelineOptions } from './config/generate-output.js';
import { diffPlans } from './diff/diff-plans.js';
import { readErrors } from './diff/read-errors.js';
import { availableTargets } from './emit/targets.js';
import { summarize, toJsonChange, type JsonChange } from './diff/format-changes.js';
import { newMemo, type Memo } from './core/memo.js';

/** A plan: a path on the disk, or a text (or a parsed object) with the path it stands for ($refs resolve from it). */
export type PlanInput = string | { path: string; text: string } | { path: string; plan: object };

export interface Options {
  /** The SDK the client drives (default: web). */
  target?: 'web' | 'react-native' | 'node';
  /** `ts` (default): index.ts; `js`: index.js with index.d.ts. */
  language?: 'ts' | 'js';
  /** A transformation policy: a file's path or the policy itself. */
  transform?: string | Record<string, unknown>;
  /** Rule severities, as in codegen.config.json: a warning or note made "error", "warning" or "off". */
  severity?: Record<string, 'error' | 'warning' | 'off'>;
  /** The plan's format (default: detected). */
  from?: 'native' | 'segment' | 'rudderstack' | 'iglu';
  /** Iglu: `add_to_cart` becomes `Add To Cart`. */
  readableNames?: boolean;
}

export interface Diagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  /** A JSON pointer into the file. */
  pointer: string | null;
  /** A stable code, such as CT301. */
  code: string;
  severity: string;
  message: string;
  hint: string;
  /** `plan.json:14:9 error CT301 /events/...: message (hint)`, as the command line prints it. */
  text: string;
}

export interface File {
  /** Relative to the output folder: `index.ts`, `checks.ts`. */
  path: string;
  content: string;
}

export interface GenerateResult {
  /** No errors: `files` is the client. */
  ok: boolean;
  /** Empty unless `ok`. */
  files: File[];
  diagnostics: Diagnostic[];
}

export interface ValidateResult {
  ok: boolean;
  diagnostics: Diagnostic[];
}

export type ChangeKind =
  | 'event-removed'
  | 'event-added'
  | 'event-renamed'
  | 'function-renamed'
  | 'property-removed'
  | 'property-added'
  | 'property-renamed'
  | 'property-required'
  | 'property-optional'
  | 'type-narrowed'
  | 'type-widened'
  | 'type-changed'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'additional-closed'
  | 'additional-opened'
  | 'trait-field-changed';

export interface Change {
  kind: ChangeKind;
  /** `app || data`. */
  breaking: boolean;
  /** Breaks the app's code. */
  app: boolean;
  /** Breaks CleverTap's data. */
  data: boolean;
  event: string | null;
  property: string | null;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  pointer: string | null;
}

export interface DiffResult {
  /** Both plans were read (otherwise `diagnostics` says why, and there are no changes). */
  ok: boolean;
  breaking: boolean;
  changes: Change[];
  diagnostics: Diagnostic[];
}

function publicDiagnostic(d: InternalDiagnostic): Diagnostic {
  return { ...toJson(d), text: formatLine(d) };
}

const publicChange = (c: JsonChange): Change => c;

/** Refuses severities the generator cannot honour, as the config reader does (in words, as a TypeError). */
function checkSeverity(severity: Options['severity'] = {}): void {
  for (const [code, level] of Object.entries(severity)) {
    if (!Object.hasOwn(CATALOGUE, code))
      throw new TypeError(`severity: "${code}" is not a rule code of clevertap-codegen`);
    if (level !== 'error' && level !== 'warning' && level !== 'off')
      throw new TypeError(`severity: ${code} must be "error", "warning" or "off"`);
    const refusal = severityRefusal(code as Code, level);
    if (refusal) throw new TypeError(`severity: ${code} cannot be set to "${level}": ${refusal}`);
  }
}

function source(input: PlanInput): { path: string; read?: (p: string) => string | undefined } {
  if (typeof input === 'string') return { path: input };
  const text = 'text' in input ? input.text : JSON.stringify(input.plan, null, 2) + '\n';
  const at = resolve(input.path);
  return { path: input.path, read: (p) => (resolve(p) === at ? text : undefined) };
}

async function run(input: PlanInput, options: Options, validateOnly: boolean, memo?: Memo) {
  checkSeverity(options.severity);
  if (options.target !== undefined && !(availableTargets() as string[]).includes(options.target)) {
    throw new TypeError(`target: "${options.target}" is not one of ${availableTargets().join(', ')} in this version`);
  }
  const { path, read } = source(input);
  return generateOutput(path, pipelineOptions(options), {
    validateOnly,
    ...(read && { read }),
    ...(memo && { memo }),
  });
}

function generated(result: Awaited<ReturnType<typeof run>>): GenerateResult {
  const ok = !hasErrors(result.diagnostics);
  return {
    ok,
    files: ok ? result.files.map((f) => ({ path: f.path, content: f.content })) : [],
    diagnostics: result.diagnostics.map(publicDiagnostic),
  };
}

function validated(result: Awaited<ReturnType<typeof run>>): ValidateResult {
  return { ok: !hasErrors(result.diagnostics), diagnostics: result.diagnostics.map(publicDiagnostic) };
}

/** Checks the plan and generates the client in memory. */
export async function generate(input: PlanInput, options: Options = {}): Promise<GenerateResult> {
  return generated(await run(input, options, false));
}

/** Checks the plan only. */
export async function validate(input: PlanInput, options: Options = {}): Promise<ValidateResult> {
  return validated(await run(input, options, true));
}

/** `generate` and `validate` that keep what they made of a plan between calls: see `createGenerator`. */
export interface Generator {
  generate(input: PlanInput, options?: Options): Promise<GenerateResult>;
  validate(input: PlanInput, options?: Options): Promise<ValidateResult>;
}

/** How many plan-and-options pairs a Generator keeps what it made of (the oldest is forgotten first). */
const KEPT_PLANS = 8;

/**
 * For a build tool that generates again on every change (a Vite plugin, a watch mode): between calls for the same
 * plan path and options, it keeps what it made of the parts of the plan that did not change, as `codegen --watch`
 * does, so a one-event edit of a large plan costs about one event's work. Its results are always `generate()`'s
 * and `validate()`'s.
 */
export function createGenerator(): Generator {
  const memos = new Map<string, Memo>();
  const memoFor = (input: PlanInput, options: Options): Memo => {
    const key = `${resolve(typeof input === 'string' ? input : input.path)}\0${JSON.stringify(options)}`;
    let memo = memos.get(key);
    if (memo) memos.delete(key);
    else memo = newMemo();
    memos.set(key, memo); // the most recently used last
    if (memos.size > KEPT_PLANS) memos.delete(memos.keys().next().value!);
    return memo;
  };
  return {
    generate: async (input, options = {}) => generated(await run(input, options, false, memoFor(input, options))),
    validate: async (input, options = {}) => validated(await run(input, options, true, memoFor(input, options))),
  };
}

/** The changes from one version of a plan to another, classified as `codegen diff` does (`transform`: for both). */
export async function diff(
  before: PlanInput,
  after: PlanInput,
  options: Pick<Options, 'from' | 'readableNames' | 'transform'> = {},
): Promise<DiffResult> {
  const a = await run(before, options, true);
  const b = await run(after, options, true);
  const unread = [
    ...readErrors(a.plan !== undefined, a.diagnostics),
    ...readErrors(b.plan !== undefined, b.diagnostics),
  ];
  if (!a.plan || !b.plan || unread.length > 0)
    return { ok: false, breaking: false, changes: [], diagnostics: unread.map(publicDiagnostic) };
  const changes = diffPlans(a.plan, b.plan);
  return {
    ok: true,
    breaking: summarize(changes).breaking,
    changes: changes.map(toJsonChange).map(publicChange),
    diagnostics: [],
  };
}
