import { describe, expect, it } from 'vitest';
import { normalizeSchema, rewriteRef, type RefMapping } from '../../generator/load/import/normalize.js';
import { keyAt, nodeAt, parse, plain, pos, type Obj } from './fixtures/helpers.js';

const mappings: RefMapping[] = [
  { from: ['properties', 'properties'], to: ['events', 'Order Completed'] },
  { from: ['definitions', 'id'], to: ['$defs', 'id_2'] },
  { from: ['$defs', 'Kind'], to: ['$defs', 'Kind'] },
];

describe('rewriteRef', () => {
  it.each([
    ['#/properties/properties/properties/total', '#/events/Order%20Completed/properties/total'],
    ['#/properties/properties', '#/events/Order%20Completed'],
    ['#/definitions/id', '#/$defs/id_2'],
    ['#/definitions/id/maxLength', '#/$defs/id_2/maxLength'],
    ['#/$defs/Kind', '#/$defs/Kind'],
    ['#/properties/context', '#/properties/context'],
    ['#/definitions/other', '#/definitions/other'],
    ['#/properties/properties/properties/a~1b%20c', '#/events/Order%20Completed/properties/a~1b%20c'],
    ['./common.json#/$defs/Price', './common.json#/$defs/Price'],
    ['http://json-schema.org/draft-04/schema#', 'http://json-schema.org/draft-04/schema#'],
    ['#anchor', '#anchor'],
    ['#/bad%', '#/bad%'],
  ])('%s -> %s', (ref, expected) => {
    expect(rewriteRef(ref, mappings)).toBe(expected);
  });

  it('rewrites a whole-document reference when the document root moved', () => {
    expect(rewriteRef('#', [{ from: [], to: ['events', 'A'] }])).toBe('#/events/A');
    expect(rewriteRef('#/properties/x', [{ from: [], to: ['events', '100%'] }])).toBe('#/events/100%25/properties/x');
  });
});

const TEXT = `{
  "type": "object",
  "properties": {
    "a": { "type": ["string"] },
    "b": { "type": ["string", "null"] },
    "c": { "type": "array", "items": [{ "type": ["integer"] }, { "type": "string" }] },
    "d": { "anyOf": [{ "type": ["number"] }, { "type": "boolean" }] },
    "e": {
      "type": "object",
      "properties": { "x": { "type": "string" }, "required": ["x"] },
      "required": ["x", "y"]
    },
    "f": { "$ref": "#/definitions/id" },
    "required": ["a"]
  }
}`;

describe('normalizeSchema', () => {
  const { value } = parse(TEXT);
  const source = value as Obj;
  const out = normalizeSchema(value, {
    mappings,
    fallback: { file: { path: '', text: '' }, pointer: '', offset: 0 },
  }) as Obj;

  it('removes only pure format differences, at any depth', () => {
    expect(plain(out)).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string' },
        b: { type: ['string', 'null'] },
        c: { type: 'array', items: [{ type: 'integer' }, { type: 'string' }] },
        d: { anyOf: [{ type: 'number' }, { type: 'boolean' }] },
        e: { type: 'object', properties: { x: { type: 'string' } }, required: ['x', 'y'] },
        f: { $ref: '#/$defs/id_2' },
      },
      required: ['a'],
    });
  });

  it('leaves the source untouched and reuses what did not change', () => {
    expect(source.properties.a.type).toEqual(['string']);
    expect(source.properties.required).toEqual(['a']);
    expect(out.properties.b).toBe(source.properties.b);
    expect(out.properties.c.items[1]).toBe(source.properties.c.items[1]);
    expect(out.properties.e.properties.x).toBe(source.properties.e.properties.x);
    const unchanged = parse('{"type": "string", "enum": ["a"]}').value;
    expect(
      normalizeSchema(unchanged, { mappings, fallback: { file: { path: '', text: '' }, pointer: '', offset: 0 } }),
    ).toBe(unchanged);
  });

  it('gives every copy and every moved list the origin it had', () => {
    expect(nodeAt(out)).toBe('1:1');
    expect(nodeAt(out.properties)).toBe(pos(TEXT, '"properties": |{\n    "a"'));
    expect(nodeAt(out.properties.a)).toBe(pos(TEXT, '"a": |{'));
    expect(keyAt(out.properties.a, 'type')).toBe(pos(TEXT, '"type": ["string"] }'));
    expect(nodeAt(out.properties.c.items)).toBe(pos(TEXT, '"items": |['));
    expect(nodeAt(out.properties.c.items[0])).toBe(pos(TEXT, '"items": [|{'));
    expect(keyAt(out.properties.c.items, 1)).toBe(pos(TEXT, '}, |{ "type": "string" }'));
    expect(keyAt(out, 'required')).toBe(pos(TEXT, '"required": ["a"]'));
    expect(nodeAt(out.required)).toBe(pos(TEXT, '"required": |["a"]'));
    expect(keyAt(out.properties.e, 'required')).toBe(pos(TEXT, '"required": ["x", "y"]'));
    expect(keyAt(out.properties.e.required, 1)).toBe(pos(TEXT, '"x", |"y"'));
    expect(keyAt(out.properties.f, '$ref')).toBe(pos(TEXT, '"$ref"'));
  });
});
