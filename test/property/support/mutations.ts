/**
 * Ways to break a valid plan, each with the error it must produce and where (a JSON pointer the diagnostic's origin
 * starts with). Mutations add or replace one thing, so the expected place is known exactly.
 */
import fc from 'fast-check';
import { PROHIBITED_CHARACTERS, RESTRICTED_EVENTS } from '../../../generator/clevertap/facts.js';
import { eventNameArb, keyArb, textArb } from './text.js';
import { put } from './plans.js';

export interface Mutation {
  /** What was done, for the failure message. */
  what: string;
  apply(plan: Record<string, unknown>): void;
  /** The error code that must be reported (or one of `A|B`; `*` for any) ... */
  code: string;
  /** ... at a pointer starting with this ('' for "anywhere"). */
  at: string;
}

const token = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (...parts: string[]): string => parts.map((p) => '/' + token(p)).join('');

/** The event the mutations add things to (no random name folds to it: it has a ✗). */
export const MUTANT = 'Mutant ✗ event';

const events = (plan: Record<string, unknown>): Record<string, unknown> => plan.events as Record<string, unknown>;

/** Adds an event `name` with `schema`. */
const addEvent = (name: string, schema: unknown) => (plan: Record<string, unknown>) => put(events(plan), name, schema);

/** Adds the mutant event with one property `key`: `schema`. */
const addProperty =
  (key: string, schema: unknown, extra: Record<string, unknown> = {}) =>
  (plan: Record<string, unknown>) => {
    const properties = {};
    put(properties, key, schema);
    put(events(plan), MUTANT, { properties, ...extra });
  };

const insertAt = (s: string, i: number, c: string): string =>
  s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1));

const randomCase = (s: string, bits: number): string =>
  [...s].map((c, i) => ((bits >> (i % 30)) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');

const prohibited = fc.constantFrom(...PROHIBITED_CHARACTERS);
const space = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000');

const badEventNames: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(eventNameArb, prohibited, fc.nat()).map(([n, c, i]) => {
    const name = insertAt(n, i, c);
    return {
      what: `event name with ${JSON.stringify(c)}: ${JSON.stringify(name)}`,
      apply: addEvent(name, {}),
      code: 'CT102',
      at: pointer('events', name),
    };
  }),
  fc.tuple(eventNameArb, space, fc.boolean()).map(([n, w, front]) => {
    const name = front ? w + n : n + w;
    return {
      what: `event name with outer whitespace: ${JSON.stringify(name)}`,
      apply: addEvent(name, {}),
      code: 'CT103',
      at: pointer('events', name),
    };
  }),
  fc.tuple(eventNameArb, fc.integer({ min: 121, max: 5000 })).map(([n, len]) => {
    const name = n
      .repeat(Math.ceil(len / n.length) + 1)
      .slice(0, len)
      .trim()
      .padEnd(len, 'x');
    return {
      what: `event name of ${name.length} characters`,
      apply: addEvent(name, {}),
      code: 'CT104',
      at: pointer('events', name),
    };
  }),
  fc.tuple(fc.constantFrom(...RESTRICTED_EVENTS), fc.nat()).map(([n, bits]) => {
    const name = randomCase(n, bits);
    return {
      what: `system event ${JSON.stringify(name)}`,
      apply: addEvent(name, {}),
      code: 'CT105',
      at: pointer('events', name),
    };
  }),
  fc.tuple(keyArb, fc.nat()).map(([rest, bits]) => {
    const name = randomCase('wzrk_', bits) + rest;
    return {
      what: `reserved prefix ${JSON.stringify(name)}`,
      apply: addEvent(name, {}),
      code: 'CT105',
      at: pointer('events', name),
    };
  }),
  fc.nat({ max: 127 }).map((bits) => {
    const cased = randomCase('charged', bits);
    const name = cased === 'Charged' ? 'CHARGED' : cased;
    return {
      what: `misspelt Charged ${JSON.stringify(name)}`,
      apply: addEvent(name, {}),
      code: 'CT106',
      at: pointer('events', name),
    };
  }),
  fc.constantFrom('', ' ', '\t\n').map((name) => ({
    what: `empty event name ${JSON.stringify(name)}`,
    apply: addEvent(name, {}),
    code: 'CT101',
    at: pointer('events', name),
  })),
  fc.constantFrom('---', '🎉', '*/', '() {}', '#@').map((name) => ({
    what: `event name without a word ${JSON.stringify(name)}`,
    apply: addEvent(name, {}),
    code: 'CT110',
    at: pointer('events', name),
  })),
);

const badKeys: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(keyArb, prohibited, fc.nat()).map(([k, c, i]) => {
    const key = insertAt(k, i, c);
    return {
      what: `key with ${JSON.stringify(c)}: ${JSON.stringify(key)}`,
      apply: addProperty(key, { type: 'string' }),
      code: 'CT202',
      at: pointer('events', MUTANT, 'properties', key),
    };
  }),
  fc.tuple(keyArb, space).map(([k, w]) => {
    const key = k + w;
    return {
      what: `key with outer whitespace ${JSON.stringify(key)}`,
      apply: addProperty(key, { type: 'string' }),
      code: 'CT203',
      at: pointer('events', MUTANT, 'properties', key),
    };
  }),
  fc.integer({ min: 121, max: 3000 }).map((len) => {
    const key = 'k'.repeat(len);
    return {
      what: `key of ${len} characters`,
      apply: addProperty(key, { type: 'number' }),
      code: 'CT204',
      at: pointer('events', MUTANT, 'properties', key),
    };
  }),
  fc.tuple(keyArb, fc.nat()).map(([k, bits]) => {
    const key = randomCase('wzrk_', bits) + k;
    return {
      what: `reserved key ${JSON.stringify(key)}`,
      apply: addProperty(key, { type: 'number' }),
      code: 'CT205',
      at: pointer('events', MUTANT, 'properties', key),
    };
  }),
  fc.constantFrom('', '  ').map((key) => ({
    what: `empty key ${JSON.stringify(key)}`,
    apply: addProperty(key, { type: 'string' }),
    code: 'CT201',
    at: pointer('events', MUTANT, 'properties', key),
  })),
);

const at = (key: string) => pointer('events', MUTANT, 'properties', key);

const badValues: fc.Arbitrary<Mutation> = fc.tuple(keyArb, fc.nat(20)).chain(([key, n]) =>
  fc.constantFrom<Mutation>(
    {
      what: 'an object property',
      apply: addProperty(key, { type: 'object', properties: { a: { type: 'string' } } }),
      code: 'CT301',
      at: at(key),
    },
    {
      what: 'an array property',
      apply: addProperty(key, { type: 'array', items: { type: 'string' } }),
      code: 'CT301',
      at: at(key),
    },
    { what: 'properties without a type', apply: addProperty(key, { properties: {} }), code: 'CT301', at: at(key) },
    {
      what: 'items without a type',
      apply: addProperty(key, { items: { type: 'number' } }),
      code: 'CT301',
      at: at(key),
    },
    {
      what: 'a union with an object',
      apply: addProperty(key, { type: ['string', 'object'] }),
      code: 'CT301',
      at: at(key),
    },
    {
      what: 'a oneOf with an array',
      apply: addProperty(key, { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }),
      code: 'CT301',
      at: at(key),
    },
    { what: 'an untyped property', apply: addProperty(key, {}), code: 'CT302', at: at(key) },
    {
      what: 'a property with only a description',
      apply: addProperty(key, { description: '*/ hi' }),
      code: 'CT302',
      at: at(key),
    },
    {
      what: 'maxLength over 512',
      apply: addProperty(key, { type: 'string', maxLength: 513 + n * 1000 }),
      code: 'CT303',
      at: at(key),
    },
    { what: 'an empty enum', apply: addProperty(key, { type: 'string', enum: [] }), code: 'CT305', at: at(key) },
    {
      what: 'a const of the wrong type',
      apply: addProperty(key, { type: 'number', const: 'x' }),
      code: 'CT305',
      at: at(key),
    },
    {
      what: 'an invalid pattern',
      apply: addProperty(key, { type: 'string', pattern: ['[', '(', '\\-', 'a{2,1}', '(?<a>x)(?<a>y)'][n % 5] }),
      code: 'CT306',
      at: at(key),
    },
    { what: 'an unknown type', apply: addProperty(key, { type: 'bogus' }), code: 'CT016', at: at(key) },
    { what: 'a type that is a number', apply: addProperty(key, { type: 5 }), code: 'CT016', at: at(key) },
    { what: 'a property schema that is a string', apply: addProperty(key, 'string'), code: 'CT006', at: at(key) },
    { what: 'a property schema that is null', apply: addProperty(key, null), code: 'CT006', at: at(key) },
    {
      what: 'a property schema that is an array',
      apply: addProperty(key, [{ type: 'string' }]),
      code: 'CT006',
      at: at(key),
    },
    {
      what: 'required lists a key that is not there',
      apply: addProperty(key, { type: 'string' }, { required: [key + ' missing'] }),
      code: 'CT008',
      at: pointer('events', MUTANT, 'required'),
    },
    {
      what: 'required lists a number',
      apply: addProperty(key, { type: 'string' }, { required: [5] }),
      code: 'CT006',
      at: pointer('events', MUTANT, 'required'),
    },
  ),
);

/** Adds `$defs` entries (keeping the plan's own). */
const withDefs =
  (defs: Record<string, unknown>, then: (plan: Record<string, unknown>) => void) => (plan: Record<string, unknown>) => {
    plan.$defs ??= {};
    const mine = plan.$defs as Record<string, unknown>;
    for (const [k, v] of Object.entries(defs)) put(mine, k, v);
    then(plan);
  };

const badRefs: fc.Arbitrary<Mutation> = fc.tuple(keyArb, textArb).chain(([key, missing]) =>
  fc.constantFrom<Mutation>(
    {
      what: 'a $ref to nothing',
      apply: addProperty(key, {
        $ref: `#/$defs/${encodeURIComponent(token(missing.replace(/\p{Cs}/gu, '')))}zz-missing`,
      }),
      code: 'CT010',
      at: at(key),
    },
    {
      what: 'a $ref to a missing pointer root',
      apply: addProperty(key, { $ref: '#/nowhere/at/all' }),
      code: 'CT010',
      at: at(key),
    },
    {
      what: 'a $ref cycle of two',
      apply: withDefs(
        { 'Cycle A ✗': { $ref: '#/$defs/Cycle B ✗' }, 'Cycle B ✗': { $ref: '#/$defs/Cycle A ✗' } },
        addProperty(key, { $ref: '#/$defs/Cycle A ✗' }),
      ),
      code: 'CT011',
      at: '',
    },
    {
      what: 'a $ref to itself',
      apply: withDefs({ 'Self ✗': { $ref: '#/$defs/Self ✗' } }, addProperty(key, { $ref: '#/$defs/Self ✗' })),
      code: 'CT011',
      at: '',
    },
    {
      what: 'a $ref to a URL',
      apply: addProperty(key, { $ref: 'https://example.com/schema.json#/x' }),
      code: 'CT013',
      at: at(key),
    },
    {
      what: 'a $ref to an absolute file',
      apply: addProperty(key, { $ref: '/etc/passwd#/x' }),
      code: 'CT013',
      at: at(key),
    },
    {
      what: 'a $ref to a missing file',
      apply: addProperty(key, { $ref: './no-such-file ✗.json#/$defs/X' }),
      code: 'CT012',
      at: at(key),
    },
    { what: 'a $ref that is a number', apply: addProperty(key, { $ref: 5 }), code: 'CT006', at: at(key) },
    { what: 'a $ref to a string', apply: addProperty(key, { $ref: '#/name' }), code: 'CT016', at: at(key) },
    {
      what: 'a $ref to an array',
      apply: withDefs({ 'List ✗': [1, 2] }, addProperty(key, { $ref: '#/$defs/List ✗' })),
      code: 'CT016',
      at: at(key),
    },
    {
      what: 'a $ref with a malformed percent-encoding',
      apply: addProperty(key, { $ref: '#/$defs/100%' }),
      code: 'CT010|CT016',
      at: at(key),
    },
    // Cycles through items, properties and oneOf (they once overflowed the stack: hostile/refs.test.ts)
    {
      what: 'an array of itself',
      apply: withDefs(
        { 'List ✗': { type: 'array', items: { $ref: '#/$defs/List ✗' } } },
        addProperty(key, { $ref: '#/$defs/List ✗' }),
      ),
      code: 'CT011|CT301',
      at: '',
    },
    {
      what: 'an object containing itself',
      apply: withDefs(
        { 'Node ✗': { type: 'object', properties: { n: { $ref: '#/$defs/Node ✗' } } } },
        addProperty(key, { $ref: '#/$defs/Node ✗' }),
      ),
      code: 'CT011|CT301',
      at: '',
    },
    {
      what: 'a union containing itself',
      apply: withDefs(
        { 'U ✗': { oneOf: [{ type: 'string' }, { $ref: '#/$defs/U ✗' }] } },
        addProperty(key, { $ref: '#/$defs/U ✗' }),
      ),
      code: 'CT011|CT301|CT302',
      at: '',
    },
  ),
);

/** Wrong JSON types where the format says what must be there. */
const wrongTypes: fc.Arbitrary<Mutation> = fc.tuple(fc.jsonValue(), eventNameArb).chain(([junk, name]) => {
  const notObject = junk !== null && typeof junk === 'object' && !Array.isArray(junk) ? [junk] : junk;
  const notString = typeof junk === 'string' ? 5 : junk === undefined ? null : junk;
  return fc.constantFrom<Mutation>(
    {
      what: `name is ${JSON.stringify(notString)}`,
      apply: (p) => {
        p.name = notString;
      },
      code: 'CT006',
      at: '/name',
    },
    { what: 'no name', apply: (p) => void delete p.name, code: 'CT004', at: '' },
    // events that are no object make the format unrecognisable: "cannot tell which kind of plan" (CT050) is an
    // error too, if a less precise one than CT006 (which --from native gives)
    {
      what: `events is ${JSON.stringify(notObject)}`,
      apply: (p) => {
        p.events = notObject;
      },
      code: 'CT006|CT050',
      at: '',
    },
    // without events the format cannot be told (CT050) unless --from native is given (CT004): both are clear
    { what: 'no events', apply: (p) => void delete p.events, code: 'CT004|CT050', at: '' },
    {
      what: `an event schema is ${JSON.stringify(notObject)}`,
      apply: addEvent(name, notObject),
      code: 'CT007',
      at: pointer('events', name),
    },
    {
      what: 'an event of type array',
      apply: addEvent(name, { type: 'array', items: {} }),
      code: 'CT007',
      at: pointer('events', name),
    },
    {
      what: `identify is ${JSON.stringify(notObject)}`,
      apply: (p) => {
        p.identify = notObject;
      },
      code: 'CT007',
      at: '/identify',
    },
    {
      what: 'an unknown top-level key',
      apply: (p) => {
        p.evnets = {};
      },
      code: 'CT005',
      at: '/evnets',
    },
    {
      what: `description is ${JSON.stringify(notString)}`,
      apply: (p) => {
        p.description = notString;
      },
      code: 'CT006',
      at: '/description',
    },
  );
});

const chargedAndIdentify: fc.Arbitrary<Mutation> = fc.constantFrom<Mutation>(
  {
    what: 'Charged Items is a string',
    apply: addEvent('Charged', { properties: { Items: { type: 'string' } } }),
    code: 'CT401',
    at: '/events/Charged/properties/Items',
  },
  {
    what: 'Charged Items of strings',
    apply: addEvent('Charged', { properties: { Items: { type: 'array', items: { type: 'string' } } } }),
    code: 'CT401',
    at: '/events/Charged/properties/Items',
  },
  {
    what: 'Charged Items maxItems 300',
    apply: addEvent('Charged', {
      properties: { Items: { type: 'array', maxItems: 300, items: { type: 'object', properties: {} } } },
    }),
    code: 'CT402',
    at: '/events/Charged/properties/Items',
  },
  {
    what: 'a numeric phone',
    apply: (p) => {
      p.identify = { properties: { phone: { type: 'number' } } };
    },
    code: 'CT501',
    at: '/identify/properties/phone',
  },
  {
    what: 'gender X',
    apply: (p) => {
      p.identify = { properties: { gender: { type: 'string', enum: ['X'] } } };
    },
    code: 'CT501',
    at: '/identify/properties/gender',
  },
  {
    what: 'Identity as a trait',
    apply: (p) => {
      p.identify = { properties: { Identity: { type: 'string' } } };
    },
    code: 'CT505',
    at: '/identify/properties/Identity',
  },
  {
    what: 'email and Email',
    apply: (p) => {
      p.identify = { properties: { email: { type: 'string' }, Email: { type: 'string' } } };
    },
    code: 'CT502',
    at: '/identify/properties/',
  },
  {
    what: 'a multi-value trait of 101',
    apply: (p) => {
      p.identify = { properties: { tags: { type: 'array', maxItems: 101, items: { type: 'string' } } } };
    },
    code: 'CT503',
    at: '/identify/properties/tags',
  },
  {
    what: 'a multi-value trait of numbers',
    apply: (p) => {
      p.identify = { properties: { tags: { type: 'array', maxItems: 5, items: { type: 'number' } } } };
    },
    code: 'CT503',
    at: '/identify/properties/tags',
  },
);

/** Keywords of the wrong JSON type, or impossible (once silently ignored: hostile/wrong-types.test.ts). */
const wrongKeywordTypes: fc.Arbitrary<Mutation> = fc.tuple(keyArb, fc.jsonValue()).chain(([key, junk]) => {
  const notNumber = typeof junk === 'number' ? String(junk) : junk;
  return fc.constantFrom<Mutation>(
    {
      what: `maxLength ${JSON.stringify(notNumber)}`,
      apply: addProperty(key, { type: 'string', maxLength: notNumber }),
      code: '*',
      at: at(key),
    },
    {
      what: `minimum ${JSON.stringify(notNumber)}`,
      apply: addProperty(key, { type: 'number', minimum: notNumber }),
      code: '*',
      at: at(key),
    },
    { what: 'enum that is not a list', apply: addProperty(key, { type: 'string', enum: 'x' }), code: '*', at: at(key) },
    {
      what: 'minimum above maximum',
      apply: addProperty(key, { type: 'number', minimum: 2, maximum: 1 }),
      code: '*',
      at: at(key),
    },
    {
      what: 'properties that are a list',
      apply: addEvent(MUTANT, { properties: [{ [key]: { type: 'string' } }] }),
      code: '*',
      at: pointer('events', MUTANT),
    },
    {
      what: 'required that is not a list',
      apply: addProperty(key, { type: 'string' }, { required: key }),
      code: '*',
      at: pointer('events', MUTANT),
    },
  );
});

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  badEventNames,
  badKeys,
  badValues,
  badRefs,
  wrongTypes,
  chargedAndIdentify,
  wrongKeywordTypes,
);
