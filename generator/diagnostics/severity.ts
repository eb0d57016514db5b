/**
 * Severities set by the user: the config's (and the library API's) `severity`, and a transformation policy's. One
 * rule for what may change, wherever it is written: a warning or a note may become an error, stay a warning or be
 * turned off; an error may become a warning only where what CleverTap then does is known and loses no other data
 * (DOWNGRADABLE); every other error stays one.
 */
import { CATALOGUE, DOWNGRADABLE, type Code } from './catalogue.js';
import type { Diagnostic } from './diagnostic.js';

export const SEVERITY_LEVELS = ['error', 'warning', 'off'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** Why `code` cannot be set to `level`, in words (the `consequence` of CT604 and CT905), or undefined if it can. */
export function severityRefusal(code: Code, level: SeverityLevel): string | undefined {
  if (CATALOGUE[code].severity !== 'error') return undefined;
  const known = DOWNGRADABLE[code];
  if (known === undefined)
    return 'it is an error and stays one: a plan that breaks it loses or merges data in CleverTap (a name or key changed or deleted, an event or value dropped) or gets a client that cannot be correct';
  return level === 'off' ? `it can be made a warning (${known}), not turned off` : undefined;
}

/** The codes whose severity can be set, each with the levels it takes (config.schema.json mirrors this). */
export function settableSeverities(): Array<[Code, SeverityLevel[]]> {
  return (Object.keys(CATALOGUE) as Code[])
    .map((code): [Code, SeverityLevel[]] => [code, SEVERITY_LEVELS.filter((l) => !severityRefusal(code, l))])
    .filter(([, levels]) => levels.length > 0);
}

/**
 * Applies severities (a code left out keeps its own); `by` names where they were set, for the hint of an error made
 * a warning, which says what CleverTap does instead. A level the rule refuses is not applied (the readers report it).
 */
export function applySeverities(
  ds: readonly Diagnostic[],
  levels: ReadonlyMap<string, SeverityLevel> | Readonly<Record<string, SeverityLevel>>,
  by: string,
): Diagnostic[] {
  const get = (code: string): SeverityLevel | undefined =>
    levels instanceof Map
      ? levels.get(code)
      : Object.hasOwn(levels, code)
        ? (levels as Record<string, SeverityLevel>)[code]
        : undefined;
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const level = get(d.code);
    if (level === undefined || level === d.severity || severityRefusal(d.code, level)) out.push(d);
    else if (level === 'off') continue;
    else {
      const why = d.severity === 'error' ? DOWNGRADABLE[d.code] : undefined;
      out.push({ ...d, severity: level, ...(why && { hint: `${d.hint}; made a warning by ${by}: ${why}` }) });
    }
  }
  return out;
}
