/**
 * The development-mode rules of each event, as compact literals the client's small checker interprets:
 * `[key, kind, options?]`, kind one of s(tring) n(umber) i(nteger) b(oolean) d(ate) u(nion) a(rray) *(any scalar).
 * Data rather than code: one interpreter in the client, and an unused event's rules are tree-shaken with it.
 */
import type { Property, TypeNode } from '../model/ir.js';
import { jsonLiteral, stringLiteral } from './escape.js';

type Kind = 's' | 'n' | 'i' | 'b' | 'd' | 'u' | 'a' | '*';

function kindOf(t: TypeNode): Kind | undefined {
  switch (t.kind) {
    case 'string': return 's';
    case 'number': return t.integer ? 'i' : 'n';
    case 'boolean': return 'b';
    case 'date': return 'd';
    case 'union': return 'u';
    case 'array': return 'a';
    case 'scalar': return '*';
    default: return undefined;
  }
}

function options(t: TypeNode): string[] {
  const o: string[] = [];
  const put = (k: string, v: unknown): void => {
    if (v !== undefined) o.push(`${k}: ${jsonLiteral(v)}`);
  };
  if (t.kind === 'string') {
    if (t.enum && t.enum.length > 0) put('e', t.enum);
    put('minL', t.minLength);
    put('maxL', t.maxLength);
    if (t.pattern !== undefined) o.push(`p: ${stringLiteral(t.pattern)}`);
    put('f', t.format);
  } else if (t.kind === 'number') {
    if (t.enum && t.enum.length > 0) put('e', t.enum);
    put('min', t.minimum);
    put('max', t.maximum);
    put('xmin', t.exclusiveMinimum);
    put('xmax', t.exclusiveMaximum);
    put('mul', t.multipleOf);
  } else if (t.kind === 'union') {
    const kinds = [...new Set(t.members.map(kindOf).filter((k): k is Kind => k !== undefined && k !== 'u'))];
    o.push(`k: ${stringLiteral(kinds.join(''))}`);
  } else if (t.kind === 'array') {
    put('n', t.maxItems);
    if (t.items?.kind === 'object') o.push(`it: ${rulesLiteral(t.items.properties)}`);
    else if (t.items) o.push(`iv: ${ruleLiteral(undefined, t.items, false)}`);
  }
  return o;
}

/** `[key, kind, options?]`, or `[kind, options?]` for an array's scalar items (no key). */
function ruleLiteral(key: string | undefined, t: TypeNode, required: boolean, extra: string[] = []): string {
  const kind = kindOf(t) ?? '*';
  const o = [...(required ? ['r: 1'] : []), ...options(t), ...extra];
  const head = key === undefined ? [] : [stringLiteral(key)];
  return `[${[...head, stringLiteral(kind), ...(o.length > 0 ? [`{ ${o.join(', ')} }`] : [])].join(', ')}]`;
}

export function rulesLiteral(props: Property[], extra: (p: Property) => string[] = () => []): string {
  return `[${props.map((p) => ruleLiteral(p.name, p.type, p.required, extra(p))).join(', ')}]`;
}
