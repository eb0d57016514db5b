/**
 * Each transformation, and each problem it can create, as a table: the plan's event "E" with a policy, the
 * CleverTap-shaped properties the checker sees (`key:kind`, `?` when optional) and the diagnostics (at the JSON
 * pointer of the plan property they come from).
 */
import { describe, expect, it } from 'vitest';
import { fields, keys, run, runProps, wheres } from './helpers.js';

const S = { type: 'string' };
const N = { type: 'number' };
const obj = (properties: Record<string, unknown>, required: string[] = [], more: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...(required.length > 0 && { required }),
  ...more,
});
const arr = (items: unknown, maxItems?: number) => ({
  type: 'array',
  items,
  ...(maxItems !== undefined && { maxItems }),
});
const P = '/events/E/properties';

type Case = [
  string,
  { props: Record<string, unknown>; policy: unknown; required?: string[]; keys: string[]; diagnostics?: string[] },
];

const cases: Case[] = [
  // flatten
  [
    'flatten: an object becomes prefixed keys',
    {
      props: { product: obj({ id: S, price: N }, ['id']) },
      required: ['product'],
      policy: { flatten: '_' },
      keys: ['product_id:string', 'product_price?:number'],
    },
  ],
  [
    'flatten: an optional parent makes every key optional',
    { props: { product: obj({ id: S }, ['id']) }, policy: { flatten: '_' }, keys: ['product_id?:string'] },
  ],
  [
    'flatten: a nullable parent makes every key optional',
    {
      props: { product: { ...obj({ id: S }, ['id']), type: ['object', 'null'] } },
      required: ['product'],
      policy: { flatten: '_' },
      keys: ['product_id?:string'],
    },
  ],
  [
    'flatten: to any depth, with the separator given',
    { props: { a: obj({ b: obj({ c: obj({ d: S }) }) }) }, policy: { flatten: '__' }, keys: ['a__b__c__d?:string'] },
  ],
  [
    'flatten: scalars beside objects stay as they are',
    { props: { x: S, a: obj({ b: N }) }, policy: { flatten: '_' }, keys: ['x?:string', 'a_b?:number'] },
  ],
  [
    'flatten: an object with no properties is left out, with a warning',
    {
      props: { context: { type: 'object' }, x: S },
      policy: { flatten: '_' },
      keys: ['x?:string'],
      diagnostics: [`warning CT614 ${P}/context`],
    },
  ],
  [
    'flatten: an object allowing extra keys: its declared keys, and a warning',
    {
      props: { a: obj({ b: S }, [], { additionalProperties: true }) },
      policy: { flatten: '_' },
      keys: ['a_b?:string'],
      diagnostics: [`warning CT614 ${P}/a`],
    },
  ],
  [
    'flatten: a separator CleverTap deletes makes every flattened key an error, at the nested property',
    {
      props: { a: obj({ b: S }) },
      policy: { flatten: '.' },
      keys: ['a.b?:string'],
      diagnostics: [`error CT202 ${P}/a/properties/b`],
    },
  ],
  [
    'no flatten: an object is still an error',
    {
      props: { a: obj({ b: S }) },
      policy: { arrays: 'join' },
      keys: ['a?:object'],
      diagnostics: [`error CT301 ${P}/a`],
    },
  ],

  // arrays of scalars
  ['arrays join: one string', { props: { tags: arr(S) }, policy: { arrays: 'join' }, keys: ['tags?:string'] }],
  [
    'arrays join: a bounded array gives a bounded string (5 x 10 + 4 commas)',
    {
      props: { tags: arr({ type: 'string', maxLength: 10 }, 5) },
      policy: { arrays: 'join' },
      keys: ['tags?:string(54)'],
    },
  ],
  [
    'arrays join: enum items are bounded by their longest value',
    {
      props: { tags: arr({ type: 'string', enum: ['a', 'bbb'] }, 3) },
      policy: { arrays: 'join' },
      keys: ['tags?:string(11)'],
    },
  ],
  [
    'arrays join: a string that can exceed 512 bytes is an error at the array',
    {
      props: { tags: arr({ type: 'string', maxLength: 100 }, 10) },
      policy: { arrays: 'join' },
      keys: ['tags?:string'],
      diagnostics: [`error CT611 ${P}/tags`],
    },
  ],
  [
    'arrays join: ... which severity may make a warning (CleverTap truncates)',
    {
      props: { tags: arr({ type: 'string', maxLength: 100 }, 10) },
      policy: { arrays: 'join', severity: { CT611: 'warning' } },
      keys: ['tags?:string'],
      diagnostics: [`warning CT611 ${P}/tags`],
    },
  ],
  [
    'arrays join: numbers are bounded by their longest text (3 x 24 + 2)',
    { props: { n: arr(N, 3) }, policy: { arrays: 'join' }, keys: ['n?:string(74)'] },
  ],
  [
    'arrays join: a nullable array is optional',
    {
      props: { tags: { type: ['array', 'null'], items: S } },
      required: ['tags'],
      policy: { arrays: 'join' },
      keys: ['tags?:string'],
    },
  ],
  [
    'arrays join: a required array stays required',
    { props: { tags: arr(S) }, required: ['tags'], policy: { arrays: 'join' }, keys: ['tags:string'] },
  ],
  [
    'arrays json: one string; strings in it lose their quotes in CleverTap (a warning)',
    {
      props: { tags: arr(S) },
      policy: { arrays: 'json' },
      keys: ['tags?:string'],
      diagnostics: [`warning CT615 ${P}/tags`],
    },
  ],
  ['arrays json: numbers need no quotes', { props: { n: arr(N) }, policy: { arrays: 'json' }, keys: ['n?:string'] }],
  ['arrays count: an integer', { props: { tags: arr(S) }, policy: { arrays: 'count' }, keys: ['tags?:integer'] }],
  ['arrays drop: left out', { props: { tags: arr(S), x: S }, policy: { arrays: 'drop' }, keys: ['x?:string'] }],
  [
    'no arrays rule: an array is still an error',
    {
      props: { tags: arr(S) },
      policy: { flatten: '_' },
      keys: ['tags?:array'],
      diagnostics: [`error CT301 ${P}/tags`],
    },
  ],

  // arrays of objects
  [
    'arrays of objects, no rule for them: left out with a warning',
    {
      props: { lines: arr(obj({ sku: S })), x: S },
      policy: { flatten: '_', arrays: 'join' },
      keys: ['x?:string'],
      diagnostics: [`warning CT613 ${P}/lines`],
    },
  ],
  [
    'arrayObjects drop: left out, no warning',
    { props: { lines: arr(obj({ sku: S })) }, policy: { arrays: 'join', arrayObjects: 'drop' }, keys: [] },
  ],
  [
    'arrayObjects index: member i becomes key_i_name, for i below maxItems',
    {
      props: { lines: arr(obj({ sku: S, qty: N }), 2) },
      policy: { flatten: '_', arrayObjects: 'index' },
      keys: ['lines_0_sku?:string', 'lines_0_qty?:number', 'lines_1_sku?:string', 'lines_1_qty?:number'],
    },
  ],
  [
    'arrayObjects index without maxItems: an error at the array',
    {
      props: { lines: arr(obj({ sku: S })) },
      policy: { flatten: '_', arrayObjects: 'index' },
      keys: [],
      diagnostics: [`error CT612 ${P}/lines`],
    },
  ],
  [
    'arrayObjects index: more keys than CleverTap takes is CT206 at the event',
    {
      props: { lines: arr(obj({ a: S, b: S, c: S }), 100) },
      policy: { flatten: '_', arrayObjects: 'index' },
      keys: [],
      diagnostics: ['error CT206 /events/E'],
    },
  ],
  [
    'arrays join: a value or a list of values is a string or the value',
    { props: { id: { type: ['array', 'string'], items: S } }, policy: { arrays: 'join' }, keys: ['id?:string'] },
  ],
  [
    'arrays join: a number or a list of numbers',
    { props: { id: { type: ['array', 'number'], items: N } }, policy: { arrays: 'join' }, keys: ['id?:number|string'] },
  ],
  [
    'arrays count: a value or a list stays an error',
    {
      props: { id: { type: ['array', 'string'], items: S } },
      policy: { arrays: 'count' },
      keys: ['id?:array|string'],
      diagnostics: [`error CT301 ${P}/id`],
    },
  ],
  [
    'untyped scalar: an array with no items schema holds scalars',
    { props: { v: { type: 'array' } }, policy: { untyped: 'scalar', arrays: 'join' }, keys: ['v?:string'] },
  ],
  [
    'no untyped rule: an array with no items schema may hold objects: still an error',
    {
      props: { v: { type: 'array' } },
      policy: { arrays: 'join' },
      keys: ['v?:array'],
      diagnostics: [`error CT301 ${P}/v`],
    },
  ],
  [
    'arrays count applies to arrays of objects too',
    { props: { lines: arr(obj({ sku: S })) }, policy: { arrays: 'count' }, keys: ['lines?:integer'] },
  ],

  // untyped
  ['untyped scalar: {} is any scalar', { props: { misc: {} }, policy: { untyped: 'scalar' }, keys: ['misc?:scalar'] }],
  [
    'no untyped rule: {} is still an error',
    { props: { misc: {} }, policy: { flatten: '_' }, keys: ['misc?:untyped'], diagnostics: [`error CT302 ${P}/misc`] },
  ],
  [
    'untyped scalar: a union of every JSON type says as little',
    {
      props: { v: { type: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] } },
      policy: { untyped: 'scalar' },
      keys: ['v?:scalar'],
    },
  ],
  [
    'untyped scalar: untyped array items can then be joined',
    { props: { v: arr({}) }, policy: { untyped: 'scalar', arrays: 'join' }, keys: ['v?:string'] },
  ],
  [
    'untyped scalar: inside flattened objects',
    { props: { a: obj({ b: {} }) }, policy: { untyped: 'scalar', flatten: '_' }, keys: ['a_b?:scalar'] },
  ],

  // sanitize
  [
    'sanitize: prohibited characters become _, outer spaces go',
    {
      props: { 'a.b': S, ' c ': S, 'd:e$f': S },
      policy: { sanitize: true },
      keys: ['a_b?:string', 'c?:string', 'd_e_f?:string'],
    },
  ],
  [
    'sanitize: inside flattened keys',
    { props: { 'a.b': obj({ 'c:d': S }) }, policy: { sanitize: true, flatten: '_' }, keys: ['a_b_c_d?:string'] },
  ],
  [
    'no sanitize: the checker reports the key',
    { props: { 'a.b': S }, policy: { flatten: '_' }, keys: ['a.b?:string'], diagnostics: [`error CT202 ${P}/a.b`] },
  ],

  // rename
  [
    'rename: a top-level property',
    { props: { from: S }, policy: { rename: { properties: { from: 'to' } } }, keys: ['to?:string'] },
  ],
  [
    'rename: a nested property, by its path, renames its part of the key',
    {
      props: { product: obj({ id: S }) },
      policy: { flatten: '_', rename: { properties: { 'product.id': 'sku' } } },
      keys: ['product_sku?:string'],
    },
  ],
  [
    'rename: the members of an array of objects, every index at once',
    {
      props: { lines: arr(obj({ sku: S }), 2) },
      policy: { flatten: '_', arrayObjects: 'index', rename: { properties: { 'lines.sku': 's' } } },
      keys: ['lines_0_s?:string', 'lines_1_s?:string'],
    },
  ],
  [
    'rename wins over sanitize',
    { props: { 'a.b': S }, policy: { sanitize: true, rename: { properties: { 'a.b': 'ab' } } }, keys: ['ab?:string'] },
  ],
  [
    'rename: a name matching no property is a warning',
    {
      props: { x: S },
      policy: { rename: { properties: { y: 'z' } } },
      keys: ['x?:string'],
      diagnostics: ['warning CT605 /transform/rename/properties/y'],
    },
  ],

  // collisions the policy creates: errors at the later original property, naming the first
  [
    'collision: a flattened key equal to a plain one',
    {
      props: { a_b: S, a: obj({ b: S }) },
      policy: { flatten: '_' },
      keys: ['a_b?:string'],
      diagnostics: [`error CT610 ${P}/a/properties/b`],
    },
  ],
  [
    'collision: two paths flattening to one key',
    {
      props: { a: obj({ b_c: S, b: obj({ c: S }) }) },
      policy: { flatten: '_' },
      keys: ['a_b_c?:string'],
      diagnostics: [`error CT610 ${P}/a/properties/b/properties/c`],
    },
  ],
  [
    'collision: two keys sanitized to one',
    {
      props: { 'a.b': S, 'a:b': S },
      policy: { sanitize: true },
      keys: ['a_b?:string'],
      diagnostics: [`error CT610 ${P}/a:b`],
    },
  ],
  [
    'collision: a rename onto an existing key',
    {
      props: { x: S, y: S },
      policy: { rename: { properties: { y: 'x' } } },
      keys: ['x?:string'],
      diagnostics: [`error CT610 ${P}/y`],
    },
  ],
  [
    'collision: keys equal ignoring case after flattening (a warning, as in any plan)',
    {
      props: { A_b: S, a: obj({ b: S }) },
      policy: { flatten: '_' },
      keys: ['A_b?:string', 'a_b?:string'],
      diagnostics: [`warning CT208 ${P}/a/properties/b`],
    },
  ],
  [
    'a flattened key over 120 characters: CT204 at the nested property',
    {
      props: { ['a'.repeat(60)]: obj({ ['b'.repeat(60)]: S }) },
      policy: { flatten: '_' },
      keys: [`${'a'.repeat(60)}_${'b'.repeat(60)}?:string`],
      diagnostics: [`error CT204 ${P}/${'a'.repeat(60)}/properties/${'b'.repeat(60)}`],
    },
  ],
];

describe('transformations', () => {
  it.each(cases)('%s', (_, c) => {
    const r = runProps(c.props, c.policy, c.required);
    const e = r.events.find((x) => x.functionName === 'trackE');
    if (c.keys.length > 0 || !c.diagnostics?.includes('error CT206 /events/E')) expect(keys(e)).toEqual(c.keys);
    expect(wheres(r)).toEqual(c.diagnostics ?? []);
  });

  it('over 256 keys after flattening: the count of keys CleverTap would receive', () => {
    const r = runProps({ lines: arr(obj({ a: S, b: S, c: S }), 100) }, { flatten: '_', arrayObjects: 'index' });
    expect(r.diagnostics[0]!.message).toMatch(/^event "E" has \d+ properties; CleverTap accepts at most 256$/);
  });

  it('the mapping says where each key comes from and how', () => {
    const r = runProps(
      { product: obj({ id: S }), tags: arr(S), n: arr(S), lines: arr(obj({ sku: S }), 2), 'a.b': S, keep: S },
      {
        flatten: '_',
        arrays: 'join',
        arrayObjects: 'index',
        sanitize: true,
        rename: { properties: { n: 'count_of_n' } },
      },
    );
    expect(fields(r.events[0])).toEqual([
      'product.id -> product_id',
      'tags -> tags (join)',
      'n -> count_of_n (join)',
      'lines.0.sku -> lines_0_sku',
      'lines.1.sku -> lines_1_sku',
      'a.b -> a_b',
      'keep -> keep',
    ]);
  });

  it('count and json mappings', () => {
    expect(fields(runProps({ t: arr(S) }, { arrays: 'count' }).events[0])).toEqual(['t -> t (count)']);
    expect(fields(runProps({ t: arr(N) }, { arrays: 'json' }).events[0])).toEqual(['t -> t (json)']);
  });

  it('an event the policy does not change is the very same node, with no transform', () => {
    const r = run({ Plain: { properties: { x: S } }, Nested: { properties: { a: obj({ b: S }) } } }, { flatten: '_' });
    const plain = r.events.find((e) => e.name === 'Plain')!;
    expect(plain.transform).toBeUndefined();
    expect(r.events.find((e) => e.name === 'Nested')!.transform?.fields).toBeDefined();
  });

  it('a type-only change (untyped) keeps the call as it is: no mapping', () => {
    const e = runProps({ misc: {} }, { untyped: 'scalar' }).events[0]!;
    expect(e.transform?.changes).toEqual([{ action: 'scalar', from: 'misc' }]);
    expect(e.transform?.fields).toBeUndefined();
  });

  it('Charged Items are never joined or flattened', () => {
    const items = arr(obj({ sku: S, extra: {} }), 10);
    const r = run(
      { Charged: { properties: { Amount: N, Items: items } } },
      { flatten: '_', arrays: 'join', arrayObjects: 'index', untyped: 'scalar' },
    );
    expect(keys(r.events[0])).toEqual(['Amount?:number', 'Items?:array']);
    expect(r.events[0]!.transform?.fields).toBeUndefined();
    expect(wheres(r)).toEqual([]);
  });
});

describe('identify', () => {
  it('untyped scalar: a trait with no type is any scalar; traits are otherwise left as they are', () => {
    const traits = { identify: { properties: { plan: {}, nested: obj({ a: S }) } } };
    expect(wheres(run({}, undefined, traits))).toEqual([
      'error CT302 /identify/properties/plan',
      'error CT301 /identify/properties/nested',
    ]);
    expect(wheres(run({}, { untyped: 'scalar', flatten: '_' }, traits))).toEqual([
      'error CT301 /identify/properties/nested',
    ]);
  });
});

describe('event names', () => {
  it('sanitize: an event name loses what CleverTap deletes; the function keeps the plan name', () => {
    const r = run({ 'Order: Done ': {} }, { sanitize: true });
    expect(r.events.map((e) => [e.name, e.functionName])).toEqual([['Order_ Done', 'trackOrderDone']]);
    expect(wheres(r)).toEqual([]);
  });

  it('rename: a system event name gets a name CleverTap keeps', () => {
    expect(wheres(run({ 'App Installed': {} }))).toEqual(['error CT105 /events/App Installed']);
    const r = run({ 'App Installed': {} }, { rename: { events: { 'App Installed': 'App Install Tracked' } } });
    expect(r.events.map((e) => [e.name, e.functionName])).toEqual([['App Install Tracked', 'trackAppInstalled']]);
    expect(wheres(r)).toEqual([]);
  });

  it('rename: two events onto one name is CT107 at the later', () => {
    const r = run({ A: {}, B: {} }, { rename: { events: { B: 'A' } } });
    expect(wheres(r)).toEqual(['error CT107 /events/B']);
  });

  it('sanitize: two names that become one are CT107', () => {
    expect(wheres(run({ 'a.b': {}, 'a:b': {} }, { sanitize: true }))).toEqual(['error CT107 /events/a:b']);
  });

  it('rename: an event the plan does not have is a warning', () => {
    expect(wheres(run({ A: {} }, { rename: { events: { Z: 'Y' } } }))).toEqual([
      'warning CT605 /transform/rename/events/Z',
    ]);
  });

  it('events include and exclude pick the events, by globs', () => {
    const r = run(
      { 'Order Completed': {}, 'Order Refunded': {}, 'Page Viewed': {}, 'Debug Ping': {} },
      { events: { include: ['Order *', 'Page ?iewed'], exclude: ['* Refunded'] } },
    );
    expect(r.events.map((e) => e.name)).toEqual(['Order Completed', 'Page Viewed']);
  });

  it('a glob that matches nothing is a warning at the glob', () => {
    expect(wheres(run({ A: {} }, { events: { exclude: ['Nope*'] } }))).toEqual([
      'warning CT605 /transform/events/exclude/0',
    ]);
  });

  it('more than 512 events: exclude some and the plan passes', () => {
    const events = Object.fromEntries(Array.from({ length: 520 }, (_, i) => [`E${i}`, {}]));
    expect(wheres(run(events)).map((w) => w.split(' ').slice(0, 2).join(' '))).toEqual(['error CT108']);
    expect(wheres(run(events, { events: { exclude: ['E51?'] } }))).toEqual([]);
  });
});
