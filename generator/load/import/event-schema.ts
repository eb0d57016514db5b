/**
 * Turns one event's JSON Schema, as the source formats wrap it, into a native event schema: the object schema
 * itself (property schemas are reused, not cloned), with the event's description wherever it was written and
 * without the wrapping metadata (`$schema`, `labels`, `eventMetadata`, `self`, ids).
 */
import type { Origin } from '../../core/source-file.js';
import { normalizeSchema, type RefMapping } from './normalize.js';
import { hasOwn, isObject, isStringList, memberOr, newArray, newObject, originOr, put, type Json } from './origins.js';
import type { PlanBuilder } from './plan-builder.js';

/** The keys of a Segment/RudderStack rules envelope: which part of the call each schema describes. */
const ENVELOPE = new Set(['context', 'properties', 'traits']);

/** Metadata of the wrapping formats, not part of what the event's properties are. */
const METADATA = new Set(['$schema', '$id', 'id', 'labels', 'eventMetadata', 'self']);

export interface Unwrapped {
  /** The object schema of the section; `undefined` when the rules do not describe it. */
  schema: unknown;
  /** Its pointer tokens inside the rules document. */
  path: string[];
  /**
   * Names listed in a `required` that sits inside the envelope (`rules.properties.required`) rather than in the
   * section's schema: a quirk of hand-edited plans, moved to the section's `required`.
   */
  misplacedRequired?: unknown[];
}

/**
 * The schema of one section (`properties` for track, `traits` for identify) of a rules document shaped
 * `{properties: {context, properties, traits}}`. Rules that are not such an envelope are the schema themselves.
 */
export function unwrapEnvelope(rules: unknown, section: string): Unwrapped {
  if (!isObject(rules)) return { schema: undefined, path: [] };
  const sections = rules.properties;
  if (!isObject(sections)) return { schema: rules, path: [] };
  const required = sections.required;
  const quirk = isStringList(required) ? required.filter((n) => !ENVELOPE.has(n)) : [];
  const keys = Object.keys(sections).filter((k) => !(k === 'required' && isStringList(required)));
  if (!keys.every((k) => ENVELOPE.has(k))) return { schema: rules, path: [] };
  const misplacedRequired = quirk.length > 0 ? quirk : undefined;
  // a dotted section ("context.traits") descends through nested envelopes
  let node: unknown = sections;
  const path = ['properties'];
  for (const [i, token] of section.split('.').entries()) {
    if (i > 0) {
      node = isObject(node) ? node.properties : undefined;
      path.push('properties');
    }
    if (!isObject(node) || !hasOwn(node, token)) return { schema: undefined, path: [], misplacedRequired };
    node = node[token];
    path.push(token);
  }
  return { schema: node, path, misplacedRequired };
}

export interface EventSource {
  /** The whole schema document (`rules`, `jsonSchema`, an Iglu file): base of `#` refs, home of `$defs`. */
  doc: unknown;
  unwrapped: Unwrapped;
  /** Objects whose `description` describes the event, most specific first. */
  describedBy: unknown[];
  /** Where the event itself is written: the origin of an event without a schema. */
  origin: Origin;
  /** Where the schema lands in the native plan: `['events', name]` or `['identify']`. */
  target: string[];
}

function addDescription(out: Json, describedBy: unknown[], fallback: Origin): void {
  for (const owner of describedBy) {
    if (isObject(owner) && typeof owner.description === 'string' && owner.description !== '') {
      put(out, 'description', owner.description, memberOr(owner, 'description', fallback));
      return;
    }
  }
}

function addRequired(out: Json, names: unknown[], owner: unknown, fallback: Origin): void {
  const items: Array<{ value: unknown; origin: Origin }> = [];
  const seen = new Set<unknown>();
  const existing = Array.isArray(out.required) ? out.required : [];
  existing.forEach((v, i) => {
    seen.add(v);
    items.push({ value: v, origin: memberOr(existing, i, fallback) });
  });
  const sourceList = isObject(owner) && Array.isArray(owner.required) ? owner.required : [];
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    items.push({ value: name, origin: memberOr(sourceList, sourceList.indexOf(name), fallback) });
  }
  const origin = Array.isArray(out.required) ? originOr(out.required, fallback) : originOr(sourceList, fallback);
  put(
    out,
    'required',
    newArray(origin, items),
    Array.isArray(out.required) ? memberOr(out, 'required', fallback) : memberOr(owner, 'required', fallback),
  );
}

/** The native schema of one event (or of the identify traits). */
export function buildEventSchema(b: PlanBuilder, src: EventSource): unknown {
  const { schema, path, misplacedRequired } = src.unwrapped;
  const self: RefMapping = { from: path, to: src.target };
  const mappings = isObject(src.doc) ? b.carryDefs(src.doc, [self]) : [self];
  if (schema !== undefined && !isObject(schema)) return schema; // not an object schema: the checker says so
  const base = schema ?? {};
  const origin = originOr(schema, src.origin);
  const normalized = normalizeSchema(base, { mappings, fallback: origin, diagnostics: b.diagnostics }) as Json;
  const movedDefs = schema === src.doc;
  const out = newObject(origin);
  addDescription(out, [normalized, ...src.describedBy], origin);
  for (const key of Object.keys(normalized)) {
    if (METADATA.has(key) || (movedDefs && (key === '$defs' || key === 'definitions'))) continue;
    if (key === 'description' && hasOwn(out, 'description')) continue;
    put(out, key, normalized[key], memberOr(normalized, key, origin));
  }
  if (misplacedRequired) {
    const envelope = isObject(src.doc) ? src.doc.properties : undefined;
    addRequired(out, misplacedRequired, envelope, origin);
  }
  return out;
}
