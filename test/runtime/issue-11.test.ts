/**
 * The classes of disagreement issue 11 lists that live in the generated client: each a named case that failed
 * before the fix (the differential test, test/differential/, finds such cases at random; these pin them down).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clientFor, type LoadedClient } from '../helpers/client.js';
import { fakeSdk } from '../helpers/fake-sdk.js';

const plan = {
  name: 'Issue 11',
  events: {
    Closed: { properties: { method: { type: 'string' } } },
    Unions: {
      properties: {
        code: { type: ['string', 'null'], pattern: '^[A-Z]+$', maxLength: 3 },
        when: { type: ['string', 'null'], format: 'email' },
        count: { type: ['integer', 'null'], minimum: 1 },
        one: { oneOf: [{ type: 'integer' }, { type: 'number', multipleOf: 2 }] },
        any: { anyOf: [{ type: 'integer' }, { type: 'number', multipleOf: 2 }] },
        nullable: { type: ['string', 'null'] },
        emoji: { type: 'string', minLength: 2, maxLength: 2 },
      },
      required: ['nullable'],
    },
    Typed: { properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer', minimum: 0 } },
    Charged: {
      properties: {
        Amount: { type: 'number' },
        Items: {
          type: ['array', 'null'],
          maxItems: 2,
          items: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
        },
      },
    },
  },
  identify: {
    properties: { name: { type: 'string' }, phone: { type: 'string' }, tier: { type: 'string' } },
    required: ['tier'],
  },
};

type Violation = { event: string; property: string; rule: string };

describe('issue 11: development mode reports iff the plan forbids', () => {
  let c: LoadedClient;
  let sdk: ReturnType<typeof fakeSdk>;
  const seen: Violation[] = [];

  beforeAll(async () => {
    c = await clientFor(plan);
    sdk = fakeSdk();
    await c.init({ sdk, mode: 'development', onViolation: (v: Violation) => void seen.push(v) });
  });

  const violations = (call: () => void): string[] => {
    seen.length = 0;
    call();
    return seen.map((v) => `${v.property} ${v.rule}`);
  };

  it('extra keys of a closed event are reported', () => {
    expect(violations(() => c.trackClosed({ method: 'email', extra: { nested: true } }))).toEqual(['extra key']);
  });

  it('extra keys of an open event are held to its additionalProperties schema', () => {
    expect(violations(() => c.trackTyped({ a: 'x', n: -1 }))).toEqual(['n minimum']);
    expect(violations(() => c.trackTyped({ a: 'x', n: 'text' }))).toEqual(['n type']);
    expect(violations(() => c.trackTyped({ a: 'x', n: 2 }))).toEqual([]);
  });

  it('a union-typed property keeps its pattern, length, format and bounds', () => {
    expect(violations(() => c.trackUnions({ nullable: null, code: 'abc' }))).toEqual(['code pattern']);
    expect(violations(() => c.trackUnions({ nullable: null, code: 'ABCD' }))).toEqual(['code maxLength']);
    expect(violations(() => c.trackUnions({ nullable: null, when: 'not-an-email' }))).toEqual(['when format']);
    expect(violations(() => c.trackUnions({ nullable: null, count: 0 }))).toEqual(['count minimum']);
    expect(violations(() => c.trackUnions({ nullable: null, count: 'x' }))).toEqual(['count type']);
    expect(violations(() => c.trackUnions({ nullable: null, code: 'AB', when: 'a@b.co', count: 1 }))).toEqual([]);
  });

  it('oneOf is exclusive: a value matching two branches is reported; anyOf is not', () => {
    expect(violations(() => c.trackUnions({ nullable: null, one: 4 }))).toEqual(['one oneOf']);
    expect(violations(() => c.trackUnions({ nullable: null, one: 3, any: 4 }))).toEqual([]);
  });

  it('null for a required nullable property is valid; null for a non-nullable one is not', () => {
    expect(violations(() => c.trackUnions({ nullable: null }))).toEqual([]);
    expect(violations(() => c.trackUnions({ nullable: 'x', emoji: null }))).toEqual(['emoji type']);
  });

  it('minLength and maxLength count code points, as JSON Schema does', () => {
    expect(violations(() => c.trackUnions({ nullable: null, emoji: '😀😀' }))).toEqual([]);
    expect(violations(() => c.trackUnions({ nullable: null, emoji: '😀' }))).toEqual(['emoji minLength']);
  });

  it('Items whose schema is a union still has its items checked, and a closed item its keys', () => {
    expect(violations(() => c.trackCharged({ Amount: 1, Items: [{ sku: 'a', colour: 'red' }, {}] }))).toEqual([
      'Items[0].colour key',
      'Items[1].sku required',
    ]);
    expect(violations(() => c.trackCharged({ Amount: 1, Items: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }] }))).toEqual([
      'Items maxItems',
    ]);
  });

  it('identify checks required traits and extra keys; updateProfile takes any subset', () => {
    expect(violations(() => c.identify('u1', { name: 'Ada' }))).toEqual(['tier required']);
    expect(violations(() => c.updateProfile({ name: 'Ada', nick: 'a' }))).toEqual(['nick key']);
    expect(violations(() => c.updateProfile({ name: 'Ada' }))).toEqual([]);
  });

  it('a bad phone is reported once', () => {
    expect(violations(() => c.identify('u1', { tier: 't', phone: '555' }))).toEqual(['phone profile']);
  });

  it("identify({ email: '' }) is reported and no login is sent", () => {
    sdk.calls.length = 0;
    expect(violations(() => c.identify({ email: '' }))).toEqual(['email identity']);
    expect(sdk.calls).toEqual([]);
  });
});

describe('issue 11: production hands the SDK only what it accepts', () => {
  it('strips keys holding undefined (the SDK drops a whole Charged whose Items is undefined: error 511)', async () => {
    const c = await clientFor<LoadedClient>(plan);
    const sdk = fakeSdk();
    await c.init({ sdk, mode: 'production' });
    c.trackCharged({ Amount: 1, Items: undefined });
    c.trackClosed({ method: undefined });
    const kept = { method: 'email' };
    c.trackClosed(kept);
    expect(sdk.calls).toEqual([
      ['event', 'Charged', { Amount: 1 }],
      ['event', 'Closed', {}],
      ['event', 'Closed', { method: 'email' }],
    ]);
    // an object with nothing to strip goes to the SDK as it is (no copy on the fast path)
    expect(sdk.calls[2]![2]).toBe(kept);
  });
});
