/** Writes a plan to a scratch file and runs the pipeline on it; diagnostics as `line:col severity code` strings. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { locationOf, type Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { generate, validate } from '../../generator/pipeline.js';
import { scratch } from './paths.js';

export function writePlan(text: string, name = 'plan.json'): string {
  const path = join(scratch('plan'), name);
  writeFileSync(path, text);
  return path;
}

export function brief(d: Diagnostic): string {
  const loc = locationOf(d);
  return `${loc ? `${loc.line}:${loc.column} ` : ''}${d.severity} ${d.code}`;
}

export function validateText(text: string): Diagnostic[] {
  return validate(writePlan(text)).diagnostics;
}

export function generateText(text: string) {
  return generate(writePlan(text));
}

/** A plan object as pretty JSON (two-space indent, so positions are easy to predict). */
export function planJson(plan: unknown): string {
  return JSON.stringify(plan, null, 2) + '\n';
}
