/**
 * What changed between two versions of a plan, over the model IR, each change classified: breaking for the app's
 * code (it no longer compiles, or the development checks now refuse what it sends), breaking for CleverTap's data
 * (an event's history splits, or a property starts arriving with another CleverTap type: CleverTap keeps the first
 * type it saw), or safe. A removal and an addition of the same shape are reported as a possible rename.
 */
import type { Origin } from '../core/source-file.js';
import type { Plan, Property, Trait, TypeNode } from '../model/ir.js';
import { compareTypes, type MemberChange } from './compare-types.js';
import { eventKey, renames, typeKey } from './renames.js';

export type ChangeKind =
  | 'event-removed'
  | 'event-added'
  | 'event-renamed'
  | 'function-renamed'
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

interface Scope {
  event: string | undefined;
  /** "property" or "trait". */
  noun: string;
  /** Where removals point in the new plan. */
  origin: Origin | undefined;
  prefix: string;
}

/** A change's message, or how to word it for what it breaks (a side a view cannot see is left out: see `diffPlans`). */
type Words = string | ((app: boolean, data: boolean) => string);

/** A change with its words, until the views' changes are merged. */
interface Draft extends Change {
  words: Words;
}

const wordsFor = (d: Draft, app: boolean, data: boolean): string =>
  typeof d.words === 'string' ? d.words : d.words(app, data);

class Differ {
  readonly changes: Draft[] = [];

  add(
    kind: ChangeKind,
    app: boolean,
    data: boolean,
    scope: Scope,
    property: string | undefined,
    words: Words,
    origin: Origin | undefined,
  ): void {
    const change = { kind, app, data, event: scope.event, property, message: '', origin, words };
    this.changes.push({ ...change, message: wordsFor(change, app, data) });
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
      const was = `${scope.noun} "${scope.prefix}${o.name}" of ${where} removed and "${scope.prefix}${n.name}" added with the same type: a rename?`;
      const code = `Code sending "${o.name}" no longer compiles`;
      // Two spellings of one profile field (`email` and `Email`) fill the same field: CleverTap's data goes on
      const field = (o as Trait).field;
      if (field !== undefined && field === (n as Trait).field)
        this.add(
          'property-renamed',
          true,
          false,
          scope,
          scope.prefix + n.name,
          `${was} ${code}; both fill CleverTap's profile field "${field}"`,
          n.origin,
        );
      else {
        const recorded = `CleverTap records "${n.name}" as a new ${scope.noun === 'trait' ? 'profile field' : scope.noun}`;
        this.add(
          'property-renamed',
          true,
          true,
          scope,
          scope.prefix + n.name,
          (app, data) => (app && data ? `${was} ${code}, and ${recorded}` : `${was} ${app ? code : recorded}`),
          n.origin,
        );
      }
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
      const accepted = kinds.map((c) => c.detail);
      const clevertap = retyped.detail.replace(/^CleverTap type /, "CleverTap's type ");
      this.add(
        'type-changed',
        app,
        true,
        scope,
        property,
        (_app, data) =>
          data
            ? `${what}: ${[...accepted, clevertap].join('; ')}; CleverTap keeps the type it saw first, so values of the new type may be dropped or not aggregated`
            : `${what}: ${accepted.join('; ')}`,
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

/** Every change from `before` to `after`, events in name order, then identify; one plan as both sides see it. */
function diffView(before: Plan, after: Plan): Draft[] {
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
    const was = `event "${o.name}" removed and "${n.name}" added with the same properties: a rename?`;
    const gone = `${o.functionName}() is gone`;
    const recorded = `CleverTap records "${n.name}" as a new event (its history stays under "${o.name}")`;
    d.add(
      'event-renamed',
      true,
      true,
      top(n.name, n.origin),
      undefined,
      (app, data) => (app && data ? `${was} ${gone}, and ${recorded}` : `${was} ${app ? gone : recorded}`),
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
    if (!n) continue;
    // A policy's rename.functions: the same event, sent as before, called by another name
    if (n.functionName !== o.functionName)
      d.add(
        'function-renamed',
        true,
        false,
        top(n.name, n.origin),
        undefined,
        `event "${n.name}": ${o.functionName}() is now ${n.functionName}()`,
        n.origin,
      );
    d.members(o.properties, n.properties, o.additional, n.additional, top(o.name, n.origin));
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

/** The plan as the app's code sees it: each event as the plan writes it, which is what its track function takes. */
function appView(plan: Plan): Plan {
  const events = plan.events.map((e) => e.transform?.planned ?? e);
  return { ...plan, events: events.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/**
 * Every change from `before` to `after`, events in name order, then identify. A transformation policy makes
 * CleverTap receive other names and keys than the track functions take, so a plan with a transformed event is
 * compared twice: as the plan writes it, for the app's code, and as the policy makes it, for CleverTap's data; each
 * keeps the changes that break its side, and the safe ones. A change both find (every change of an event the policy
 * leaves as it is) is reported once.
 */
export function diffPlans(before: Plan, after: Plan): Change[] {
  const strip = ({ words: _words, ...change }: Draft): Change => change;
  if (!before.events.some((e) => e.transform) && !after.events.some((e) => e.transform))
    return diffView(before, after).map(strip);
  // Each comparison keeps what it can judge: what breaks its side, and what is safe
  const forApp = diffView(appView(before), appView(after))
    .filter((c) => c.app || !c.data)
    .map((c) => ({ ...c, data: false }));
  const forData = diffView(before, after)
    .filter((c) => c.data || !c.app)
    .map((c) => ({ ...c, app: false }));
  // The same change in both is found with the same words in full; the n-th of one words pairs with the n-th
  const key = (c: Draft): string => `${c.kind}\0${wordsFor(c, true, true)}`;
  const unpaired = new Map<string, Draft[]>();
  for (const c of forData) unpaired.set(key(c), [...(unpaired.get(key(c)) ?? []), c]);
  const merged: Draft[] = [];
  for (const c of forApp) {
    const twin = unpaired.get(key(c))?.shift();
    merged.push(twin ? { ...c, data: twin.data } : c);
  }
  const left = new Set([...unpaired.values()].flat());
  merged.push(...forData.filter((c) => left.has(c)));
  return merged.map((c) => strip({ ...c, message: wordsFor(c, c.app, c.data) }));
}

export const isBreaking = (c: Change): boolean => c.app || c.data;
