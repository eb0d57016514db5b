/** TypeScript types and their JSDoc, from IR type nodes. Scalars only: the checker has rejected the rest. */
import type { Docs, Property, TypeNode } from '../model/ir.js';
import { jsdoc, jsonLiteral, propertyKey, stringLiteral } from './escape.js';

/** What `additionalProperties: true` allows: any value CleverTap stores as a scalar. */
export const SCALAR_TYPE = 'CleverTapScalar';

export function typeText(t: TypeNode, names: { item?: string } = {}): string {
  switch (t.kind) {
    case 'string':
      return t.enum && t.enum.length > 0 ? unique(t.enum.map(stringLiteral)).join(' | ') : 'string';
    case 'number':
      return t.enum && t.enum.length > 0 ? unique(t.enum.map((n) => String(n))).join(' | ') : 'number';
    case 'boolean':
      return t.enum && t.enum.length === 1 ? String(t.enum[0]) : 'boolean';
    case 'date':
      return 'Date';
    case 'null':
      return 'null';
    case 'scalar':
      return SCALAR_TYPE;
    case 'union':
      return unique(t.members.map((m) => typeText(m, names))).join(' | ');
    case 'array': {
      const item = t.items?.kind === 'object' ? names.item ?? 'never' : t.items ? typeText(t.items, names) : 'never';
      return /[|&]/.test(item) ? `ReadonlyArray<${item}>` : `readonly ${item}[]`;
    }
    case 'object':
    case 'untyped':
      throw new Error(`internal: ${t.kind} reached the emitter; the checker should have rejected it`);
  }
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function docLines(docs: Docs, extra: string[] = []): string[] {
  const lines: string[] = [];
  if (docs.title && docs.title !== docs.description) lines.push(docs.title);
  if (docs.description) lines.push(docs.description);
  lines.push(...extra);
  if (docs.default !== undefined) lines.push(`@default ${jsonLiteral(docs.default)}`);
  for (const ex of docs.examples ?? []) lines.push(`@example ${jsonLiteral(ex)}`);
  if (docs.deprecated) lines.push(typeof docs.deprecated === 'string' ? `@deprecated ${docs.deprecated}` : '@deprecated');
  return lines;
}

/** Facts about a value that the type cannot show but a caller should know. */
export function constraintLines(t: TypeNode): string[] {
  const out: string[] = [];
  if (t.kind === 'string') {
    if (t.format) out.push(`Format: ${t.format}.`);
    if (t.pattern) out.push(`Pattern: ${t.pattern}`);
    if (t.minLength !== undefined || t.maxLength !== undefined) out.push(`Length: ${t.minLength ?? 0} to ${t.maxLength ?? 512}.`);
  } else if (t.kind === 'number') {
    const lo = t.minimum ?? t.exclusiveMinimum;
    const hi = t.maximum ?? t.exclusiveMaximum;
    if (t.integer) out.push('An integer.');
    // ASCII words, not ∞: one character outside Latin-1 makes V8 hold the whole client as a two-byte string
    if (lo !== undefined && hi !== undefined) {
      out.push(`Range: ${lo}${t.exclusiveMinimum !== undefined ? ' (exclusive)' : ''} to ${hi}${t.exclusiveMaximum !== undefined ? ' (exclusive)' : ''}.`);
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
  return Boolean(docs.title || docs.description || docs.default !== undefined || docs.examples?.length || docs.deprecated);
}

export function memberText(p: Property, indent: string, names: { item?: string } = {}): string {
  const facts = constraintLines(p.type);
  // Most members have no doc comment: skip building one
  const doc = facts.length === 0 && !hasDocs(p.docs) ? '' : jsdoc(docLines(p.docs, facts), indent);
  return `${doc}${indent}${propertyKey(p.name)}${p.required ? '' : '?'}: ${typeText(p.type, names)};\n`;
}

/** An interface's body; an index signature when extra keys are allowed. */
export function interfaceBody(props: Property[], additional: TypeNode | false, indent = '  ', names: { item?: string } = {}): string {
  let body = props.map((p) => memberText(p, indent, names)).join('');
  if (additional !== false) {
    // An index signature must admit every declared property's type too (an array of Items, a multi-value trait)
    const declared = props.filter((p) => p.type.kind === 'array').map((p) => typeText(p.type, names));
    const types = [...new Set([SCALAR_TYPE, ...declared, 'null', 'undefined'])].join(' | ');
    body += `${indent}/** Keys beyond the plan's, as the plan allows. */\n${indent}[key: string]: ${types};\n`;
  }
  return body;
}
