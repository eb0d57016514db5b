/**
 * Segment Protocols / Typewriter plans, in their three shapes:
 * - Public API (`rules[]` of `{key, type, jsonSchema, version}`): TRACK rules are events, the IDENTIFY rule is
 *   the identify traits, other calls are skipped; `jsonSchema` is either the raw API envelope
 *   (`properties.properties`) or Typewriter's unwrapped copy (marked by `eventMetadata`);
 * - Config API (`rules.events[]`, `rules.identify_traits`), as Typewriter v7 saved it;
 * - older local plans: top-level `events[]`.
 */
import { buildEventSchema, unwrapEnvelope } from './event-schema.js';
import { addEventList, addIdentifyRules, addTraitLists, TRACK_ONLY, typeName, type Classify } from './event-list.js';
import { isObject, memberOr, originOr, type Json } from './origins.js';
import type { PlanBuilder } from './plan-builder.js';

function addTrackRule(b: PlanBuilder, rule: Json, doc: Json | undefined, name: string): void {
  const origin = originOr(rule, b.root);
  const unwrapped = doc && isObject(doc.eventMetadata) ? { schema: doc, path: [] } : unwrapEnvelope(doc, 'properties');
  b.addEvent({
    name,
    nameOrigin: memberOr(rule, 'key', origin),
    version: rule.version,
    build: () => buildEventSchema(b, { doc, unwrapped, describedBy: [doc, rule], origin, target: ['events', name] }),
  });
}

function ruleName(rule: Json, doc: Json | undefined): string | undefined {
  if (typeof rule.key === 'string') return rule.key;
  const meta = doc?.eventMetadata;
  return isObject(meta) && typeof meta.name === 'string' ? meta.name : undefined;
}

function addRule(b: PlanBuilder, rule: Json, index: number): void {
  const origin = originOr(rule, b.root);
  const doc = isObject(rule.jsonSchema) ? rule.jsonSchema : undefined;
  if (rule.jsonSchema !== undefined && !doc) {
    b.malformed(
      `"jsonSchema" of rules[${index}] must be an object (a JSON Schema), not ${typeName(rule.jsonSchema)}`,
      memberOr(rule, 'jsonSchema', origin),
    );
    return;
  }
  const type = typeof rule.type === 'string' ? rule.type.toUpperCase() : 'TRACK';
  const name = ruleName(rule, doc);
  if (type === 'IDENTIFY') {
    addIdentifyRules(b, rule, doc ?? {}, 'traits');
    return;
  }
  if (type !== 'TRACK') {
    b.skipped(type.toLowerCase(), name ?? '', memberOr(rule, 'key', origin));
    return;
  }
  if (name === undefined) {
    b.malformed(`rules[${index}] has no "key" (a string), so the event cannot be named`, origin);
    return;
  }
  addTrackRule(b, rule, doc, name);
}

/** The Public API shape: `rules` is an array of rules. */
export function addRuleArray(b: PlanBuilder, rules: unknown[]): void {
  b.setEventsOrigin(originOr(rules, b.root));
  rules.forEach((rule, index) => {
    if (isObject(rule)) addRule(b, rule, index);
    else
      b.malformed(`rules[${index}] must be an object (a rule), not ${typeName(rule)}`, memberOr(rules, index, b.root));
  });
}

/**
 * The shapes Segment and RudderStack share: `rules[]`, `rules.events[]` or a top-level `events[]`. Returns false
 * (having reported CT051) when the value has none of them.
 */
export function addSharedShapes(b: PlanBuilder, top: unknown, classify: Classify): boolean {
  if (!isObject(top)) {
    b.malformed(`a plan file must hold a JSON object, not ${typeName(top)}`, b.root);
    return false;
  }
  b.takeMeta(top);
  const rules = top.rules;
  if (Array.isArray(rules)) {
    addRuleArray(b, rules);
  } else if (isObject(rules) && Array.isArray(rules.events)) {
    addEventList(b, rules.events, 'rules.events', classify);
    addTraitLists(b, rules);
  } else if (rules === undefined && Array.isArray(top.events)) {
    addEventList(b, top.events, 'events', classify);
    addTraitLists(b, top);
  } else {
    const origin = rules === undefined ? b.root : memberOr(top, 'rules', b.root);
    b.malformed(
      'expected "rules" (an array of rules, or an object with an "events" array) or a top-level "events" array',
      origin,
    );
    return false;
  }
  return true;
}

export function importSegment(b: PlanBuilder, top: unknown): void {
  addSharedShapes(b, top, TRACK_ONLY);
}
