/** `--explain`: per event, what the transformation policy renamed, flattened, joined or dropped. */
import type { EventNode, Plan, TransformChange } from '../model/ir.js';
import { JOIN_SEPARATOR } from './apply.js';

/** One change in words: `product.id → product_id (flattened)`. */
export function describeChange(c: TransformChange): string {
  switch (c.action) {
    case 'renamed':
    case 'sanitized':
      return `${c.from} → ${c.to} (${c.action})`;
    case 'flattened':
      return `${c.from} → ${c.to} (flattened)`;
    case 'joined':
      return `${c.from} → ${c.to} (values joined with ${JSON.stringify(JOIN_SEPARATOR)} into one string)`;
    case 'json':
      return `${c.from} → ${c.to} (as a JSON string)`;
    case 'counted':
      return `${c.from} → ${c.to} (its number of values)`;
    case 'dropped':
      return `${c.from} is not sent (${c.why ?? 'dropped by the policy'})`;
    case 'scalar':
      return `${c.from} has no type: any scalar (a string, number, boolean or date)`;
  }
}

function eventLines(e: EventNode): string[] {
  const t = e.transform;
  if (!t) return [];
  const title =
    t.planned.name === e.name
      ? JSON.stringify(e.name)
      : `${JSON.stringify(t.planned.name)} → ${JSON.stringify(e.name)}`;
  const lines = [title];
  for (const c of t.changes) {
    // The event's own rename is in the title
    if ((c.action === 'renamed' || c.action === 'sanitized') && c.from === t.planned.name && c.to === e.name) continue;
    lines.push(`  ${describeChange(c)}`);
  }
  if (t.fields) lines.push(`  CleverTap receives: ${t.fields.map((f) => f.key).join(', ') || 'no properties'}`);
  return lines;
}

/** The whole explanation: transformed events (by plan name), then the events left out, then a count of the rest. */
export function explain(plan: Plan, excluded: readonly string[] = []): string {
  const lines: string[] = [];
  const changed = plan.events.filter((e) => e.transform);
  for (const e of changed) lines.push(...eventLines(e));
  if (excluded.length > 0) lines.push(`left out by "events": ${excluded.map((n) => JSON.stringify(n)).join(', ')}`);
  const same = plan.events.length - changed.length;
  lines.push(
    `${changed.length} event${changed.length === 1 ? '' : 's'} transformed, ${same} sent as the plan writes ${same === 1 ? 'it' : 'them'}, ${excluded.length} left out`,
  );
  return lines.join('\n') + '\n';
}
