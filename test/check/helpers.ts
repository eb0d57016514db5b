/** Table-test helpers for the checker: a plan text in a temp file, through the whole pipeline, as short strings. */
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { validate } from '../../generator/pipeline.js';
import { brief, writePlan } from '../helpers/plan.js';

export { brief };
/** Writes `text` to a fresh scratch file and returns its path. */
export const writeTemp = writePlan;

export function check(text: string): Diagnostic[] {
  return validate(writeTemp(text)).diagnostics;
}

export function briefs(text: string): string[] {
  return check(text).map(brief);
}

/** A plan with these events, one per line from line 3 on: `"Name": {...}` at 3:5, 4:5, ... */
export function eventsPlan(...events: string[]): string {
  return `{\n  "name": "T", "events": {\n${events.map((e) => `    ${e}`).join(',\n')}\n  }\n}\n`;
}

/** A plan whose one event "E" (at 3:5) has these properties, one per line from line 4 on, at column 7. */
export function propsPlan(...props: string[]): string {
  return `{\n  "name": "T", "events": {\n    "E": { "properties": {\n${props.map((p) => `      ${p}`).join(',\n')}\n    } }\n  }\n}\n`;
}

/** A plan with no events and these identify traits, one per line from line 3 on, at column 5. */
export function traitsPlan(...traits: string[]): string {
  return `{\n  "name": "T", "events": {}, "identify": { "properties": {\n${traits.map((t) => `    ${t}`).join(',\n')}\n  } }\n}\n`;
}
