import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../generator/load/read-json.js';
import { memberOrigin, originOf } from '../../generator/load/source.js';
import { locate } from '../../generator/core/source-file.js';
import { brief } from '../helpers/plan.js';

const parse = (text: string) => parseJsonText('plan.json', text);
const at = (o: { file: { text: string; path: string }; offset: number } | undefined) => {
  if (!o) return 'none';
  const l = locate(o.file as never, o.offset);
  return `${l.line}:${l.column}`;
};

describe('JSON with positions', () => {
  const text =
    '{\n  "name": "Shop",\n  "events": {\n    "Product Viewed": {\n      "properties": { "price": { "type": "number" } }\n    }\n  }\n}\n';
  const { value } = parse(text);
  const root = value as { events: Record<string, { properties: Record<string, object> }> };

  it('parses what JSON.parse parses', () => {
    expect(value).toEqual(JSON.parse(text));
  });

  it('records the line:column of every key, and the pointer of every object', () => {
    expect(at(memberOrigin(root, 'name'))).toBe('2:3');
    expect(at(memberOrigin(root.events, 'Product Viewed'))).toBe('4:5');
    const props = root.events['Product Viewed'].properties;
    expect(at(memberOrigin(props, 'price'))).toBe('5:23');
    expect(memberOrigin(props, 'price')?.pointer).toBe('/events/Product Viewed/properties/price');
    expect(originOf(props.price)?.pointer).toBe('/events/Product Viewed/properties/price');
    expect(at(originOf(props.price))).toBe('5:32');
  });

  it('escapes ~ and / in pointers (RFC 6901)', () => {
    const { value: v } = parse('{"a/b~c": {"x": 1}}');
    expect(originOf((v as Record<string, unknown>)['a/b~c'])?.pointer).toBe('/a~1b~0c');
  });

  it.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', '3:3 error CT001', "expected ',' or '}'"],
    ["a trailing comma (shown on the comma's line)", '{\n  "a": 1,\n}', '2:9 error CT001', "trailing comma before '}'"],
    ['a trailing comma in an array', '{\n  "a": [1,\n\n  ]\n}', '2:10 error CT001', "trailing comma before ']'"],
    [
      'a file that ends too early (shown after its last character)',
      '{\n  "a": 1\n\n',
      '2:9 error CT001',
      'end of file',
    ],
    ['an unterminated string', '{\n  "a": "oops\n}', '2:8 error CT001', 'unterminated string'],
    ['a comment', '{\n  // no\n  "a": 1\n}', '2:3 error CT001', 'comments are not allowed'],
    ['an empty file', '', '1:1 error CT001', 'empty'],
    ['garbage after the value', '{}\n{}', '2:1 error CT001', 'after the JSON value'],
    ['a single-quoted key', "{\n 'a': 1}", '2:2 error CT001', 'double quotes'],
    ['a bad escape', '{"a": "\\x"}', '1:8 error CT001', 'invalid escape'],
  ])('reports %s with its line:column', (_name, source, want, words) => {
    const r = parse(source);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map(brief)).toEqual([want]);
    expect(r.diagnostics[0]!.message).toContain(words);
  });

  it('reports duplicate keys (JSON.parse would silently keep the last)', () => {
    const r = parse('{\n  "events": {\n    "A": {},\n    "A": {"description": "second"}\n  }\n}');
    expect(r.diagnostics.map(brief)).toEqual(['4:5 error CT002']);
    expect(r.diagnostics[0]!.message).toContain('"A"');
  });

  it('skips a byte order mark', () => {
    const r = parse('\uFEFF{"name": "x"}');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ name: 'x' });
  });

  it('keeps "__proto__" as a plain key, never as a prototype', () => {
    const r = parse('{"__proto__": {"polluted": true}, "b": 1}');
    const v = r.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deep enough to exhaust the stack, with a location', () => {
    const r = parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CT001']);
    expect(r.diagnostics[0]!.message).toContain('nesting deeper');
  });

  it('reads unicode escapes and surrogate pairs', () => {
    expect(parse('"\\u00e9\\ud83d\\ude00"').value).toBe('é😀');
  });
});
