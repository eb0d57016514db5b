/**
 * The classes of disagreement issue 11 lists that live in the model: each a named case that failed before the fix
 * (the differential test, test/differential/, finds them at random; these pin them down).
 */
import { describe, expect, it } from 'vitest';
import { validate } from '../../generator/pipeline.js';
import { brief, planJson, writePlan } from '../helpers/plan.js';

const withProperty = (schema: unknown, defs?: unknown) =>
  planJson({ name: 'T', events: { A: { properties: { p: schema } } }, ...(defs !== undefined && { $defs: defs }) });
const model = (schema: unknown, defs?: unknown) => {
  const { plan, diagnostics } = validate(writePlan(withProperty(schema, defs)));
  return { type: plan?.events[0]?.properties[0]?.type, diagnostics: diagnostics.map((d) => `${d.code} ${d.message}`) };
};
const codes = (schema: unknown, defs?: unknown) => model(schema, defs).diagnostics.map((d) => d.slice(0, 5));

describe('allOf parts and $ref with sibling keywords combine', () => {
  it('intersects enums', () => {
    expect(model({ allOf: [{ enum: ['a', 'b', 'c'] }, { enum: ['b', 'c', 'd'] }] }).type).toMatchObject({
      kind: 'string',
      enum: ['b', 'c'],
    });
  });

  it('intersects a const with the enum of a $ref target', () => {
    expect(model({ $ref: '#/$defs/T', const: 'b' }, { T: { type: 'string', enum: ['a', 'b'] } }).type).toMatchObject({
      kind: 'string',
      enum: ['b'],
    });
  });

  it('reports an empty intersection of enums (no value can be sent)', () => {
    expect(codes({ allOf: [{ enum: ['a'] }, { enum: ['b'] }] })).toContain('CT305');
  });

  it('keeps the stricter bound and length of each side', () => {
    expect(
      model({
        allOf: [
          { type: 'number', minimum: 1, maximum: 9 },
          { minimum: 3, maximum: 12 },
        ],
      }).type,
    ).toMatchObject({ kind: 'number', minimum: 3, maximum: 9 });
    expect(
      model({ $ref: '#/$defs/S', maxLength: 8, minLength: 1 }, { S: { type: 'string', maxLength: 4, minLength: 2 } })
        .type,
    ).toMatchObject({ kind: 'string', minLength: 2, maxLength: 4 });
  });

  it('keeps every pattern', () => {
    expect(model({ allOf: [{ type: 'string', pattern: '^a' }, { pattern: 'b$' }] }).type).toMatchObject({
      kind: 'string',
      patterns: ['^a', 'b$'],
    });
  });

  it('narrows number to integer, and combines multipleOf where one divides the other', () => {
    expect(
      model({
        allOf: [
          { type: 'number', multipleOf: 0.5 },
          { type: 'integer', multipleOf: 2 },
        ],
      }).type,
    ).toMatchObject({ kind: 'number', integer: true, multipleOf: 2 });
    expect(model({ allOf: [{ type: 'integer', multipleOf: 2 }, { multipleOf: 3 }] }).type).toMatchObject({
      multipleOf: 6,
    });
  });

  it('reports types that conflict, naming both', () => {
    const { diagnostics } = model({ $ref: '#/$defs/B', type: 'string' }, { B: { type: 'boolean' } });
    expect(diagnostics).toEqual([
      expect.stringMatching(/^CT016 the types "string" and "boolean" of one schema have no value in common/),
    ]);
  });

  it('reports a type conflict between a sibling const and a $ref target', () => {
    expect(codes({ $ref: '#/$defs/B', type: ['string', 'null'], const: 'a' }, { B: { type: 'boolean' } })).toContain(
      'CT016',
    );
  });
});

describe('oneOf/anyOf branches', () => {
  it('drop a branch whose const does not fit the outer type, instead of widening the property to string', () => {
    const { type, diagnostics } = model({ type: 'string', anyOf: [{ const: 1 }, { const: 'a' }] });
    expect(diagnostics).toEqual([]);
    expect(type).toMatchObject({ kind: 'union', members: [{ kind: 'string', enum: ['a'] }] });
  });

  it('mark oneOf as exclusive, anyOf not', () => {
    expect(model({ oneOf: [{ type: 'integer' }, { type: 'number', multipleOf: 2 }] }).type).toMatchObject({
      kind: 'union',
      exclusive: true,
    });
    expect(model({ anyOf: [{ type: 'integer' }, { type: 'string' }] }).type).not.toHaveProperty('exclusive');
  });
});

describe('keywords the client cannot honour are reported, not dropped', () => {
  it.each(['enum', 'const', 'pattern', 'minLength'])('%s beside format date-time', (k) => {
    const schema = {
      type: 'string',
      format: 'date-time',
      [k]:
        k === 'enum'
          ? ['2024-01-01T00:00:00Z']
          : k === 'minLength'
            ? 3
            : k === 'pattern'
              ? '^2'
              : '2024-01-01T00:00:00Z',
    };
    expect(model(schema).diagnostics).toEqual([
      expect.stringMatching(new RegExp(`^CT014 "${k} beside format "date-time"`)),
    ]);
  });

  it('integers beyond 2^53 in const and enum', () => {
    expect(codes({ type: 'integer', const: 2 ** 53 + 2 })).toEqual(['CT016']);
    expect(codes({ type: 'integer', enum: [1, -(2 ** 60)] })).toEqual(['CT016']);
    expect(codes({ type: 'integer', enum: [Number.MAX_SAFE_INTEGER] })).toEqual([]);
  });
});

describe('messages that say what is wrong', () => {
  it('"p": false says that no value is allowed, not that it has no type', () => {
    expect(model(false).diagnostics).toEqual([expect.stringMatching(/^CT308 property "p" has the schema false/)]);
  });

  it('"type": [] says the list is empty, not that an enum is', () => {
    expect(model({ type: [] }).diagnostics).toEqual([expect.stringMatching(/^CT016 "type" is an empty list/)]);
  });

  it('"allOf": [true] names the part that is not a schema', () => {
    expect(model({ type: 'string', allOf: [true] }).diagnostics).toEqual([
      expect.stringMatching(/^CT006 "allOf" must be a list of schemas, not a list holding true/),
    ]);
  });
});

describe('plans the generator accepts still read as before', () => {
  it('a $ref with only documentation beside it', () => {
    const { type, diagnostics } = model(
      { $ref: '#/$defs/S', description: 'd' },
      { S: { type: 'string', maxLength: 3 } },
    );
    expect(diagnostics).toEqual([]);
    expect(type).toMatchObject({ kind: 'string', maxLength: 3 });
  });

  it('brief positions are unchanged for a plain type conflict in one schema', () => {
    const { diagnostics } = validate(writePlan(withProperty({ type: 'string', enum: ['a', 5] })));
    expect(diagnostics.map(brief)).toEqual(['8:11 error CT305']);
  });
});
