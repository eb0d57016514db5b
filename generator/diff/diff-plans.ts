/**
 * What changed between two versions of a plan, over the model IR, each change classified: breaking for the app's
 * code (it no longer compiles, or the development checks now refuse what it sends), breaking for CleverTap's data
 * (an event's history splits, or a property starts arriving with another CleverTap type: CleverTap keeps the first
 * type it saw), or safe. A removal and an addition of the same shape are reported as a possible rename.
 */
import type { Origin } from '../core/source-file.js';
import type { EventNode, Plan, Property, Trait, TypeNode } from '../model/ir.js';
import { compareTypes, type MemberChange } from './compare-types.js';

export type ChangeKind =
  | 'event-removed'
  | 'event-added'
  | 'event-renamed'
  | 'property-removed'
  | 'property-added'
  | 'property-renamed'
  | 'property-required'
  | 'property-optional'
  | 'type-narrowed'
  | 'type-widened'
  | 'type-changed'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'additional-closed'
  | 'additional-opened'
  | 'trait-field-changed';

export interface Change {
  kind: ChangeKind;
  /** Breaks the app's code (a compile error, or a development-mode check that now fails). */
  app: boolean;
  /** Breaks CleverTap's data (a renamed event, a property of another CleverTap type). */
  data: boolean;
  /** The event, or undefined for identify's traits. */
  event: string | undefined;
  /** The property (`Items[].sku` inside Charged items), if the change is about one. */
  property: string | undefined;
  message: string;
  /** Where to look: in the new plan when the thing is still there, else its nearest parent there. */
  origin: Origin | undefined;
}

/** A type without its origins: equal shapes stringify equally. */
function shape(t: TypeNode | false | undefined): unknown {
  if (t === false || t === undefined) return t ?? null;
  const { origin: _origin, ...rest } = t as TypeNode & Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (k === 'members') out[k] = (v as TypeNode[]).map(shape);
    else if (k === 'items' || k === 'additional') out[k] = shape(v as TypeNode | false | undefined);
    else if (k === 'properties') out[k] = (v as Property[]).map(propertyShape).sort();
    else out[k] = v;
  }
  return out;
}
const propertyShape = (p: Property): string => JSON.stringify([p.name, p.required, shape(p.type)]);
const typeKey = (p: Property): string => JSON.stringify([p.required, shape(p.type)]);
const eventKey = (e: EventNode): string =>
  JSON.stringify([e.properties.map(propertyShape).sort(), shape(e.additional)]);

/** Pairs of removed and added things with equal keys, where the match is unambiguous (one of each). */
function renames<T>(removed: T[], added: T[], key: (t: T) => string): Array<[T, T]> {
  const count = (xs: T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
    return m;
  };
  const r = count(removed);
  const a = count(added);
  const pairs: Array<[T, T]> = [];
  for (const [k, xs] of r) if (xs.length === 1 && a.get(k)?.length === 1) pairs.push([xs[0]!, a.get(k)![0]!]);
  return pairs;
}

interface Scope {
  event: string | undefined;
  /** "property" or "trait". */
  noun: string;
  /** Where removals point in the new plan. */
  origin: Origin | undefined;
  prefix: string;
}

class Differ {
  readonly changes: Change[] = [];

  add(
    kind: ChangeKind,
    app: boolean,
    data: boolean,
    scope: Scope,
    property: string | undefined,
    message: string,
    origin: Origin | undefined,
  ): void {
    this.changes.push({ kind, app, data, event: scope.event, property, message, origin });
  }

  members(
    olds: Property[],
    news: Property[],
    oldExtra: TypeNode | false,
    newExtra: TypeNode | false,
    scope: Scope,
  ): void {
    const newByName = new Map(news.map((p) => [p.name, p]));
    const oldByName = new Map(olds.map((p) => [p.name, p]));
    const removed = olds.filter((p) => !newByName.has(p.name));
    const added = news.filter((p) => !oldByName.has(p.name));
    const where = scope.event === undefined ? 'identify' : `event "${scope.event}"`;
    const renamed = renames(removed, added, typeKey);
    const pairedOld = new Set(renamed.map(([o]) => o));
    const pairedNew = new Set(renamed.map(([, n]) => n));
    for (const [o, n] of renamed) {
      const was = `${scope.noun} "${scope.prefix}${o.name}" of ${where} removed and "${scope.prefix}${n.name}" added with the same type: a rename? Code sending "${o.name}" no longer compiles`;
      // Two spellings of one profile field (`email` and `Email`) fill the same field: CleverTap's data goes on
      const field = (o as Trait).field;
      if (field !== undefined && field === (n as Trait).field)
        this.add(
          'property-renamed',
          true,
          false,
          scope,
          scope.prefix + n.name,
          `${was}; both fill CleverTap's profile field "${field}"`,
          n.origin,
        );
      else
        this.add(
          'property-renamed',
          true,
          true,
          scope,
          scope.prefix + n.name,
          `${was}, and CleverTap records "${n.name}" as a new ${scope.noun === 'trait' ? 'profile field' : scope.noun}`,
          n.origin,
        );
    }
    for (const p of removed) {
      if (pairedOld.has(p)) continue;
      this.add(
        'property-removed',
        true,
        false,
        scope,
        scope.prefix + p.name,
        `${scope.noun} "${scope.prefix}${p.name}" of ${where} removed`,
        scope.origin,
      );
    }
    for (const p of added) {
      if (pairedNew.has(p)) continue;
      if (p.required)
        this.add(
          'property-added',
          true,
          false,
          scope,
          scope.prefix + p.name,
          `required ${scope.noun} "${scope.prefix}${p.name}" added to ${where}: existing calls lack it`,
          p.origin,
        );
      else
        this.add(
          'property-added',
          false,
          false,
          scope,
          scope.prefix + p.name,
          `optional ${scope.noun} "${scope.prefix}${p.name}" added to ${where}`,
          p.origin,
        );
    }
    for (const o of olds) {
      const n = newByName.get(o.name);
      if (!n) continue;
      const name = scope.prefix + o.name;
      if (!o.required && n.required)
        this.add(
          'property-required',
          true,
          false,
          scope,
          name,
          `${scope.noun} "${name}" of ${where} is now required`,
          n.origin,
        );
      if (o.required && !n.required)
        this.add(
          'property-optional',
          false,
          false,
          scope,
          name,
          `${scope.noun} "${name}" of ${where} is now optional`,
          n.origin,
        );
      const oldField = (o as Trait).field;
      const newField = (n as Trait).field;
      if (oldField !== undefined && newField !== undefined && oldField !== newField) {
        this.add(
          'trait-field-changed',
          false,
          true,
          scope,
          name,
          `trait "${name}" now fills CleverTap's profile field "${newField}", not "${oldField}"`,
          n.origin,
        );
      }
      this.types(o.type, n.type, scope, name, `${scope.noun} "${name}" of ${where}`, n.origin);
    }
    this.extra(oldExtra, newExtra, scope, where);
  }

  private extra(o: TypeNode | false, n: TypeNode | false, scope: Scope, where: string): void {
    if (o !== false && n === false)
      this.add(
        'additional-closed',
        true,
        false,
        scope,
        undefined,
        `${where} no longer accepts properties outside the plan (additionalProperties closed)`,
        scope.origin,
      );
    else if (o === false && n !== false)
      this.add(
        'additional-opened',
        false,
        false,
        scope,
        undefined,
        `${where} now accepts properties outside the plan`,
        scope.origin,
      );
    else if (o !== false && n !== false)
      this.types(o, n, scope, undefined, `extra properties of ${where}`, scope.origin);
  }

  private types(
    o: TypeNode,
    n: TypeNode,
    scope: Scope,
    property: string | undefined,
    what: string,
    origin: Origin | undefined,
  ): void {
    let changes = compareTypes(o, n);
    // A new CleverTap type is one change (string -> number), breaking the data, and the app's code too if values
    // of the old type are no longer accepted
    const retyped = changes.find((c) => c.kind === 'data-type-changed');
    if (retyped) {
      const kinds = changes.filter((c) => c.kindLevel && !c.detail.includes('[]:'));
      const app = kinds.some((c) => c.kind === 'narrowed');
      const words = [
        ...kinds.map((c) => c.detail),
        retyped.detail.replace(/^CleverTap type /, "CleverTap's type "),
      ].join('; ');
      this.add(
        'type-changed',
        app,
        true,
        scope,
        property,
        `${what}: ${words}; CleverTap keeps the type it saw first, so values of the new type may be dropped or not aggregated`,
        origin,
      );
      changes = changes.filter((c) => c !== retyped && !kinds.includes(c));
    }
    for (const c of changes) {
      if (c.kind === 'member') {
        const m = c as MemberChange;
        this.members(m.old.properties, m.new.properties, m.old.additional, m.new.additional, {
          ...scope,
          origin: m.new.origin,
          prefix: `${property ?? ''}${m.path}.`,
        });
      } else if (c.kind === 'narrowed')
        this.add('type-narrowed', true, false, scope, property, `${what} narrowed: ${c.detail}`, origin);
      else if (c.kind === 'widened')
        this.add('type-widened', false, false, scope, property, `${what} widened: ${c.detail}`, origin);
      else if (c.kind === 'enum-value-removed')
        this.add('enum-value-removed', true, false, scope, property, `${what}: ${c.detail}`, origin);
      else if (c.kind === 'enum-value-added')
        this.add('enum-value-added', false, false, scope, property, `${what}: ${c.detail}`, origin);
      else
        this.add(
          'type-changed',
          false,
          true,
          scope,
          property,
          `${what}: ${c.detail}; CleverTap keeps the type it saw first`,
          origin,
        );
    }
  }
}

/** Every change from `before` to `after`, events in name order, then identify. */
export function diffPlans(before: Plan, after: Plan): Change[] {
  const d = new Differ();
  const newByName = new Map(after.events.map((e) => [e.name, e]));
  const oldByName = new Map(before.events.map((e) => [e.name, e]));
  const removed = before.events.filter((e) => !newByName.has(e.name));
  const added = after.events.filter((e) => !oldByName.has(e.name));
  const renamed = renames(removed, added, eventKey);
  const top = (event: string | undefined, origin: Origin | undefined): Scope => ({
    event,
    noun: 'property',
    origin,
    prefix: '',
  });
  for (const [o, n] of renamed) {
    d.add(
      'event-renamed',
      true,
      true,
      top(n.name, n.origin),
      undefined,
      `event "${o.name}" removed and "${n.name}" added with the same properties: a rename? ${o.functionName}() is gone, and CleverTap records "${n.name}" as a new event (its history stays under "${o.name}")`,
      n.origin,
    );
  }
  for (const e of removed) {
    if (renamed.some(([o]) => o === e)) continue;
    d.add(
      'event-removed',
      true,
      false,
      top(e.name, after.origin),
      undefined,
      `event "${e.name}" removed: ${e.functionName}() is gone`,
      after.origin,
    );
  }
  for (const e of added) {
    if (renamed.some(([, n]) => n === e)) continue;
    d.add('event-added', false, false, top(e.name, e.origin), undefined, `event "${e.name}" added`, e.origin);
  }
  for (const o of before.events) {
    const n = newByName.get(o.name);
    if (n) d.members(o.properties, n.properties, o.additional, n.additional, top(o.name, n.origin));
  }
  const oldIdentify = before.identify;
  const newIdentify = after.identify;
  if (oldIdentify || newIdentify) {
    d.members(
      oldIdentify?.traits ?? [],
      newIdentify?.traits ?? [],
      oldIdentify?.additional ?? false,
      newIdentify?.additional ?? false,
      {
        event: undefined,
        noun: 'trait',
        origin: newIdentify?.origin ?? after.origin,
        prefix: '',
      },
    );
  }
  return d.changes;
}

export const isBreaking = (c: Change): boolean => c.app || c.data;
