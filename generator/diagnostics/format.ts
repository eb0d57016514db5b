/** Diagnostics as text (with a code frame on a terminal), JSON, or GitHub Actions annotations. */
import { locationOf, type Diagnostic } from './diagnostic.js';
import { locate, type Origin } from '../core/source-file.js';
import { docsLink } from './docs-link.js';

export type OutputFormat = 'text' | 'json' | 'github';

export interface JsonLocation {
  file: string | null;
  line: number | null;
  column: number | null;
  pointer: string | null;
}

export interface JsonDiagnostic extends JsonLocation {
  code: string;
  severity: string;
  message: string;
  hint: string;
  /** The code's section in docs/clevertap-rules.md (a path in the package, or a URL). */
  docs: string;
  /** Other places involved: the first of two colliding names, say. */
  related: JsonLocation[];
}

function jsonLocation(origin: Origin | undefined): JsonLocation {
  const loc = origin && locate(origin.file, origin.offset);
  return {
    file: loc?.path ?? null,
    line: loc?.line ?? null,
    column: loc?.column ?? null,
    pointer: origin?.pointer ?? null,
  };
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  return {
    ...jsonLocation(d.origin),
    code: d.code,
    severity: d.severity,
    message: d.message,
    hint: d.hint,
    docs: docsLink(d.code),
    related: d.related.map(jsonLocation),
  };
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', note: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };

/** `plan.json:3:5 /events/Order Completed` */
function place(origin: Origin): string {
  const loc = locate(origin.file, origin.offset);
  return `${loc.path}:${loc.line}:${loc.column} ${origin.pointer || '/'}`;
}

/** `plan.json:14:9 error CT104 /events/Order Completed/properties/items: message (hint)` */
export function formatLine(d: Diagnostic, color = false): string {
  const loc = locationOf(d);
  const where = loc ? `${loc.path}:${loc.line}:${loc.column}` : '';
  const severity = color ? `${COLORS[d.severity]}${d.severity}${COLORS.reset}` : d.severity;
  const pointer = d.origin ? ` ${d.origin.pointer || '/'}` : '';
  return `${where}${where ? ' ' : ''}${severity} ${d.code}${pointer}: ${d.message} (${d.hint})`;
}

/** One line per related place: `  related: plan.json:3:5 /events/Order Completed`. */
export function relatedLines(d: Diagnostic): string {
  let out = '';
  for (const r of d.related) out += `  related: ${place(r)}\n`;
  return out;
}

/**
 * The line of the plan the diagnostic points at, with a caret under the column. The line is cut out of the text
 * at the file's cached line starts (locate), not found by splitting the file: a plan with hundreds of warnings
 * would otherwise be split once per warning.
 */
export function codeFrame(d: Diagnostic, color = false): string {
  if (!d.origin) return '';
  const { file, offset } = d.origin;
  const loc = locate(file, offset);
  const start = offset - (loc.column - 1);
  const end = file.text.indexOf('\n', start);
  const text = file.text
    .slice(start, end < 0 ? file.text.length : end)
    .replace(/\r$/, '')
    .replace(/\t/g, ' ');
  const gutter = String(loc.line);
  const pad = ' '.repeat(gutter.length);
  const caret = color ? `${COLORS[d.severity]}^${COLORS.reset}` : '^';
  return `  ${gutter} | ${text}\n  ${pad} | ${' '.repeat(Math.max(0, loc.column - 1))}${caret}`;
}

export function githubEscape(s: string, property = false): string {
  let out = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
}

function githubAnnotation(d: Diagnostic): string {
  const loc = locationOf(d);
  const level = d.severity === 'note' ? 'notice' : d.severity;
  const props = loc
    ? `file=${githubEscape(loc.path, true)},line=${loc.line},col=${loc.column},title=${d.code}`
    : `title=${d.code}`;
  const related = d.related.map((r) => ` (related: ${place(r)})`).join('');
  return `::${level} ${props}::${githubEscape(`${d.origin?.pointer || '/'}: ${d.message} (${d.hint})${related}`)}\n`;
}

export function formatDiagnostics(
  ds: readonly Diagnostic[],
  format: OutputFormat,
  options: { color?: boolean; frames?: boolean } = {},
): string {
  if (format === 'json') return JSON.stringify(ds.map(toJson), null, 2) + '\n';
  if (format === 'github') return ds.map(githubAnnotation).join('');
  let out = '';
  for (const d of ds) {
    out += formatLine(d, options.color) + '\n';
    const frame = options.frames ? codeFrame(d, options.color) : '';
    if (frame) out += frame + '\n';
    out += relatedLines(d);
  }
  return out;
}

export function summary(ds: readonly Diagnostic[]): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.filter((d) => d.severity === 'warning').length;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
