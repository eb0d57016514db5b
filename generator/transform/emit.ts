/**
 * What a transformed event adds to a client: its properties type as the plan writes it (nested objects and arrays
 * included), a JSDoc that says what CleverTap receives, and the table its track function hands to the shared
 * runtime helper `transformed()` (templates/shared/transform.ts.hbs). An event without a mapping (nothing, or only
 * its name or types, changed) gets none of this: its call goes to the SDK as it is.
 */
import type { EventNode, FieldMapping, Property, TypeNode } from '../model/ir.js';
import { jsdoc, propertyKey, stringLiteral } from '../emit/escape.js';
import { docLines, memberText, SCALAR_TYPE, typeText } from '../emit/render-types.js';
import { JOIN_SEPARATOR } from './apply.js';

/** How the runtime helper reads `how`: an index into this list. */
export const HOW_CODES: Readonly<Record<FieldMapping['how'], number>> = { value: 0, join: 1, json: 2, count: 3 };

/** Whether a type holds an object anywhere (as itself, a union member or array items). */
function hasObject(t: TypeNode): boolean {
  if (t.kind === 'object') return true;
  if (t.kind === 'union') return t.members.some(hasObject);
  if (t.kind === 'array') return t.items !== undefined && hasObject(t.items);
  return false;
}

/** A type as the plan writes it: objects as object literal types, to any depth. */
export function plannedType(t: TypeNode, indent: string): string {
  switch (t.kind) {
    case 'object': {
      let body = t.properties.map((p) => plannedMember(p, `${indent}  `)).join('');
      if (t.additional !== false) body += `${indent}  [key: string]: unknown;\n`;
      return body === '' ? 'Record<string, never>' : `{\n${body}${indent}}`;
    }
    case 'array': {
      if (!t.items || !hasObject(t.items)) return typeText(t);
      return `ReadonlyArray<${plannedType(t.items, indent)}>`;
    }
    case 'union':
      return t.members.some(hasObject)
        ? [...new Set(t.members.map((m) => plannedType(m, indent)))].join(' | ')
        : typeText(t);
    default:
      return typeText(t);
  }
}

function plannedMember(p: Property, indent: string): string {
  if (!hasObject(p.type)) return memberText(p, indent);
  return `${jsdoc(docLines(p.docs), indent)}${indent}${propertyKey(p.name)}${p.required ? '' : '?'}: ${plannedType(p.type, indent)};\n`;
}

/** The properties interface's body, as the plan writes it. */
export function plannedBody(e: EventNode): string {
  let body = e.properties.map((p) => plannedMember(p, '  ')).join('');
  if (e.additional !== false)
    body += `  /** Keys beyond the plan's, as the plan allows: sent as they are. */\n  [key: string]: unknown;\n`;
  return body;
}

const HOW_WORDS: Readonly<Record<FieldMapping['how'], string>> = {
  value: '',
  join: `, its values joined with ${JSON.stringify(JOIN_SEPARATOR)}`,
  json: ', as a JSON string',
  count: ', its number of values',
};

const pathText = (path: ReadonlyArray<string | number>): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** The JSDoc lines that say what CleverTap receives from this event's track function. */
export function receivesLines(e: EventNode): string[] {
  const t = e.transform;
  if (!t) return [];
  const lines: string[] = [];
  const from = t.planned.name === e.name ? '' : ` (the plan's ${JSON.stringify(t.planned.name)})`;
  lines.push(`Sends ${JSON.stringify(e.name)}${from} to CleverTap, transformed by the policy:`);
  if (t.fields) {
    for (const f of t.fields) {
      const path = pathText(f.path);
      lines.push(
        path === f.key && f.how === 'value' ? `- \`${f.key}\`` : `- \`${f.key}\` from \`${path}\`${HOW_WORDS[f.how]}`,
      );
    }
    if (t.fields.length === 0) lines.push('- no properties');
  }
  for (const c of t.changes)
    if (c.action === 'dropped') lines.push(`- \`${c.from}\` is not sent (${c.why ?? 'the policy leaves it out'})`);
  if (e.additional !== false && t.fields) lines.push("- keys beyond the plan's, as they are");
  return lines;
}

export interface TransformedEventView {
  /** The properties interface, as the plan writes it. */
  typeBody: string;
  /** What the track function passes to `track()` in place of `properties`. */
  argument: string;
  /** The field table (a module constant), or ''. */
  fieldsDecl: string;
  /** Lines for the function's JSDoc, after the plan's description. */
  docLines: string[];
}

/** The pieces of a transformed event's code; undefined for an event the client sends as it is. */
export function transformedEventView(e: EventNode): TransformedEventView | undefined {
  const t = e.transform;
  if (!t) return undefined;
  const name = `${e.functionName}Fields`;
  const table = t.fields
    ? t.fields.map(
        (f) =>
          `[[${f.path.map((k) => (typeof k === 'number' ? String(k) : stringLiteral(k))).join(', ')}], ${stringLiteral(f.key)}, ${HOW_CODES[f.how]}]`,
      )
    : [];
  const extras =
    e.additional !== false ? `[${t.planned.properties.map((p) => stringLiteral(p.name)).join(', ')}]` : 'undefined';
  return {
    typeBody: t.fields ? plannedBody(t.planned) : '',
    argument: t.fields ? `transformed(properties, ${name}, ${extras})` : 'properties',
    fieldsDecl: t.fields
      ? `/** What CleverTap receives from ${e.functionName}: [path in the call, key sent, how]. */\nconst ${name}: FieldTable = [\n${table.map((r) => `  ${r},\n`).join('')}];\n\n`
      : '',
    docLines: receivesLines(e),
  };
}

export { SCALAR_TYPE };
