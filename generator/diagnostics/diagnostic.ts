/** A problem found in a plan: one shape for the loader, the model, the importers and the checker. */
import { CATALOGUE, type Code } from './catalogue.js';
import { locate, type Location, type Origin } from '../core/source-file.js';

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  hint: string;
  /** Where the problem is; absent only for problems with no place in any file. */
  origin: Origin | undefined;
  /** Other places involved (the first of two colliding names, say). */
  related: Origin[];
}

export type Args = Record<string, string | number>;

/** Fills `{name}` placeholders; a missing argument is a generator bug, so it throws. */
export function fill(template: string, args: Args): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = args[key];
    if (value === undefined) throw new Error(`internal: diagnostic argument {${key}} missing`);
    return String(value);
  });
}

export function diagnose(code: Code, origin: Origin | undefined, args: Args = {}, related: Origin[] = []): Diagnostic {
  const rule = CATALOGUE[code];
  return {
    code,
    severity: rule.severity,
    message: fill(rule.message, args),
    hint: fill(rule.hint, args),
    origin,
    related,
  };
}

export function locationOf(d: Diagnostic): Location | undefined {
  return d.origin ? locate(d.origin.file, d.origin.offset) : undefined;
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** By file, then position, then code: the order a person fixes them in. Stable for equal keys. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => {
    const pa = a.origin?.file.path ?? '';
    const pb = b.origin?.file.path ?? '';
    if (pa !== pb) return pa < pb ? -1 : 1;
    const oa = a.origin?.offset ?? -1;
    const ob = b.origin?.offset ?? -1;
    if (oa !== ob) return oa - ob;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
