/**
 * The event list shared by Segment's Config API plans (`rules.events[]`), older local plans (top-level
 * `events[]`) and RudderStack plans: `{name, description, rules, version, eventType?}` per event, where `rules`
 * is a JSON Schema of the whole call with the event's properties under `properties.properties`.
 */
import { buildEventSchema, unwrapEnvelope } from './event-schema.js';
import { isObject, memberOr, originOr, type Json } from './origins.js';
import type { PlanBuilder } from './plan-builder.js';

/** What a list entry is: a track event, the identify traits, or a call to skip (its kind, for CT052). */
export type EntryKind = { call: 'track' | 'identify'; section: string } | { skip: string };

export type Classify = (entry: Json) => EntryKind;

export const TRACK_ONLY: Classify = () => ({ call: 'track', section: 'properties' });

/** How a message names the kind of a JSON value: "an array", "a string", "null". */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Adds the identify traits described by `doc`, a rules document (`entry.rules`, a rule's `jsonSchema`, or the
 * entry itself when it is a bare JSON Schema).
 */
export function addIdentifyRules(
  b: PlanBuilder,
  entry: Json,
  doc: Json = isObject(entry.rules) ? entry.rules : entry,
  section = 'traits',
): void {
  const origin = originOr(entry, b.root);
  b.addIdentify({
    name: 'identify',
    nameOrigin: memberOr(entry, 'name', memberOr(entry, 'key', origin)),
    version: entry.version,
    build: () =>
      buildEventSchema(b, {
        doc,
        unwrapped: unwrapEnvelope(doc, section),
        describedBy: [doc, entry],
        origin,
        target: ['identify'],
      }),
  });
}

function addEntry(b: PlanBuilder, entry: Json, index: number, where: string, classify: Classify): void {
  const origin = originOr(entry, b.root);
  const kind = classify(entry);
  const name = entry.name;
  if ('skip' in kind) {
    b.skipped(kind.skip, typeof name === 'string' ? name : '', memberOr(entry, 'name', origin));
    return;
  }
  if (kind.call === 'identify') {
    addIdentifyRules(b, entry, isObject(entry.rules) ? entry.rules : {}, kind.section);
    return;
  }
  if (typeof name !== 'string') {
    b.malformed(
      `${where}[${index}] has no "name" (a string), so the event cannot be named`,
      memberOr(entry, 'name', origin),
    );
    return;
  }
  const rules = entry.rules;
  if (rules !== undefined && !isObject(rules)) {
    b.malformed(
      `"rules" of event "${name}" must be an object (a JSON Schema), not ${typeName(rules)}`,
      memberOr(entry, 'rules', origin),
    );
    return;
  }
  b.addEvent({
    name,
    nameOrigin: memberOr(entry, 'name', origin),
    version: entry.version,
    build: () =>
      buildEventSchema(b, {
        doc: rules,
        unwrapped: unwrapEnvelope(rules, kind.section),
        describedBy: [entry, rules],
        origin,
        target: ['events', name],
      }),
  });
}

/** Adds every entry of an event list; `where` names the list in messages (`rules.events`). */
export function addEventList(b: PlanBuilder, list: unknown[], where: string, classify: Classify): void {
  b.setEventsOrigin(originOr(list, b.root));
  list.forEach((entry, index) => {
    if (!isObject(entry)) {
      b.malformed(
        `${where}[${index}] must be an object describing an event, not ${typeName(entry)}`,
        memberOr(list, index, b.root),
      );
      return;
    }
    addEntry(b, entry, index, where, classify);
  });
}

/**
 * Identify traits kept beside the event list (`identify_traits`, Config API `identify`): a list of rule entries
 * or one JSON Schema. Group traits are reported as skipped.
 */
export function addTraitLists(b: PlanBuilder, owner: Json): void {
  for (const key of ['identify_traits', 'identify', 'group_traits', 'group']) {
    const value = owner[key];
    const entries = Array.isArray(value) ? value : isObject(value) && Object.keys(value).length > 0 ? [value] : [];
    entries.forEach((entry, index) => {
      const origin = Array.isArray(value) ? memberOr(value, index, b.root) : memberOr(owner, key, b.root);
      if (!isObject(entry)) {
        b.malformed(`${key}[${index}] must be an object (a JSON Schema), not ${typeName(entry)}`, origin);
      } else if (key.startsWith('group')) {
        b.skipped('group', typeof entry.name === 'string' ? entry.name : key, origin);
      } else {
        addIdentifyRules(b, entry);
      }
    });
  }
}
