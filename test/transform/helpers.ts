/** Table-test helpers for transformations: a native plan with a `"transform"`, through validate, as short strings. */
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import type { EventNode, TypeNode } from '../../generator/model/ir.js';
import { validate } from '../../generator/pipeline.js';
import { brief, planJson, writePlan } from '../helpers/plan.js';

export interface Run {
  diagnostics: Diagnostic[];
  events: EventNode[];
}

/** A plan with these events (name -> event schema) and this policy (or none), validated. */
export function run(events: Record<string, unknown>, transform?: unknown, extra: Record<string, unknown> = {}): Run {
  const plan = { name: 'T', ...(transform !== undefined && { transform }), events, ...extra };
  const result = validate(writePlan(planJson(plan)));
  return { diagnostics: result.diagnostics, events: result.plan?.events ?? [] };
}

/** One event "E" with these properties (and `required`). */
export function runProps(properties: Record<string, unknown>, transform?: unknown, required: string[] = []): Run {
  return run({ E: { properties, ...(required.length > 0 && { required }) } }, transform);
}

/** `severity CODE pointer`: where and what, without line numbers (the plans are written by JSON.stringify). */
export function where(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.origin?.pointer ?? '-'}`;
}

export const wheres = (r: Run): string[] => r.diagnostics.map(where);

function kind(t: TypeNode): string {
  if (t.kind === 'union') return t.members.map(kind).join('|');
  if (t.kind === 'string' && t.maxLength !== undefined) return `string(${t.maxLength})`;
  if (t.kind === 'number') return t.integer ? 'integer' : 'number';
  return t.kind;
}

/** The CleverTap-shaped properties of an event: `key:kind` (`?` when optional). */
export function keys(e: EventNode | undefined): string[] {
  return (e?.properties ?? []).map((p) => `${p.name}${p.required ? '' : '?'}:${kind(p.type)}`);
}

/** The mapping of an event: `path -> key (how)`. */
export function fields(e: EventNode | undefined): string[] | undefined {
  return e?.transform?.fields?.map((f) => `${f.path.join('.')} -> ${f.key}${f.how === 'value' ? '' : ` (${f.how})`}`);
}

export { brief };
