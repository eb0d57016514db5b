/**
 * The development-mode rules, as data the client's small checker (checks.ts) interprets: `[key, kind, options?]`,
 * kind one of s(tring) n(umber) i(nteger) b(oolean) d(ate) z (null) u(nion) a(rray) *(any scalar).
 * Options: r (required); e (the enum: every value allowed, an empty list allows none); minL/maxL (in code points);
 * p (patterns, all must match); f (format); min/max/xmin/xmax/mul; m (a union's members, each `[kind, options?]`)
 * and x (oneOf: exactly one member must match); n (maxItems); it (an array's object items: their rules) with io (the
 * items' extra keys: a rule, absent when the items are closed); iv (an array's scalar items: one rule).
 * An object's extra keys have one rule too (`extraRule`), or 0 when the object is closed.
 * They are emitted as one JSON string in checks.ts: nothing for the type checker to chew on, and the whole module
 * is loaded only in development mode.
 */
import type { Property, TypeNode } from '../model/ir.js';

type Kind = 's' | 'n' | 'i' | 'b' | 'd' | 'z' | 'u' | 'a' | '*';
type Options = Record<string, unknown>;
export type CheckRule = [string, Kind, Options] | [string, Kind];
/** Rules for a value with no key (a scalar array's members, a union's members, an object's extra keys). */
export type ItemRule = [Kind, Options] | [Kind];

function kindOf(t: TypeNode): Kind | undefined {
  switch (t.kind) {
    case 'string':
      return 's';
    case 'number':
      return t.integer ? 'i' : 'n';
    case 'boolean':
      return 'b';
    case 'date':
      return 'd';
    case 'null':
      return 'z';
    case 'union':
      return 'u';
    case 'array':
      return 'a';
    case 'scalar':
      return '*';
    default:
      return undefined;
  }
}

/** The options a type states, added to `o` in a fixed order (the order of the emitted JSON). */
function options(t: TypeNode, o: Options = {}): Options {
  if (t.kind === 'string') {
    if (t.enum) o.e = t.enum;
    if (t.minLength !== undefined) o.minL = t.minLength;
    if (t.maxLength !== undefined) o.maxL = t.maxLength;
    if (t.patterns !== undefined) o.p = t.patterns;
    if (t.format !== undefined) o.f = t.format;
  } else if (t.kind === 'number') {
    if (t.enum) o.e = t.enum;
    if (t.minimum !== undefined) o.min = t.minimum;
    if (t.maximum !== undefined) o.max = t.maximum;
    if (t.exclusiveMinimum !== undefined) o.xmin = t.exclusiveMinimum;
    if (t.exclusiveMaximum !== undefined) o.xmax = t.exclusiveMaximum;
    if (t.multipleOf !== undefined) o.mul = t.multipleOf;
  } else if (t.kind === 'boolean') {
    if (t.enum) o.e = t.enum;
  } else if (t.kind === 'union') {
    o.m = t.members.map(itemRule);
    if (t.exclusive) o.x = 1;
  } else if (t.kind === 'array') {
    if (t.maxItems !== undefined) o.n = t.maxItems;
    if (t.items?.kind === 'object') {
      o.it = rulesOf(t.items.properties);
      if (t.items.additional !== false) o.io = itemRule(t.items.additional);
    } else if (t.items) o.iv = itemRule(t.items);
  }
  return o;
}

export function itemRule(t: TypeNode): ItemRule {
  const o = options(t);
  return Object.keys(o).length > 0 ? [kindOf(t) ?? '*', o] : [kindOf(t) ?? '*'];
}

/** The rule for an object's keys beyond its properties: 0 when it allows none. */
export function extraRule(additional: TypeNode | false): ItemRule | 0 {
  return additional === false ? 0 : itemRule(additional);
}

/** `extra`: options the plan does not state but CleverTap implies (a default maxItems, an e-mail format). */
export function rulesOf(props: Property[], extra?: (p: Property) => Options): CheckRule[] {
  return props.map((p) => {
    // Keys in this order: r, then extra's, then the type's (JSON.stringify keeps insertion order)
    const o: Options = p.required ? { r: 1 } : {};
    if (extra) Object.assign(o, extra(p));
    options(p.type, o);
    return Object.keys(o).length > 0 ? [p.name, kindOf(p.type) ?? '*', o] : [p.name, kindOf(p.type) ?? '*'];
  });
}
