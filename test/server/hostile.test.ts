/**
 * Hostile names through the server target: Object.prototype's names as property keys and traits, reserved words and
 * comment-breaking text as event names. Each client must type-check, and send exactly the plan's names and keys.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyClient } from '../../generator/emit/verify.js';
import { generate } from '../../generator/pipeline.js';
import { scratch } from '../helpers/paths.js';
import { writePlan } from '../helpers/plan.js';
import type { UploadRecord } from '../../templates/node/upload-types.js';

const OBJECT_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

/** An object with exactly these own keys (`__proto__` as a plain key), each mapped by `value`. */
function own(keys: string[], value: (k: string) => unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of keys)
    Object.defineProperty(o, k, { value: value(k), enumerable: true, writable: true, configurable: true });
  return o;
}

interface Loaded {
  // The generated module, called dynamically: its methods are named from the plan
  createClient: (c: object, o: object) => Record<string, (...args: unknown[]) => unknown> & { close(): Promise<void> };
}

/** Generates the node client of `plan` into a scratch folder, type-checks it, and imports it. */
async function client(plan: object): Promise<{ mod: Loaded }> {
  const result = generate(writePlan(JSON.stringify(plan)), { target: 'node' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(await verifyClient(result.files)).toEqual([]);
  const dir = scratch('node-hostile');
  mkdirSync(dir, { recursive: true });
  for (const f of result.files) writeFileSync(join(dir, f.path), f.content);
  const mod = (await import(join(dir, 'index.ts'))) as Loaded;
  return { mod };
}

/** Makes calls on a client whose fetch keeps the bodies (development mode, onViolation 'throw'); the records sent. */
async function send(
  mod: Loaded,
  call: (ct: Record<string, (...args: unknown[]) => unknown>) => void,
): Promise<UploadRecord[]> {
  const bodies: string[] = [];
  const ct = mod.createClient(
    { region: 'eu1', accountId: 'A', passcode: 'P' },
    {
      mode: 'development',
      onViolation: 'throw',
      fetch: async (_url: string, init: RequestInit) => {
        bodies.push(new TextDecoder().decode(init.body as Uint8Array));
        return new Response('{"status":"success","processed":1,"unprocessed":[]}');
      },
    },
  );
  call(ct);
  await ct.close();
  return bodies.flatMap((b) => (JSON.parse(b) as { d: UploadRecord[] }).d);
}

const stringProps = (keys: string[]) => ({
  properties: own(keys, (k) => ({ type: 'string', description: `the ${k} key */ /*` })),
  required: keys,
});

const EVENT_NAMES = [
  'delete',
  'constructor',
  'class',
  'await',
  '*/ oops /*',
  'back`tick {x} #1',
  'Line\u2028Separator',
];

/** One plan with every hostile name (one type-check for all): prototype keys as event keys and traits, odd event names. */
const PLAN = {
  name: 'Hostile */ names',
  events: {
    'Proto Event': stringProps(OBJECT_KEYS),
    ...Object.fromEntries(EVENT_NAMES.map((n) => [n, { properties: { a: { type: 'string' } } }])),
  },
  identify: { properties: own(OBJECT_KEYS, () => ({ type: 'string' })) },
};

describe('hostile names in the server client', () => {
  let loaded: Promise<{ mod: Loaded }> | undefined;
  const mod = async () => {
    loaded ??= client(PLAN);
    return (await loaded).mod;
  };

  it("sends Object.prototype's names as own event keys", async () => {
    const [record] = await send(await mod(), (ct) =>
      ct.trackProtoEvent!(
        'user-1',
        own(OBJECT_KEYS, (k) => `v-${k}`),
      ),
    );
    expect(record?.evtName).toBe('Proto Event');
    expect(Object.keys(record?.evtData ?? {})).toEqual(OBJECT_KEYS);
    expect(Object.getPrototypeOf(record?.evtData)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record?.evtData ?? {}, 'constructor')?.value).toBe('v-constructor');
  });

  it("sends Object.prototype's names as own profile fields", async () => {
    const [record] = await send(await mod(), (ct) =>
      ct.identify!(
        'user-1',
        own(OBJECT_KEYS, (k) => `v-${k}`),
      ),
    );
    expect(Object.keys(record?.profileData ?? {})).toEqual(OBJECT_KEYS);
    expect(Object.getOwnPropertyDescriptor(record?.profileData, '__proto__')?.value).toBe('v-__proto__');
  });

  it('sends each odd event name exactly, through its own method', async () => {
    const m = await mod();
    const methods = Object.keys(m.createClient({ region: 'eu1', accountId: 'A', passcode: 'P' }, {})).filter(
      (k) => k.startsWith('track') && k !== 'trackProtoEvent',
    );
    expect(methods).toHaveLength(EVENT_NAMES.length);
    const records = await send(m, (ct) => {
      for (const method of methods) ct[method]!('user-1', { a: 'x' });
    });
    expect(records.map((r) => r.evtName).sort()).toEqual([...EVENT_NAMES].sort());
  });
});
