/**
 * Tells the plan formats apart by shape alone. Deliberately conservative: a file that merely resembles a plan
 * (a bare JSON Schema, an Avo or Ampli export) is `undefined`, so the user is asked to name the format
 * instead of getting a conversion that means something else.
 */
import { isIgluSchema } from './iglu.js';
import { hasOwn, isObject, type Json } from './origins.js';
import type { ImportFormat } from './plan-builder.js';
import { RUDDER_CALLS } from './rudderstack.js';

export type PlanFormat = 'native' | ImportFormat;

/** Top-level keys that never appear in a native plan but do in other formats' files. */
const FOREIGN_TOP_LEVEL = ['rules', 'self', 'properties', 'types', 'type'];

/** Marks of RudderStack's data catalog on a plan's top level. */
const RUDDER_TOP_LEVEL = ['creationType', 'workspaceId', 'config'];

function isRuleEntry(value: unknown): boolean {
  return (
    isObject(value) && (isObject(value.jsonSchema) || (typeof value.key === 'string' && typeof value.type === 'string'))
  );
}

function isEventEntry(value: unknown): value is Json {
  return isObject(value) && typeof value.name === 'string' && (value.rules === undefined || isObject(value.rules));
}

/** An entry written by RudderStack: a call type, an identity section, an `ev_` id or a SchemaVer version. */
function isRudderEntry(e: Json): boolean {
  return (
    typeof e.eventType === 'string' ||
    typeof e.identitySection === 'string' ||
    (typeof e.id === 'string' && e.id.startsWith('ev_')) ||
    (typeof e.version === 'string' && /^\d+-\d+-\d+$/.test(e.version))
  );
}

/** Segment or RudderStack, from an event list; undefined for lists neither writes (Avo's `eventType: "event"`). */
function listFormat(top: Json, list: unknown[]): PlanFormat | undefined {
  if (!list.every(isEventEntry)) return undefined;
  const entries = list as Json[];
  const types = entries.map((e) => e.eventType).filter((t) => t !== undefined);
  if (types.some((t) => typeof t !== 'string' || !hasOwn(RUDDER_CALLS, t.toLowerCase()))) return undefined;
  if (RUDDER_TOP_LEVEL.some((k) => hasOwn(top, k)) || entries.some(isRudderEntry)) return 'rudderstack';
  return 'segment';
}

export function detectFormat(value: unknown): PlanFormat | undefined {
  if (!isObject(value)) return undefined;
  if (isIgluSchema(value)) return 'iglu';
  const rules = value.rules;
  if (Array.isArray(rules)) return rules.every(isRuleEntry) ? 'segment' : undefined;
  if (isObject(rules)) return Array.isArray(rules.events) ? listFormat(value, rules.events) : undefined;
  // An empty list tells no format: without another mark it is a native plan's wrong events, which its reader reports
  const marked = [...FOREIGN_TOP_LEVEL, ...RUDDER_TOP_LEVEL].some((k) => hasOwn(value, k));
  if (Array.isArray(value.events) && (value.events.length > 0 || marked)) return listFormat(value, value.events);
  // A native plan whose events are not an object (null, a string) is still a native plan: its reader says what is wrong
  if (hasOwn(value, 'events') && !FOREIGN_TOP_LEVEL.some((k) => hasOwn(value, k))) return 'native';
  return undefined;
}
