/**
 * What CleverTap receives for a property or trait: the key it is stored under and the kind of value.
 *
 * This is the catalogue's one hook for transformations: today the client sends each key exactly as the plan
 * spells it, traits under their profile field, and values as they are (dates become CleverTap dates). When the
 * plan can rename keys or map values before sending, this module is the place that says what arrives.
 */
import { DELETED_VALUE_CHARACTERS, LIMITS } from '../clevertap/facts.js';
import type { Property, Trait, TypeNode } from '../model/ir.js';

/** What CleverTap does to every string value it receives, for the page's note (plain text, from the facts). */
export function stringValueNote(): string {
  return (
    `CleverTap keeps at most ${LIMITS.valueBytes} bytes of a string value, deletes the characters ${DELETED_VALUE_CHARACTERS.join(' ')} from it ` +
    'and trims its outer spaces; in development mode the client reports such values before they are sent.'
  );
}

export interface Received {
  /** The key CleverTap stores. */
  key: string;
  /** The kind of value stored, in words. */
  value: string;
}

function valueKind(t: TypeNode): string {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'number':
      return t.integer ? 'number (integer)' : 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date ($D_ + epoch seconds)';
    case 'null':
      return 'nothing (a null is not sent)';
    case 'scalar':
      return 'string, number, boolean or date';
    case 'union':
      return [...new Set(t.members.filter((m) => m.kind !== 'null').map(valueKind))].join(' or ');
    case 'array':
      return t.items?.kind === 'object' ? 'list of items' : `list of ${t.items ? valueKind(t.items) : 'values'}`;
    case 'object':
    case 'untyped':
      return 'not sent';
  }
}

export function receivedProperty(p: Property): Received {
  return { key: p.name, value: valueKind(p.type) };
}

export function receivedTrait(t: Trait): Received {
  return { key: t.field, value: valueKind(t.type) };
}
