/**
 * Applies a transformation policy to the plan IR: the plan's events (nested objects, arrays, untyped values,
 * names CleverTap would change) become the CleverTap-shaped events the checker checks, each with the mapping its
 * track function runs (EventTransform). Derived properties keep the origin of the plan property they come from, so
 * that every diagnostic about them points at what the user wrote. Events the policy does not change are returned
 * as the very same objects: their client stays the zero-cost path.
 */
import { CHARGED_EVENT, CHARGED_ITEMS, LIMITS, PROHIBITED_CHARACTERS } from '../clevertap/facts.js';
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Origin } from '../core/source-file.js';
import type {
  EventNode,
  FieldMapping,
  IgnoredKeyword,
  Plan,
  Property,
  TransformChange,
  TypeNode,
} from '../model/ir.js';
import type { TransformPolicy } from './policy.js';

export interface Transformed {
  plan: Plan;
  diagnostics: Diagnostic[];
  /** The plan's events left out by `events.include`/`exclude`, by name. */
  excluded: string[];
}

/** The one sanitizing rule: outer whitespace trimmed, each character CleverTap deletes or rejects becomes `_`. */
export function sanitizeName(name: string): string {
  let out = '';
  for (const c of name.trim()) out += (PROHIBITED_CHARACTERS as readonly string[]).includes(c) ? '_' : c;
  return out;
}

/** What `arrays: "join"` puts between values. */
export const JOIN_SEPARATOR = ',';

/** Longest text of a number (`-1.7976931348623157e+308`), a boolean, and a date (`toISOString()`). */
const NUMBER_CHARS = 24;
const BOOLEAN_CHARS = 5;
const DATE_CHARS = 24;

export function applyPolicy(plan: Plan, policy: TransformPolicy): Transformed {
  const diagnostics: Diagnostic[] = [];
  const events = selectEvents(plan.events, policy, diagnostics);
  const usedEventRenames = new Set<string>();
  const usedPropertyRenames = new Set<string>();
  const out = events.map((e) =>
    new EventTransformer(policy, diagnostics, usedPropertyRenames).run(e, usedEventRenames),
  );
  for (const [from, r] of policy.rename.events) {
    if (!usedEventRenames.has(from))
      diagnostics.push(diagnose('CT605', r.origin, { what: 'rename.events', name: from, target: 'event' }));
  }
  for (const [from, r] of policy.rename.functions) {
    if (!plan.events.some((e) => e.name === from))
      diagnostics.push(diagnose('CT605', r.origin, { what: 'rename.functions', name: from, target: 'event' }));
  }
  for (const [from, r] of policy.rename.properties) {
    if (!usedPropertyRenames.has(from))
      diagnostics.push(
        diagnose('CT605', r.origin, { what: 'rename.properties', name: from, target: 'property path of any event' }),
      );
  }
  const excluded = plan.events.filter((e) => !events.includes(e)).map((e) => e.name);
  return { plan: { ...plan, events: out, identify: identifyOf(plan, policy) }, diagnostics, excluded };
}

/** `untyped: "scalar"` types identify's untyped traits too (the profile push is unchanged: no mapping). */
function identifyOf(plan: Plan, policy: TransformPolicy): Plan['identify'] {
  const identify = plan.identify;
  if (!identify || policy.untyped !== 'scalar') return identify;
  const traits = identify.traits.map((t) =>
    t.type.kind === 'untyped' || isAnything(t.type)
      ? { ...t, type: { kind: 'scalar' as const, origin: t.type.origin } }
      : t,
  );
  return traits.some((t, i) => t !== identify.traits[i]) ? { ...identify, traits } : identify;
}

/** `events.include` (when given) and `events.exclude`; a glob that matches nothing is a warning. */
function selectEvents(events: EventNode[], policy: TransformPolicy, diagnostics: Diagnostic[]): EventNode[] {
  const { include, exclude } = policy.events;
  for (const [what, globs] of [
    ['events.include pattern', include ?? []],
    ['events.exclude pattern', exclude],
  ] as const) {
    for (const g of globs) {
      if (!events.some((e) => g.regex.test(e.name)))
        diagnostics.push(diagnose('CT605', g.origin, { what, name: g.pattern, target: 'event' }));
    }
  }
  return events.filter(
    (e) =>
      (include === undefined || include.some((g) => g.regex.test(e.name))) &&
      !exclude.some((g) => g.regex.test(e.name)),
  );
}

/** The type without null members, and whether it had any. */
function split(t: TypeNode): { core: TypeNode; nullable: boolean } {
  if (t.kind !== 'union') return { core: t, nullable: t.kind === 'null' };
  const rest = t.members.filter((m) => m.kind !== 'null');
  const nullable = rest.length !== t.members.length;
  return {
    core: rest.length === 1 ? rest[0]! : rest.length === t.members.length ? t : { ...t, members: rest },
    nullable,
  };
}

/** A union of every JSON type (how Typewriter writes "any"): it says no more than no type at all. */
function isAnything(t: TypeNode): boolean {
  if (t.kind !== 'union') return false;
  const kinds = new Set(t.members.map((m) => m.kind));
  return (
    kinds.has('object') && kinds.has('array') && kinds.has('string') && kinds.has('number') && kinds.has('boolean')
  );
}

const SCALAR_KINDS = new Set<TypeNode['kind']>(['string', 'number', 'boolean', 'date', 'scalar']);

/** A union of scalars and arrays of scalars (with at least one array). */
function isScalarOrList(t: TypeNode & { kind: 'union' }): boolean {
  const isList = (m: TypeNode): boolean =>
    m.kind === 'array' && m.items !== undefined && SCALAR_KINDS.has(split(m.items).core.kind);
  return t.members.some(isList) && t.members.every((m) => SCALAR_KINDS.has(m.kind) || isList(m));
}

/** Whether the event's Items property is Charged's, which CleverTap takes as an array (never transformed). */
const isItems = (charged: boolean, p: Property): boolean => charged && p.name === CHARGED_ITEMS;

class EventTransformer {
  private readonly props: Property[] = [];
  private readonly fields: FieldMapping[] = [];
  private readonly changes: TransformChange[] = [];
  private readonly ignored: IgnoredKeyword[] = [];
  private readonly keys = new Map<string, { from: string; origin: Origin }>();
  /** Whether a call's properties must be rebuilt (a key renamed, flattened, made from an array, or left out). */
  private rebuilt = false;
  private eventName = '';

  constructor(
    private readonly policy: TransformPolicy,
    private readonly diagnostics: Diagnostic[],
    private readonly usedRenames: Set<string>,
  ) {}

  run(e: EventNode, usedEventRenames: Set<string>): EventNode {
    const renamed = this.policy.rename.events.get(e.name);
    if (renamed) usedEventRenames.add(e.name);
    const name = renamed?.to ?? (this.policy.sanitize ? sanitizeName(e.name) : e.name);
    if (name !== e.name) this.changes.push({ action: renamed ? 'renamed' : 'sanitized', from: e.name, to: name });
    this.eventName = name;
    const charged = name === CHARGED_EVENT;
    for (const p of e.properties) {
      if (isItems(charged, p)) this.items(p);
      else this.walk(p, [p.name], p.name, undefined, p.required);
    }
    const additional = e.additional === false ? false : this.scalar(e.additional, '(additional properties)');
    // A function named by the policy: the call's name only (what CleverTap receives is not changed by it)
    const fn = this.policy.rename.functions.get(e.name)?.to;
    const named = fn === undefined ? {} : { functionName: fn, typeName: `${fn.slice('track'.length)}Properties` };
    if (this.changes.length === 0 && !this.rebuilt && additional === e.additional)
      return fn === undefined ? e : { ...e, ...named };
    return {
      ...e,
      ...named,
      name,
      isCharged: charged,
      properties: this.props,
      additional,
      ignored: this.ignored.length > 0 ? [...e.ignored, ...this.ignored] : e.ignored,
      transform: {
        planned: { ...this.planned(e), ...named },
        fields: this.rebuilt ? this.fields : undefined,
        changes: this.changes,
      },
    };
  }

  /** The event as the plan writes it, with `untyped: "scalar"` applied at every depth: the track function's type. */
  private planned(e: EventNode): EventNode {
    if (this.policy.untyped !== 'scalar') return e;
    const deep = (t: TypeNode): TypeNode => {
      if (t.kind === 'object') {
        const properties = t.properties.map((p) => ({ ...p, type: deep(p.type) }));
        return { ...t, properties, additional: t.additional === false ? false : deep(t.additional) };
      }
      if (t.kind === 'union') return { ...t, members: t.members.map(deep) };
      if (t.kind === 'array') return { ...t, items: t.items ? deep(t.items) : { kind: 'scalar', origin: t.origin } };
      return this.scalarOf(t);
    };
    const properties = e.properties.map((p) => ({ ...p, type: deep(this.scalarOf(p.type)) }));
    return { ...e, properties, additional: e.additional === false ? false : deep(e.additional) };
  }

  /** `untyped: "scalar"`: a type with no type (or every JSON type) becomes any scalar, in unions and items too. */
  private scalar(t: TypeNode, from: string): TypeNode {
    if (this.policy.untyped !== 'scalar') return t;
    const next = this.scalarOf(t);
    if (next !== t) this.changes.push({ action: 'scalar', from });
    return next;
  }

  private scalarOf(t: TypeNode): TypeNode {
    if (t.kind === 'untyped' || isAnything(t)) return { kind: 'scalar', origin: t.origin };
    if (t.kind === 'union') {
      const members = t.members.map((m) => this.scalarOf(m));
      return members.every((m, i) => m === t.members[i]) ? t : { ...t, members };
    }
    if (t.kind === 'array') {
      // An array with no items schema holds values of no stated type: any scalars too
      const items = t.items ? this.scalarOf(t.items) : { kind: 'scalar' as const, origin: t.origin };
      return items === t.items ? t : { ...t, items };
    }
    return t;
  }

  /** Charged's Items go as they are: only untyped item properties are typed (no change on the wire). */
  private items(p: Property): void {
    const t = p.type;
    let type = t;
    if (t.kind === 'array' && t.items?.kind === 'object') {
      const item = t.items;
      const properties = item.properties.map((ip) => {
        const st = this.scalar(ip.type, `${p.name}[].${ip.name}`);
        return st === ip.type ? ip : { ...ip, type: st };
      });
      if (properties.some((ip, i) => ip !== item.properties[i])) type = { ...t, items: { ...item, properties } };
    }
    this.add(p, p.name, type, p.required, { path: [p.name], key: p.name, how: 'value' }, p.name);
  }

  /** One plan property (at `path`, written `dotted`) under the CleverTap key prefix `prefix`. */
  private walk(
    p: Property,
    path: Array<string | number>,
    dotted: string,
    prefix: string | undefined,
    required: boolean,
  ): void {
    const renameKey = dotted.replace(/\[\d+\]/g, '');
    const renamed = this.policy.rename.properties.get(renameKey);
    if (renamed) this.usedRenames.add(renameKey);
    const segment = renamed?.to ?? (this.policy.sanitize ? sanitizeName(p.name) : p.name);
    if (segment !== p.name) this.changes.push({ action: renamed ? 'renamed' : 'sanitized', from: dotted, to: segment });
    const key = prefix === undefined ? segment : prefix + this.separator() + segment;
    const type = this.scalar(p.type, dotted);
    const { core, nullable } = split(type);

    if (core.kind === 'object' && this.policy.flatten !== undefined) {
      this.rebuilt = true;
      if (p.ignored.length > 0) this.ignored.push(...p.ignored);
      if (core.additional !== false || core.properties.length === 0) {
        const why = core.properties.length === 0 ? 'declares no properties' : 'allows keys it does not declare';
        this.diagnostics.push(diagnose('CT614', p.origin, { name: dotted, why }));
      }
      if (core.properties.length === 0)
        this.changes.push({ action: 'dropped', from: dotted, why: 'an object with no declared properties' });
      else this.changes.push({ action: 'flattened', from: dotted, to: `${key}${this.separator()}*` });
      for (const c of core.properties)
        this.walk(c, [...path, c.name], `${dotted}.${c.name}`, key, required && !nullable && c.required);
      return;
    }
    if (core.kind === 'array' && (this.policy.arrays !== undefined || this.policy.arrayObjects !== undefined)) {
      this.array(p, core, path, dotted, key, required && !nullable);
      return;
    }
    if (
      core.kind === 'union' &&
      (this.policy.arrays === 'join' || this.policy.arrays === 'json') &&
      isScalarOrList(core)
    ) {
      // A value or a list of values (`["string", "array"]`): a list is made a string, a value goes as it is
      const scalars = core.members.filter((m) => m.kind !== 'array');
      const members: TypeNode[] = scalars.some((m) => m.kind === 'string' && m.enum === undefined)
        ? scalars
        : [...scalars, { kind: 'string', origin: core.origin }];
      const joined: TypeNode = {
        kind: 'union',
        members: nullable ? [...members, { kind: 'null', origin: core.origin }] : members,
        origin: type.origin,
      };
      const how = this.policy.arrays;
      this.rebuilt = true;
      this.changes.push({ action: how === 'join' ? 'joined' : 'json', from: dotted, to: key });
      this.add(p, key, joined, required, { path, key, how }, dotted);
      return;
    }
    this.add(p, key, type, required, { path, key, how: 'value' }, dotted);
  }

  private separator(): string {
    return this.policy.flatten ?? '_';
  }

  private array(
    p: Property,
    t: TypeNode & { kind: 'array' },
    path: Array<string | number>,
    dotted: string,
    key: string,
    required: boolean,
  ): void {
    const items = t.items ? split(t.items).core : undefined;
    const { arrays, arrayObjects } = this.policy;
    if (items?.kind === 'object') {
      const rule = arrayObjects ?? (arrays === 'json' || arrays === 'count' || arrays === 'drop' ? arrays : undefined);
      if (rule === undefined) this.diagnostics.push(diagnose('CT613', p.origin, { name: dotted }));
      if (rule === 'index') this.indexed(p, t, items, path, dotted, key);
      else if (rule === undefined || rule === 'drop') this.drop(dotted, 'an array of objects');
      else this.fromArray(p, t, rule, path, dotted, key, required);
      return;
    }
    // No items schema (and no `untyped: "scalar"` to read it as scalars): its values could be objects; left to CT301
    if (arrays === undefined || items === undefined)
      this.add(p, key, p.type, required, { path, key, how: 'value' }, dotted);
    else if (arrays === 'drop') this.drop(dotted, 'an array');
    else this.fromArray(p, t, arrays, path, dotted, key, required);
  }

  private drop(dotted: string, what: string): void {
    this.rebuilt = true;
    this.changes.push({ action: 'dropped', from: dotted, why: what });
  }

  /** `arrayObjects: "index"`: member i's properties become `key_i_name`, for i below maxItems. */
  private indexed(
    p: Property,
    t: TypeNode & { kind: 'array' },
    item: TypeNode & { kind: 'object' },
    path: Array<string | number>,
    dotted: string,
    key: string,
  ): void {
    this.rebuilt = true;
    if (t.maxItems === undefined) {
      this.diagnostics.push(diagnose('CT612', p.origin, { name: dotted }));
      this.changes.push({ action: 'dropped', from: dotted, why: 'an array of objects with no maxItems' });
      return;
    }
    // Past CleverTap's property limit the checker reports the event (CT206): no need to list more keys than that
    const count = Math.min(t.maxItems, LIMITS.propertiesError + 1);
    this.changes.push({
      action: 'flattened',
      from: `${dotted}[i]`,
      to: `${key}${this.separator()}i${this.separator()}*`,
    });
    for (let i = 0; i < count; i++) {
      for (const c of item.properties)
        this.walk(c, [...path, i, c.name], `${dotted}[${i}].${c.name}`, `${key}${this.separator()}${i}`, false);
    }
  }

  /** A string (joined or JSON) or a count, made from an array. */
  private fromArray(
    p: Property,
    t: TypeNode & { kind: 'array' },
    how: 'join' | 'json' | 'count',
    path: Array<string | number>,
    dotted: string,
    key: string,
    required: boolean,
  ): void {
    this.rebuilt = true;
    const origin = p.type.origin;
    let type: TypeNode;
    if (how === 'count') {
      type = {
        kind: 'number',
        integer: true,
        origin,
        minimum: 0,
        ...(t.maxItems !== undefined && { maximum: t.maxItems }),
      };
    } else {
      const bound = how === 'join' ? joinedLength(t) : undefined;
      if (bound !== undefined && bound > LIMITS.valueBytes) {
        this.diagnostics.push(diagnose('CT611', p.origin, { name: dotted, length: bound, max: LIMITS.valueBytes }));
      }
      type = { kind: 'string', origin, ...(bound !== undefined && bound <= LIMITS.valueBytes && { maxLength: bound }) };
      if (how === 'json' && (t.items === undefined || quoted(t.items)))
        this.diagnostics.push(diagnose('CT615', p.origin, { name: dotted }));
    }
    this.changes.push({
      action: how === 'join' ? 'joined' : how === 'json' ? 'json' : 'counted',
      from: dotted,
      to: key,
    });
    this.add(p, key, type, required, { path, key, how }, dotted);
  }

  /** A CleverTap key: its property (at the plan property's origin) and how its value is found. */
  private add(p: Property, key: string, type: TypeNode, required: boolean, field: FieldMapping, dotted: string): void {
    if (key !== dotted) this.rebuilt = true;
    const first = this.keys.get(key);
    if (first) {
      this.diagnostics.push(
        diagnose(
          'CT610',
          p.origin,
          { what: 'properties', name: dotted, other: first.from, key, event: this.eventName },
          [first.origin],
        ),
      );
      return;
    }
    this.keys.set(key, { from: dotted, origin: p.origin });
    const derived = key === p.name && type === p.type && required === p.required;
    this.props.push(derived ? p : { ...p, name: key, type, required });
    this.fields.push(field);
  }
}

/** Whether JSON.stringify writes quotes for some value of this type (strings, dates, objects). */
function quoted(t: TypeNode): boolean {
  if (t.kind === 'union') return t.members.some(quoted);
  return t.kind !== 'number' && t.kind !== 'boolean' && t.kind !== 'null';
}

/**
 * The longest string `arrays: "join"` can make of the array, in characters, when the plan bounds it (maxItems,
 * and a maxLength or enum for string items); undefined when it does not (the development-mode checks then
 * check each joined value against CleverTap's 512 bytes, as for any string without a maxLength).
 */
export function joinedLength(t: TypeNode & { kind: 'array' }): number | undefined {
  if (t.maxItems === undefined || t.items === undefined) return undefined;
  const item = itemLength(t.items);
  if (item === undefined) return undefined;
  return t.maxItems === 0 ? 0 : t.maxItems * item + (t.maxItems - 1) * JOIN_SEPARATOR.length;
}

function itemLength(t: TypeNode): number | undefined {
  switch (t.kind) {
    case 'string':
      if (t.enum && t.enum.length > 0) return Math.max(...t.enum.map((s) => s.length));
      return t.maxLength;
    case 'number':
      return t.enum && t.enum.length > 0 ? Math.max(...t.enum.map((n) => String(n).length)) : NUMBER_CHARS;
    case 'boolean':
      return BOOLEAN_CHARS;
    case 'date':
      return DATE_CHARS;
    case 'null':
      return 0;
    case 'union': {
      const lengths = t.members.map(itemLength);
      return lengths.some((l) => l === undefined) ? undefined : Math.max(0, ...(lengths as number[]));
    }
    default:
      return undefined;
  }
}
