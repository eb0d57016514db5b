/**
 * How one value type of the plan changed, from the app's side (does code that compiled and passed the development
 * checks still do so?) and from CleverTap's (does the property now carry another CleverTap data type?).
 */
import type { ArrayType, NumberType, ObjectType, StringType, TypeNode } from '../model/ir.js';

export type TypeChangeKind =
  | 'narrowed'
  | 'widened'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'data-type-changed'
  | 'member';

export interface TypeChange {
  kind: TypeChangeKind;
  /** What changed, in words ("maxLength 64 -> 32"). */
  detail: string;
  /** A kind of value (strings, numbers) is no longer or now also accepted, rather than a constraint changed. */
  kindLevel?: boolean;
}

/** A nested object's members changed (Charged Items): the caller compares them as properties. */
export interface MemberChange extends TypeChange {
  kind: 'member';
  old: ObjectType;
  new: ObjectType;
  /** Where the object sits, relative to the property: `[]` for array items. */
  path: string;
}

type Leaf = Exclude<TypeNode, { kind: 'union' }>;

function leaves(t: TypeNode): Leaf[] {
  return t.kind === 'union' ? t.members.flatMap(leaves) : [t];
}

/** CleverTap's data types a type can send (`scalar` and untyped send any). */
const CLEVERTAP_TYPES = ['string', 'number', 'boolean', 'date'] as const;
function clevertapTypes(t: TypeNode): Set<string> {
  const out = new Set<string>();
  for (const l of leaves(t)) {
    if (l.kind === 'scalar' || l.kind === 'untyped') for (const k of CLEVERTAP_TYPES) out.add(k);
    else if ((CLEVERTAP_TYPES as readonly string[]).includes(l.kind)) out.add(l.kind);
  }
  return out;
}

const KIND_WORDS: Record<Leaf['kind'], string> = {
  string: 'strings',
  number: 'numbers',
  boolean: 'booleans',
  date: 'dates',
  null: 'null',
  scalar: 'any scalar',
  array: 'arrays',
  object: 'objects',
  untyped: 'any value',
};

/** Whether a leaf of the new type accepts at least the values of kind `kind` (ignoring constraints). */
function covers(l: Leaf, kind: Leaf['kind']): boolean {
  if (l.kind === kind || l.kind === 'untyped') return true;
  return l.kind === 'scalar' && (kind === 'string' || kind === 'number' || kind === 'boolean' || kind === 'date');
}

const show = (v: unknown): string => JSON.stringify(v);

function compareEnum(
  oldValues: readonly unknown[] | undefined,
  newValues: readonly unknown[] | undefined,
  out: TypeChange[],
): void {
  if (oldValues === undefined && newValues === undefined) return;
  if (newValues === undefined) {
    out.push({ kind: 'widened', detail: `no longer limited to ${oldValues!.map(show).join(', ')}` });
    return;
  }
  if (oldValues === undefined) {
    out.push({ kind: 'narrowed', detail: `now limited to ${newValues.map(show).join(', ')}` });
    return;
  }
  const removed = oldValues.filter((v) => !newValues.includes(v));
  const added = newValues.filter((v) => !oldValues.includes(v));
  if (removed.length > 0)
    out.push({
      kind: 'enum-value-removed',
      detail: `enum value${removed.length > 1 ? 's' : ''} ${removed.map(show).join(', ')} removed`,
    });
  if (added.length > 0)
    out.push({
      kind: 'enum-value-added',
      detail: `enum value${added.length > 1 ? 's' : ''} ${added.map(show).join(', ')} added`,
    });
}

/** A bound where a larger value narrows (minimum, minLength) or a smaller one does (maximum, maxLength). */
function compareBound(
  name: string,
  oldValue: number | undefined,
  newValue: number | undefined,
  largerNarrows: boolean,
  out: TypeChange[],
): void {
  if (oldValue === newValue) return;
  const detail = `${name} ${oldValue ?? 'none'} -> ${newValue ?? 'none'}`;
  if (newValue === undefined) out.push({ kind: 'widened', detail });
  else if (oldValue === undefined) out.push({ kind: 'narrowed', detail });
  else out.push({ kind: newValue > oldValue === largerNarrows ? 'narrowed' : 'widened', detail });
}

/** A keyword whose values cannot be ordered (pattern, format, multipleOf): any change may refuse old values. */
function compareExact(name: string, oldValue: unknown, newValue: unknown, out: TypeChange[]): void {
  if (oldValue === newValue) return;
  const detail = `${name} ${oldValue === undefined ? 'none' : show(oldValue)} -> ${newValue === undefined ? 'none' : show(newValue)}`;
  out.push({ kind: newValue === undefined ? 'widened' : 'narrowed', detail });
}

function compareString(a: StringType, b: StringType, out: TypeChange[]): void {
  compareEnum(a.enum, b.enum, out);
  compareExact('format', a.format, b.format, out);
  compareExact('pattern', a.patterns?.join(' and '), b.patterns?.join(' and '), out);
  compareBound('minLength', a.minLength, b.minLength, true, out);
  compareBound('maxLength', a.maxLength, b.maxLength, false, out);
}

function compareNumber(a: NumberType, b: NumberType, out: TypeChange[]): void {
  if (a.integer !== b.integer)
    out.push({
      kind: b.integer ? 'narrowed' : 'widened',
      detail: b.integer ? 'now whole numbers only' : 'now any number, not only whole ones',
    });
  compareEnum(a.enum, b.enum, out);
  compareBound('minimum', a.minimum, b.minimum, true, out);
  compareBound('exclusiveMinimum', a.exclusiveMinimum, b.exclusiveMinimum, true, out);
  compareBound('maximum', a.maximum, b.maximum, false, out);
  compareBound('exclusiveMaximum', a.exclusiveMaximum, b.exclusiveMaximum, false, out);
  compareExact('multipleOf', a.multipleOf, b.multipleOf, out);
}

/** `out`: changes of the array itself; `nested`: of its items (which name their own place). */
function compareArray(a: ArrayType, b: ArrayType, out: TypeChange[], nested: TypeChange[], path: string): void {
  compareBound('maxItems', a.maxItems, b.maxItems, false, out);
  if (a.items && b.items) nested.push(...compareTypes(a.items, b.items, `${path}[]`));
  else if (a.items && !b.items) out.push({ kind: 'widened', detail: 'items no longer described' });
  else if (!a.items && b.items) out.push({ kind: 'narrowed', detail: 'items now described' });
}

/** The changes from `a` to `b`; `path` names where nested changes sit (for Charged Items). */
export function compareTypes(a: TypeNode, b: TypeNode, path = ''): TypeChange[] {
  const out: TypeChange[] = [];
  const olds = leaves(a);
  const news = leaves(b);
  const where = (detail: string): string => (path ? `${path}: ${detail}` : detail);
  for (const o of olds) {
    const same = news.find((n) => n.kind === o.kind);
    if (!same) {
      if (!news.some((n) => covers(n, o.kind)))
        out.push({ kind: 'narrowed', detail: where(`no longer accepts ${KIND_WORDS[o.kind]}`), kindLevel: true });
      continue;
    }
    const found: TypeChange[] = [];
    if (o.kind === 'string') compareString(o, same as StringType, found);
    else if (o.kind === 'number') compareNumber(o, same as NumberType, found);
    else if (o.kind === 'boolean') compareEnum(o.enum, (same as typeof o).enum, found);
    else if (o.kind === 'array') compareArray(o, same as ArrayType, found, out, path);
    else if (o.kind === 'object')
      out.push({ kind: 'member', detail: where('members'), old: o, new: same as ObjectType, path } as MemberChange);
    for (const c of found) out.push({ ...c, detail: where(c.detail) });
  }
  for (const n of news) {
    if (!olds.some((o) => o.kind === n.kind) && !olds.some((o) => covers(o, n.kind))) {
      out.push({ kind: 'widened', detail: where(`now also accepts ${KIND_WORDS[n.kind]}`), kindLevel: true });
    }
  }
  const before = clevertapTypes(a);
  const after = clevertapTypes(b);
  const gained = [...after].filter((k) => !before.has(k));
  if (before.size > 0 && gained.length > 0) {
    out.push({
      kind: 'data-type-changed',
      detail: where(`CleverTap type ${[...before].join('/')} -> ${[...after].join('/')}`),
    });
  }
  return out;
}
