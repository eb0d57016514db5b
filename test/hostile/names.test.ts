/**
 * Hostile names and keys: JavaScript's own property names, reserved words, names that differ only in case or
 * punctuation, very long names, and names whose characters mean something to JavaScript, JSDoc or an editor.
 * Each either is a clear error or gives a client that compiles under strict and sends exactly the name and keys.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { errorOrWorkingClient, workingClient } from './support.js';
import { removeScratch } from '../property/support/harness.js';

afterAll(removeScratch);

const plan = (events: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'Hostile names',
  events,
  ...extra,
});
const props = (...keys: string[]) => ({ properties: Object.fromEntries(keys.map((k) => [k, { type: 'string' }])) });

/** A plan object whose `properties` has exactly these own keys (`__proto__` included). */
function withKeys(keys: string[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const k of keys)
    Object.defineProperty(properties, k, {
      value: { type: 'string', description: `the ${k} key` },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return { properties, required: keys };
}

const OBJECT_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  'prototype',
];
const RESERVED = [
  'delete',
  'class',
  'default',
  'new',
  'function',
  'return',
  'import',
  'export',
  'await',
  'yield',
  'let',
  'enum',
  'this',
  'super',
  'null',
  'true',
  'void',
  'typeof',
  'in',
  'instanceof',
  'arguments',
  'eval',
  'undefined',
  'NaN',
  'Infinity',
];

describe("property keys that are Object.prototype's names", () => {
  it.each(OBJECT_KEYS)('the key %s is sent as an own key, in production and development mode', async (key) => {
    await workingClient(plan({ 'Proto Event': withKeys([key]) }));
  });

  it('all of them at once, required, in one event', async () => {
    await workingClient(plan({ 'Proto Event': withKeys(OBJECT_KEYS) }));
  });

  it('as identify traits, sent as profile fields with exactly these keys', async () => {
    const traits = withKeys(OBJECT_KEYS);
    await workingClient(plan({ A: {} }, { identify: { properties: traits.properties } }));
  });

  it('as Charged item keys', async () => {
    const item = withKeys(['__proto__', 'constructor', 'toString']);
    await workingClient(
      plan({
        Charged: {
          properties: {
            Amount: { type: 'number' },
            Items: { type: 'array', maxItems: 5, items: { type: 'object', ...item } },
          },
        },
      }),
    );
  });
});

describe("events named after Object.prototype's names", () => {
  it.each(OBJECT_KEYS.filter((k) => /[a-z]/i.test(k)))('an event named %s', async (name) => {
    await workingClient(plan({ [name]: props('a') }));
  });

  it('an event named __proto__ (an own key of "events", not its prototype)', async () => {
    const events: Record<string, unknown> = {};
    Object.defineProperty(events, '__proto__', {
      value: props('a'),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const client = await workingClient(plan(events));
    expect(client.plan.events.map((e) => e.name)).toEqual(['__proto__']);
  });
});

describe('JavaScript reserved words', () => {
  it.each(RESERVED)('an event named %s', async (name) => {
    await workingClient(plan({ [name]: props('value') }));
  });

  it.each(RESERVED)('a property key %s', async (key) => {
    await workingClient(plan({ 'Reserved Keys': withKeys([key]) }));
  });

  it('every reserved word as a key of one event, and as traits', async () => {
    await workingClient(
      plan({ 'Reserved Keys': withKeys(RESERVED) }, { identify: { properties: withKeys(RESERVED).properties } }),
    );
  });

  it("events named after the client's own functions and types (init, identify, track, Rules, CleverTapScalar...)", async () => {
    const names = [
      'init',
      'identify',
      'updateProfile',
      'track',
      'send',
      'report',
      'data',
      'checks',
      'Rules',
      'RuleOptions',
      'CleverTapScalar',
      'Region',
      'Violation',
      'InitOptions',
      'IdentifyTraits',
      'ChargedItem',
      'Properties',
    ];
    await workingClient(plan(Object.fromEntries(names.map((n) => [n, props('x')]))));
  });
});

describe('names that differ only in case or punctuation', () => {
  it('two events that differ only in case are an error (one event in CleverTap)', async () => {
    const outcome = await errorOrWorkingClient(plan({ 'Order Completed': {}, 'order completed': {} }));
    expect(outcome.kind === 'error' && outcome.errors.map((d) => d.code)).toEqual(['CT107']);
  });

  it('two events that differ only in punctuation are an error (one generated function)', async () => {
    const outcome = await errorOrWorkingClient(
      plan({ 'Order Completed': {}, 'Order-Completed': {}, 'Order_Completed!': {} }),
    );
    expect(outcome.kind === 'error' && [...new Set(outcome.errors.map((d) => d.code))].sort()).toEqual([
      'CT102',
      'CT109',
    ]);
  });

  it('two events that differ only in a dotless/dotted i or sharp s are told apart or refused, never merged silently', async () => {
    const outcome = await errorOrWorkingClient(
      plan({ 'Straße Viewed': {}, 'STRASSE VIEWED': {}, 'İnfo Viewed': {}, 'info viewed': {} }),
    );
    if (outcome.kind === 'client') expect(new Set(outcome.client.plan.events.map((e) => e.functionName)).size).toBe(4);
  });

  it('keys that differ only in case: a warning, and both keys are sent exactly', async () => {
    const outcome = await errorOrWorkingClient(plan({ A: withKeys(['userName', 'username', 'USERNAME']) }));
    expect(outcome.kind).toBe('client');
    expect(outcome.diagnostics.map((d) => d.code)).toEqual(['CT208', 'CT208']);
  });

  it('keys that differ only in punctuation are different keys, each sent exactly', async () => {
    await workingClient(
      plan({
        A: withKeys(['user name', 'user-name', 'user_name', 'user/name', 'user*name', 'username', 'user (name)']),
      }),
    );
  });

  it('keys that differ only in unicode normalisation (é and e + U+0301) are different keys, each sent exactly', async () => {
    await workingClient(plan({ A: withKeys(['caf\u00e9', 'cafe\u0301']) }));
  });
});

describe('very long names', () => {
  it('an event name of exactly 120 characters works', async () => {
    await workingClient(plan({ ['E'.repeat(119) + 'x']: props('a') }));
  });

  it('an event name of 121 characters is an error', async () => {
    const outcome = await errorOrWorkingClient(plan({ ['e'.repeat(121)]: {} }));
    expect(outcome.kind === 'error' && outcome.errors.map((d) => d.code)).toEqual(['CT104']);
  });

  it('an event name of 100 000 characters is an error, not a hang', async () => {
    const started = performance.now();
    const outcome = await errorOrWorkingClient(plan({ ['Long '.repeat(20_000).trim()]: {} }));
    expect(outcome.kind === 'error' && outcome.errors.map((d) => d.code)).toEqual(['CT104']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a property key of exactly 120 characters works, one of 121 is an error', async () => {
    await workingClient(plan({ A: withKeys(['k'.repeat(120)]) }));
    const outcome = await errorOrWorkingClient(plan({ A: withKeys(['k'.repeat(121)]) }));
    expect(outcome.kind === 'error' && outcome.errors.map((d) => d.code)).toEqual(['CT204']);
  });

  it('120 characters of four-byte emoji (60 code points) work', async () => {
    await workingClient(plan({ ['🎉'.repeat(59) + 'A']: withKeys(['👍'.repeat(60)]) }));
  });
});

describe('names with characters that mean something to JavaScript, JSDoc or an editor', () => {
  const NAMES: Array<[string, string]> = [
    ['a comment end */', 'Checkout */ Started'],
    ['a comment start /* and //', 'Checkout /* // Started'],
    ['backticks', 'Checkout `Started`'],
    ['template braces {}', 'Checkout {Started} {x}'],
    ['a line separator U+2028', 'Checkout\u2028Started'],
    ['a paragraph separator U+2029', 'Checkout\u2029Started'],
    ['a line feed inside', 'Checkout\nStarted'],
    ['a tab inside', 'Checkout\tStarted'],
    ['NUL inside', 'Checkout\u0000Started'],
    ['# @ ( ) [ ] ? ^ ~ | ; , + =', 'Checkout #1 @home (a) [b] ? ^ ~ | ; , + = Started'],
    ['a slash, star and hash', 'Checkout/Started*#'],
    ['emoji with ZWJ and skin tones', 'Checkout 👨‍👩‍👧 👍🏽 Started'],
    ['combining marks inside', 'Cafe\u0301 Visited'],
    ['right-to-left text', 'شراء مكتمل'],
    ['an RTL override', 'Checkout \u202eStarted\u202c'],
    ['Hebrew with a Latin word', 'הזמנה Completed'],
    ['CJK', '注文完了'],
    ['Devanagari with its combining signs', 'खरीद पूरी हुई'],
    ['a BOM inside', 'Checkout\ufeffStarted'],
    ['zero-width characters', 'Check\u200bout\u200dStarted'],
    ['a lone surrogate', 'Checkout \ud800 Started'],
    ['astral letters', '𝒜𝓁𝓅𝒽𝒶 𐐷 Event'],
    ['Turkish dotted I and German sharp s', 'İstanbul Straße'],
    ['a titlecase digraph', 'ǅemal Event'],
  ];

  it.each(NAMES)('an event name with %s', async (_, name) => {
    await workingClient(plan({ [name]: props('a'), [`${name} Again`]: {} }));
  });

  it.each(NAMES)('a property key with %s', async (_, key) => {
    await workingClient(plan({ 'Key Event': withKeys([key]) }));
  });

  it.each(NAMES)('a trait key with %s', async (_, key) => {
    await workingClient(plan({ A: {} }, { identify: { properties: withKeys([key]).properties } }));
  });
});

describe('names whose generated identifiers must still be identifiers (a clear error, or a client that compiles)', () => {
  // Each of these is a valid CleverTap name; the generator derives track<Words>() and <Words>Properties from it.
  it('an event name that starts with a digit ("3D View"), with properties', async () => {
    await errorOrWorkingClient(plan({ '3D View': props('angle') }));
  });

  it('a digits-only event name ("404"), with properties', async () => {
    await errorOrWorkingClient(plan({ '404': props('path') }));
  });

  it('an event name with a superscript digit ("Level ²")', async () => {
    await errorOrWorkingClient(plan({ 'Level ²': {} }));
  });

  it('an event name with a circled number ("① Step")', async () => {
    await errorOrWorkingClient(plan({ '① Step': {} }));
  });

  it('an event name with a vulgar fraction ("½ Price Sale")', async () => {
    await errorOrWorkingClient(plan({ '½ Price Sale': props('sku') }));
  });

  it('an event name whose first word starts with a combining mark', async () => {
    await errorOrWorkingClient(plan({ '\u0301Accent Event': props('a') }));
  });

  it("an event name with a letter newer than TypeScript's Unicode tables (U+323B0, CJK extension H)", async () => {
    await errorOrWorkingClient(plan({ 'Order \u{323B0}': {} }));
  });

  it('an event name with a Roman numeral letter (Ⅻ) works', async () => {
    await errorOrWorkingClient(plan({ 'Chapter Ⅻ': props('a') }));
  });
});
