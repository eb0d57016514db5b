import { beforeAll, describe, expect, it, vi } from 'vitest';
import { clientFor, type LoadedClient } from '../helpers/client.js';
import { fakeSdk } from '../helpers/fake-sdk.js';

const plan = {
  name: 'Checks',
  events: {
    'All Kinds': {
      properties: {
        text: { type: 'string' },
        code: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 },
        email: { type: 'string', format: 'email' },
        site: { type: 'string', format: 'uri' },
        id: { type: 'string', format: 'uuid' },
        count: { type: 'integer', minimum: 1, maximum: 10 },
        ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        step: { type: 'number', multipleOf: 0.5 },
        price: { type: 'number' },
        when: { type: 'string', format: 'date-time' },
        flag: { type: 'boolean' },
        tier: { type: 'string', enum: ['a', 'b'] },
        either: { type: ['string', 'number'] },
      },
      required: ['text'],
    },
    Charged: {
      properties: {
        Amount: { type: 'number' },
        Items: {
          type: 'array',
          maxItems: 2,
          items: {
            type: 'object',
            properties: { sku: { type: 'string', maxLength: 4 }, qty: { type: 'integer' } },
            required: ['sku'],
          },
        },
      },
      required: ['Amount', 'Items'],
    },
  },
  identify: {
    properties: {
      email: { type: 'string' },
      phone: { type: 'string' },
      tags: { type: 'array', maxItems: 2, items: { type: 'string', maxLength: 5 } },
    },
  },
};

type Violation = { event: string; property: string; rule: string };

describe('development-mode checks', () => {
  let c: LoadedClient;
  let sdk: ReturnType<typeof fakeSdk>;
  let seen: Violation[];

  beforeAll(async () => {
    c = await clientFor(plan);
    sdk = fakeSdk();
    seen = [];
    await c.init({ sdk, mode: 'development', onViolation: (v: Violation) => void seen.push(v) });
  });

  const violations = (call: () => void): string[] => {
    seen.length = 0;
    call();
    return seen.map((v) => `${v.property} ${v.rule}`);
  };
  const allKinds = (props: Record<string, unknown>) => () => c.trackAllKinds({ text: 'x', ...props });

  it.each([
    ['a string over 512 bytes (UTF-8, not characters)', { text: 'é'.repeat(257) }, ['text maxBytes']],
    ['a string of exactly 512 bytes', { text: 'é'.repeat(256) }, []],
    ['a pattern mismatch', { code: 'abc' }, ['code pattern']],
    ['too short', { code: 'AB' }, ['code minLength']],
    ['too long', { code: 'ABCD' }, ['code maxLength']],
    ['an e-mail without @', { email: 'ada.example.com' }, ['email format']],
    ['a uri without a scheme', { site: 'example.com/x' }, ['site format']],
    ['a malformed uuid', { id: '1234' }, ['id format']],
    ['a valid uuid', { id: '123e4567-e89b-12d3-a456-426614174000' }, []],
    ['below the minimum', { count: 0 }, ['count minimum']],
    ['above the maximum', { count: 11 }, ['count maximum']],
    ['not an integer', { count: 2.5 }, ['count integer']],
    ['at an exclusive minimum', { ratio: 0 }, ['ratio exclusiveMinimum']],
    ['at an exclusive maximum', { ratio: 1 }, ['ratio exclusiveMaximum']],
    ['not a multiple', { step: 0.3 }, ['step multipleOf']],
    ['a multiple', { step: 1.5 }, []],
    ['NaN', { price: Number.NaN }, ['price finite']],
    ['Infinity', { price: Number.POSITIVE_INFINITY }, ['price finite']],
    ['an invalid Date', { when: new Date('nope') }, ['when date']],
    ['a date as a string', { when: '2026-01-01' }, ['when date']],
    ['a wrong type (JavaScript callers)', { flag: 'yes' }, ['flag type']],
    ['a value outside the enum', { tier: 'c' }, ['tier enum']],
    ['a value outside a union', { either: true }, ['either type']],
    ['a value inside a union', { either: 3 }, []],
  ])('reports %s', (_name, props, want) => {
    expect(violations(allKinds(props))).toEqual(want);
  });

  it('reports a missing required property (JavaScript callers)', () => {
    expect(violations(() => c.trackAllKinds({}))).toEqual(['text required']);
  });

  it("checks Charged.Items: maxItems and each item's properties", () => {
    expect(violations(() => c.trackCharged({ Amount: 1, Items: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }] }))).toEqual([
      'Items maxItems',
    ]);
    expect(violations(() => c.trackCharged({ Amount: 1, Items: [{ sku: 'toolong', qty: 1.5 }, { qty: 1 }] }))).toEqual([
      'Items[0].sku maxLength',
      'Items[0].qty integer',
      'Items[1].sku required',
    ]);
  });

  it('checks traits: phone (E.164, reported once: by the profile guard, which leaves it out), e-mail shape, multi-value items', () => {
    expect(violations(() => c.identify('u', { phone: '555-1234' }))).toEqual(['phone profile']);
    expect(violations(() => c.identify({ email: 'not-an-email' }))).toEqual(['email format']);
    expect(violations(() => c.updateProfile({ tags: ['a', 'b', 'c'] }))).toEqual(['tags maxItems']);
    expect(violations(() => c.updateProfile({ tags: ['toolong'] }))).toEqual(['tags[0] maxLength']);
  });

  it('still sends the call after a violation, unless the handler returns false', async () => {
    sdk.calls.length = 0;
    c.trackAllKinds({ text: 'x', count: 0 });
    expect(sdk.calls).toEqual([['event', 'All Kinds', { text: 'x', count: 0 }]]);
    const dropping = await clientFor(plan);
    const sdk2 = fakeSdk();
    await dropping.init({ sdk: sdk2, mode: 'development', onViolation: () => false });
    dropping.trackAllKinds({ text: 'x', count: 0 });
    dropping.trackAllKinds({ text: 'x', count: 1 });
    expect(sdk2.calls).toEqual([['event', 'All Kinds', { text: 'x', count: 1 }]]);
  });

  it("'throw' throws, and the default handler warns on the console", async () => {
    const throwing = await clientFor(plan);
    await throwing.init({ sdk: fakeSdk(), mode: 'development', onViolation: 'throw' });
    expect(() => throwing.trackAllKinds({ text: 'x', count: 0 })).toThrow(/All Kinds: count: 0 is below 1/);
    const warning = await clientFor(plan);
    await warning.init({ sdk: fakeSdk(), mode: 'development' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    warning.trackAllKinds({ text: 'x', count: 0 });
    expect(warn).toHaveBeenCalledWith('clevertap: All Kinds: count: 0 is below 1', 0);
    warn.mockRestore();
  });

  it('production mode runs no checks', async () => {
    const prod = await clientFor(plan);
    const sdk3 = fakeSdk();
    await prod.init({ sdk: sdk3, mode: 'production', onViolation: 'throw' });
    prod.trackAllKinds({ text: 'é'.repeat(600), count: 0, price: Number.NaN });
    expect(sdk3.calls).toHaveLength(1);
  });

  it('the mode defaults from process.env.NODE_ENV', async () => {
    const before = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'development';
      const dev = await clientFor(plan);
      await dev.init({ sdk: fakeSdk(), onViolation: 'throw' });
      expect(() => dev.trackAllKinds({ text: 'x', count: 0 })).toThrow();
      process.env.NODE_ENV = 'production';
      const prod = await clientFor(plan);
      await prod.init({ sdk: fakeSdk(), onViolation: 'throw' });
      expect(() => prod.trackAllKinds({ text: 'x', count: 0 })).not.toThrow();
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});

describe('development-mode limits the plan does not state', () => {
  it("checks CleverTap's own limits: 50 Charged items, 100 values of a multi-value trait", async () => {
    const c = await clientFor<LoadedClient>({
      name: 'Limits',
      events: {
        Charged: {
          properties: {
            Amount: { type: 'number' },
            Items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
          },
        },
      },
      identify: { properties: { tags: { type: 'array', items: { type: 'string' } } } },
    });
    const seen: string[] = [];
    await c.init({
      sdk: fakeSdk(),
      mode: 'development',
      onViolation: (v: Violation) => void seen.push(`${v.property} ${v.rule}`),
    });
    c.trackCharged({ Amount: 1, Items: Array.from({ length: 50 }, (_, i) => ({ sku: `s${i}` })) });
    c.updateProfile({ tags: Array.from({ length: 100 }, (_, i) => `t${i}`) });
    expect(seen).toEqual([]);
    c.trackCharged({ Amount: 1, Items: Array.from({ length: 51 }, (_, i) => ({ sku: `s${i}` })) });
    c.updateProfile({ tags: Array.from({ length: 101 }, (_, i) => `t${i}`) });
    expect(seen).toEqual(['Items maxItems', 'tags maxItems']);
  });
});
