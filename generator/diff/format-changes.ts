/** A plan diff as text, JSON, or GitHub Actions annotations (breaking changes as errors, safe ones as notices). */
import { githubEscape, type OutputFormat } from '../diagnostics/format.js';
import { locate } from '../core/source-file.js';
import { isBreaking, type Change } from './diff-plans.js';

export interface JsonChange {
  kind: Change['kind'];
  breaking: boolean;
  app: boolean;
  data: boolean;
  event: string | null;
  property: string | null;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  pointer: string | null;
}

export interface DiffSummary {
  breaking: boolean;
  app: number;
  data: number;
  safe: number;
}

export function summarize(changes: readonly Change[]): DiffSummary {
  return {
    breaking: changes.some(isBreaking),
    app: changes.filter((c) => c.app).length,
    data: changes.filter((c) => c.data).length,
    safe: changes.filter((c) => !isBreaking(c)).length,
  };
}

export function toJsonChange(c: Change): JsonChange {
  const loc = c.origin ? locate(c.origin.file, c.origin.offset) : undefined;
  return {
    kind: c.kind,
    breaking: isBreaking(c),
    app: c.app,
    data: c.data,
    event: c.event ?? null,
    property: c.property ?? null,
    message: c.message,
    file: loc?.path ?? null,
    line: loc?.line ?? null,
    column: loc?.column ?? null,
    pointer: c.origin?.pointer ?? null,
  };
}

const label = (c: Change): string =>
  c.app && c.data ? 'breaking (app, data)' : c.app ? 'breaking (app)' : c.data ? 'breaking (data)' : 'safe';

/** Breaking changes first (app, then data), then safe ones; in plan order within each. */
function ordered(changes: readonly Change[]): Change[] {
  const rank = (c: Change): number => (c.app ? 0 : c.data ? 1 : 2);
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

export function formatChanges(changes: readonly Change[], format: OutputFormat): string {
  const s = summarize(changes);
  if (format === 'json') return JSON.stringify({ ...s, changes: changes.map(toJsonChange) }, null, 2) + '\n';
  if (format === 'github') {
    return ordered(changes)
      .map((c) => {
        const j = toJsonChange(c);
        const level = isBreaking(c) ? 'error' : 'notice';
        const title = `codegen diff: ${label(c)}`;
        const props = j.file
          ? `file=${githubEscape(j.file, true)},line=${j.line},col=${j.column},title=${githubEscape(title, true)}`
          : `title=${githubEscape(title, true)}`;
        return `::${level} ${props}::${githubEscape(c.message)}\n`;
      })
      .join('');
  }
  const lines = ordered(changes).map((c) => {
    const j = toJsonChange(c);
    return `${j.file ? `${j.file}:${j.line}:${j.column} ` : ''}${label(c)}: ${c.message}\n`;
  });
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const total = changes.filter(isBreaking).length;
  const tail =
    changes.length === 0
      ? 'no changes to events, properties or traits\n'
      : `${plural(total, 'breaking change')} (app: ${s.app}, data: ${s.data}), ${plural(s.safe, 'safe change')}\n`;
  return lines.join('') + tail;
}
