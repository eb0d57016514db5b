/**
 * What makes a removed thing and an added thing a possible rename: the same shape, compared without origins (a
 * type's keywords, a property's requiredness, an event's properties; descriptions are no part of it).
 */
import type { EventNode, Property, TypeNode } from '../model/ir.js';

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
export const typeKey = (p: Property): string => JSON.stringify([p.required, shape(p.type)]);
export const eventKey = (e: EventNode): string =>
  JSON.stringify([e.properties.map(propertyShape).sort(), shape(e.additional)]);

/** Pairs of removed and added things with equal keys, where the match is unambiguous (one of each). */
export function renames<T>(removed: T[], added: T[], key: (t: T) => string): Array<[T, T]> {
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
