/** Diagnostics as text (with a code frame on a terminal), JSON, or GitHub Actions annotations. */
import { locationOf, type Diagnostic } from './diagnostic.js';

export type OutputFormat = 'text' | 'json' | 'github';

export interface JsonDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  pointer: string | null;
  code: string;
  severity: string;
  message: string;
  hint: string;
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  const loc = locationOf(d);
  return {
    file: loc?.path ?? null,
    line: loc?.line ?? null,
    column: loc?.column ?? null,
    pointer: d.origin?.pointer ?? null,
    code: d.code,
    severity: d.severity,
    message: d.message,
    hint: d.hint,
  };
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', note: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };

/** `plan.json:14:9 error CT104 /events/Order Completed/properties/items: message (hint)` */
export function formatLine(d: Diagnostic, color = false): string {
  const loc = locationOf(d);
  const where = loc ? `${loc.path}:${loc.line}:${loc.column}` : '';
  const severity = color ? `${COLORS[d.severity]}${d.severity}${COLORS.reset}` : d.severity;
  const pointer = d.origin ? ` ${d.origin.pointer || '/'}` : '';
  return `${where}${where ? ' ' : ''}${severity} ${d.code}${pointer}: ${d.message} (${d.hint})`;
}

/** The line of the plan the diagnostic points at, with a caret under the column. */
export function codeFrame(d: Diagnostic, color = false): string {
  const loc = locationOf(d);
  if (!loc || !d.origin) return '';
  const lines = d.origin.file.text.split('\n');
  const text = (lines[loc.line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
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

export function formatDiagnostics(ds: readonly Diagnostic[], format: OutputFormat, options: { color?: boolean; frames?: boolean } = {}): string {
  if (format === 'json') return JSON.stringify(ds.map(toJson), null, 2) + '\n';
  if (format === 'github') {
    return ds
      .map((d) => {
        const loc = locationOf(d);
        const level = d.severity === 'note' ? 'notice' : d.severity;
        const props = loc ? `file=${githubEscape(loc.path, true)},line=${loc.line},col=${loc.column},title=${d.code}` : `title=${d.code}`;
        return `::${level} ${props}::${githubEscape(`${d.origin?.pointer || '/'}: ${d.message} (${d.hint})`)}\n`;
      })
      .join('');
  }
  return ds
    .map((d) => {
      const frame = options.frames ? codeFrame(d, options.color) : '';
      return formatLine(d, options.color) + '\n' + (frame ? frame + '\n' : '');
    })
    .join('');
}

export function summary(ds: readonly Diagnostic[]): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.filter((d) => d.severity === 'warning').length;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
