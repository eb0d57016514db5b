/** TypeScript types and their JSDoc, from IR type nodes. Scalars only: the checker has rejected the rest. */
import type { Docs, Property, TypeNode } from '../model/ir.js';
import { jsdoc, jsonLiteral, propertyKey, stringLiteral } from './escape.js';

/** What `additionalProperties: true` allows: any value CleverTap stores as a scalar. */
export const SCALAR_TYPE = 'CleverTapScalar';

export function typeText(t: TypeNode, names: { item?: string } = {}): string {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'union':
      return literalUnion(atoms(t, names));
    case 'date':
      return 'Date';
    case 'null':
      return 'null';
    case 'scalar':
      return SCALAR_TYPE;
    case 'array': {
      const item = t.items?.kind === 'object' ? (names.item ?? 'never') : t.items ? typeText(t.items, names) : 'never';
      return /[|&]/.test(item) ? `ReadonlyArray<${item}>` : `readonly ${item}[]`;
    }
    case 'object':
    case 'untyped':
      throw new Error(`internal: ${t.kind} reached the emitter; the checker should have rejected it`);
  }
}

/** A union's members written once each (`1 | 1` is one literal), `never` when there are none. */
function literalUnion(xs: string[]): string {
  const unique = [...new Set(xs)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

/** The alternatives a type stands for: its enum's literals, or the type itself; a union's members' alternatives. */
function atoms(t: TypeNode, names: { item?: string }): string[] {
  switch (t.kind) {
    case 'string':
      return t.enum ? t.enum.map(stringLiteral) : ['string'];
    case 'number':
      return t.enum ? t.enum.map(numberLiteral) : ['number'];
    case 'boolean':
      return t.enum ? [...new Set(t.enum)].map(String) : ['boolean'];
    case 'union':
      return t.members.flatMap((m) => atoms(m, names));
    default:
      return [typeText(t, names)];
  }
}

/** The top-level alternatives of a type's text (`ReadonlyArray<"a" | "b">` is one). */
function alternatives(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      // a string literal: skip to its closing quote (escapes included)
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === '|' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

/** A number as a literal type: `-0` is `0` (one value in JSON), and no literal is written twice. */
const numberLiteral = (n: number): string => (Object.is(n, -0) ? '0' : String(n));

export function docLines(docs: Docs, extra: string[] = []): string[] {
  const lines: string[] = [];
  if (docs.title && docs.title !== docs.description) lines.push(docs.title);
  if (docs.description) lines.push(docs.description);
  lines.push(...extra);
  if (docs.default !== undefined) lines.push(`@default ${jsonLiteral(docs.default)}`);
  for (const ex of docs.examples ?? []) lines.push(`@example ${jsonLiteral(ex)}`);
  if (docs.deprecated)
    lines.push(typeof docs.deprecated === 'string' ? `@deprecated ${docs.deprecated}` : '@deprecated');
  return lines;
}

/** Facts about a value that the type cannot show but a caller should know. */
export function constraintLines(t: TypeNode): string[] {
  const out: string[] = [];
  if (t.kind === 'string') {
    if (t.format) out.push(`Format: ${t.format}.`);
    for (const p of t.patterns ?? []) out.push(`Pattern: ${p}`);
    if (t.minLength !== undefined || t.maxLength !== undefined)
      out.push(`Length: ${t.minLength ?? 0} to ${t.maxLength ?? 512} characters.`);
  } else if (t.kind === 'number') {
    const lo = t.minimum ?? t.exclusiveMinimum;
    const hi = t.maximum ?? t.exclusiveMaximum;
    if (t.integer) out.push('An integer.');
    // ASCII words, not ∞: one character outside Latin-1 makes V8 hold the whole client as a two-byte string
    if (lo !== undefined && hi !== undefined) {
      out.push(
        `Range: ${lo}${t.exclusiveMinimum !== undefined ? ' (exclusive)' : ''} to ${hi}${t.exclusiveMaximum !== undefined ? ' (exclusive)' : ''}.`,
      );
    } else if (lo !== undefined) {
      out.push(t.exclusiveMinimum !== undefined ? `Greater than ${lo}.` : `At least ${lo}.`);
    } else if (hi !== undefined) {
      out.push(t.exclusiveMaximum !== undefined ? `Less than ${hi}.` : `At most ${hi}.`);
    }
  }
  return out;
}

/** Whether docLines has anything to say beyond its `extra` lines. */
function hasDocs(docs: Docs): boolean {
  return Boolean(
    docs.title || docs.description || docs.default !== undefined || docs.examples?.length || docs.deprecated,
  );
}

export function memberText(p: Property, indent: string, names: { item?: string } = {}): string {
  const facts = constraintLines(p.type);
  // Most members have no doc comment: skip building one
  const doc = facts.length === 0 && !hasDocs(p.docs) ? '' : jsdoc(docLines(p.docs, facts), indent);
  return `${doc}${indent}${propertyKey(p.name)}${p.required ? '' : '?'}: ${typeText(p.type, names)};\n`;
}

/** An interface's body; an index signature when extra keys are allowed. */
export function interfaceBody(
  props: Property[],
  additional: TypeNode | false,
  indent = '  ',
  names: { item?: string } = {},
): string {
  let body = props.map((p) => memberText(p, indent, names)).join('');
  // `{}` would take any value but null, numbers and strings included: a closed object without properties takes none
  if (props.length === 0 && additional === false)
    body = `${indent}/** The plan allows no keys here. */\n${indent}[key: string]: never;\n`;
  if (additional !== false) {
    // An index signature must admit every declared property's type too (an array of Items, a multi-value trait);
    // the extra keys themselves are held to `additional` by the track functions' Extra parameter (index.ts)
    const declared = props.map((p) => typeText(p.type, names));
    // null is "not sent" among any-scalar extras; a typed additionalProperties says itself whether it takes null
    const types = literalUnion(
      [
        typeText(additional, names),
        ...declared,
        ...(additional.kind === 'scalar' ? ['null'] : []),
        'undefined',
      ].flatMap(alternatives),
    );
    body += `${indent}/** Keys beyond the plan's, as the plan allows. */\n${indent}[key: string]: ${types};\n`;
  }
  return body;
}

/**
 * Holds a call's object to the plan's keys: `Exact<T, K, X>` makes a key outside `K` a compile error (`X = never`)
 * or holds it to the type of extra values, for an object in a variable as well as for a literal (TypeScript checks
 * excess keys of object literals only). `ExactItems` does the same for Charged's items, one element type at a time.
 * A homomorphic mapped type (`[P in keyof T]`): it keeps each key's optionality (an array literal's element types
 * carry `key?: undefined` for the keys of its other elements), and it costs tsc about what a plain parameter costs
 * (bench 512×32: the same check time; `T & { [P in Exclude<keyof T, K>]: X }` cost twice as much).
 */
export function exactTypes(withItems: boolean): string {
  return (
    '/** `T` with no key beyond `K` (or each such key of type `X`): exact keys for variables too, not only literals. */\n' +
    'type Exact<T, K extends PropertyKey, X = never> = { [P in keyof T]: P extends K ? T[P] : X };\n' +
    (withItems
      ? '/** The items of an array held to exact keys, as `Exact` holds an object. */\n' +
        'type ExactItems<A, K extends PropertyKey, X = never> = A extends readonly (infer I)[] ? ReadonlyArray<I extends unknown ? Exact<I, K, X> : never> : A;\n'
      : '')
  );
}

/** The keys an object may have beyond its properties, and their type, as `Exact`'s `K` and `X`. */
function exactArgs(
  typeName: string,
  props: readonly Property[],
  additional: TypeNode | false,
  names: { item?: string },
  extraKeys: readonly string[] = [],
): string {
  const own = extraKeys.length > 0 ? ` | ${extraKeys.map(stringLiteral).join(' | ')}` : '';
  if (additional === false) return `keyof ${typeName}${own}`;
  const keys = [...props.map((p) => p.name), ...extraKeys].map(stringLiteral);
  const nulls = additional.kind === 'scalar' ? ['null'] : [];
  return `${keys.length > 0 ? keys.join(' | ') : 'never'}, ${literalUnion([...alternatives(typeText(additional, names)), ...nulls, 'undefined'])}`;
}

/** The parameter type of a call taking `typeName` (`T` is the call's type parameter, `T extends typeName`). */
export function exactParameter(
  typeName: string,
  props: readonly Property[],
  additional: TypeNode | false,
  options: {
    names?: { item?: string };
    extraKeys?: readonly string[];
    items?: { key: string; typeName: string; props: readonly Property[]; additional: TypeNode | false };
  } = {},
): string {
  const names = options.names ?? {};
  let text = `Exact<T, ${exactArgs(typeName, props, additional, names, options.extraKeys)}>`;
  const items = options.items;
  if (items) {
    // `T &` first: T is then inferred from the argument itself (not back through Exact's mapped type), so that
    // T["Items"] is the items as written
    const key = stringLiteral(items.key);
    text = `T & ${text} & { ${propertyKey(items.key)}?: ExactItems<T[${key}], ${exactArgs(items.typeName, items.props, items.additional, {})}> }`;
  }
  return text;
}
