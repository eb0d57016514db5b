/**
 * Where the checker looks: every place of a plan that holds a value schema (an event's property, a Charged item's
 * property, a trait, an additionalProperties schema), and small helpers over TypeNodes. Rules read only these.
 */
import { PROHIBITED_CHARACTERS } from '../clevertap/facts.js';
import type { Origin } from '../core/source-file.js';
import type { EventNode, Plan, Property, Trait, TypeNode } from '../model/ir.js';

export type SiteRole = 'property' | 'item' | 'trait' | 'extra';

export interface ValueSite {
  role: SiteRole;
  /** How messages name the site: "property", "Charged item property", "trait", "additionalProperties of event". */
  what: string;
  name: string;
  type: TypeNode;
  /** The property's key (or the additionalProperties keyword). */
  origin: Origin;
  event: EventNode | undefined;
  trait: Trait | undefined;
}

/** The same fold for every "equal ignoring case" rule. */
export const fold = (s: string): string => s.trim().toLowerCase();

/** `Charged`'s `Items` property, which is the one place CleverTap takes an array. */
export const isChargedItems = (e: EventNode, p: Property): boolean => e.isCharged && p.name === 'Items';

/** The object schema of Charged's items, when `Items` is an array of objects (possibly nullable). */
export function chargedItemObject(p: Property): (TypeNode & { kind: 'object' }) | undefined {
  const t = withoutNull(p.type);
  return t.kind === 'array' && t.items?.kind === 'object' ? t.items : undefined;
}

/** The members of a union (flattened), or the type itself. */
export function membersOf(t: TypeNode): TypeNode[] {
  return t.kind === 'union' ? t.members.flatMap(membersOf) : [t];
}

/** The type without its `null` members: `["string", "null"]` reads as string. An all-null union stays as it is. */
export function withoutNull(t: TypeNode): TypeNode {
  if (t.kind !== 'union') return t;
  const rest = membersOf(t).filter((m) => m.kind !== 'null');
  if (rest.length === 0) return t;
  return rest.length === 1 ? rest[0]! : { ...t, members: rest };
}

export function allowsNull(t: TypeNode): boolean {
  return t.kind === 'union' ? membersOf(t).some((m) => m.kind === 'null') : t.kind === 'null';
}

/** A multi-value profile property: an array (possibly nullable). */
export const isMultiValue = (t: TypeNode): boolean => withoutNull(t).kind === 'array';

/** Sorted by position in the file: "the first" of two colliding names is the one written first. */
export function byPosition<T extends { origin: Origin }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => {
    const pa = a.origin.file.path;
    const pb = b.origin.file.path;
    return pa !== pb ? (pa < pb ? -1 : 1) : a.origin.offset - b.origin.offset;
  });
}

/** Groups items by key, keeping groups of two or more, each sorted by position. */
export function collisions<T extends { origin: Origin }>(xs: readonly T[], key: (x: T) => string | undefined): T[][] {
  // Collisions are rare: remember each key's first item, and make a group only for a key seen twice
  const first = new Map<string, T>();
  let groups: Map<string, T[]> | undefined;
  for (const x of xs) {
    const k = key(x);
    if (k === undefined) continue;
    const f = first.get(k);
    if (f === undefined) {
      first.set(k, x);
      continue;
    }
    groups ??= new Map();
    const g = groups.get(k);
    if (g) g.push(x);
    else groups.set(k, [f, x]);
  }
  if (groups === undefined) return [];
  // In the order of each key's first item, as a single pass with groups of one would give
  const out: T[][] = [];
  for (const k of first.keys()) {
    const g = groups.get(k);
    if (g) out.push(byPosition(g));
  }
  return out;
}

/** "a string", "an integer", "a union of string and number", for messages. */
export function describeType(t: TypeNode): string {
  switch (t.kind) {
    case 'number':
      return t.integer ? 'an integer' : 'a number';
    case 'union':
      if (t.members.length === 0) return 'an empty enum';
      return `a union of ${t.members.map((m) => describeType(m).replace(/^an? /, '')).join(' and ')}`;
    case 'untyped':
      return 'a schema with no type';
    case 'scalar':
      return 'any scalar';
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'date':
      return `a ${t.format}`;
    default:
      return `a ${t.kind}`;
  }
}

/** Any prohibited character (each escaped for a character class): one scan of a name, which nearly always has none. */
const ANY_PROHIBITED = new RegExp(`[${PROHIBITED_CHARACTERS.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`);

/** The prohibited characters in a name or key, each once, in the catalogue's order. */
export function prohibitedIn(name: string): string[] {
  return ANY_PROHIBITED.test(name) ? PROHIBITED_CHARACTERS.filter((c) => name.includes(c)) : [];
}

/** `"."`, `"." and ":"`, `"&", "." and ":"`. */
export function quoteList(xs: readonly string[]): string {
  const q = xs.map((x) => JSON.stringify(x));
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

function site(
  role: SiteRole,
  what: string,
  name: string,
  type: TypeNode,
  origin: Origin,
  event: EventNode | undefined,
  trait: Trait | undefined,
): ValueSite {
  // Every site has the same keys, in the same order: one object shape for the rules that read them
  return { role, what, name, type, origin, event, trait };
}

function addEventSites(e: EventNode, out: ValueSite[]): void {
  // Index loops in the per-property paths: for...of allocates iterator results until the code is optimised
  for (let i = 0; i < e.properties.length; i++) {
    const p = e.properties[i]!;
    if (!isChargedItems(e, p)) {
      out.push(site('property', 'property', p.name, p.type, p.origin, e, undefined));
      continue;
    }
    const item = chargedItemObject(p);
    if (!item) continue; // the Charged rules report the shape of Items
    for (const ip of item.properties)
      out.push(site('item', 'Charged item property', ip.name, ip.type, ip.origin, e, undefined));
    if (item.additional !== false) {
      out.push(
        site(
          'extra',
          'additionalProperties of Charged',
          'Items',
          item.additional,
          item.additional.origin,
          e,
          undefined,
        ),
      );
    }
  }
  if (e.additional !== false)
    out.push(site('extra', 'additionalProperties of event', e.name, e.additional, e.additional.origin, e, undefined));
}

/** Every value site of the plan, in IR order (the pipeline sorts diagnostics by position). */
function valueSites(plan: Plan): ValueSite[] {
  const out: ValueSite[] = [];
  for (const e of plan.events) addEventSites(e, out);
  const identify = plan.identify;
  if (identify) {
    for (const t of identify.traits) out.push(site('trait', 'trait', t.name, t.type, t.origin, undefined, t));
    if (identify.additional !== false) {
      out.push(
        site(
          'extra',
          'additionalProperties of',
          'identify',
          identify.additional,
          identify.additional.origin,
          undefined,
          undefined,
        ),
      );
    }
  }
  return out;
}

/** The objects whose keys CleverTap sees: each event's properties, each Charged item's, the traits. */
export interface KeyGroup {
  /** "event \"Signed Up\"", "Charged \"Items\"", "identify". */
  what: string;
  role: 'event' | 'item' | 'identify';
  properties: Property[];
  origin: Origin;
}

function keyGroups(plan: Plan): KeyGroup[] {
  const out: KeyGroup[] = [];
  for (const e of plan.events) {
    out.push({ what: `event ${JSON.stringify(e.name)}`, role: 'event', properties: e.properties, origin: e.origin });
    if (!e.isCharged) continue;
    for (const p of e.properties) {
      const item = isChargedItems(e, p) ? chargedItemObject(p) : undefined;
      if (item) out.push({ what: 'Charged "Items"', role: 'item', properties: item.properties, origin: item.origin });
    }
  }
  if (plan.identify)
    out.push({ what: 'identify', role: 'identify', properties: plan.identify.traits, origin: plan.identify.origin });
  return out;
}

/** What the rules walk, built once per check: every rule over value sites or key groups shares these. */
export interface PlanSites {
  values: ValueSite[];
  keyGroups: KeyGroup[];
}

export function planSites(plan: Plan): PlanSites {
  return { values: valueSites(plan), keyGroups: keyGroups(plan) };
}
