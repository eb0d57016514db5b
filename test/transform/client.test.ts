/**
 * The client of a transformed plan: typed as the plan writes each event (checked by compiling, with
 * @ts-expect-error on each misuse), sending CleverTap's shape (against a fake SDK), and untransformed events
 * handing the caller's object to the SDK as it is.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { LoadedClient } from '../helpers/client.js';
import { fakeSdk } from '../helpers/fake-sdk.js';
import { compile, format } from '../helpers/tsc.js';
import { generateClient, PLAN, POLICY } from './fixture.js';

type Client = LoadedClient;

async function client(mode: 'production' | 'development' = 'production', onViolation: unknown = 'throw') {
  const dir = generateClient(PLAN, POLICY);
  const c = (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as Client;
  const sdk = fakeSdk();
  await c.init({ sdk, mode, onViolation });
  return { c, sdk, dir };
}

/** test/types/ts-versions.test.ts's strictest flags, with those of TypeScript 5.8 and later. */
const STRICTEST: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noUnusedLocals: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedParameters: true,
  allowUnreachableCode: false,
  noImplicitOverride: true,
  erasableSyntaxOnly: true,
  isolatedDeclarations: true,
  declaration: true,
  emitDeclarationOnly: true,
  noEmit: false,
  outDir: '/nonexistent-never-written',
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
};

describe('a transformed client', () => {
  it('sends the flattened, joined keys; the plan-shaped call is what the function takes', async () => {
    const { c, sdk } = await client();
    c.trackOrderCompleted({
      order_id: 'O1',
      product: { id: 'P1', price: 9.5, brand: { name: 'Acme' } },
      tags: ['red', 'sale'],
      lines: [{ sku: 'S1', qty: 2 }, { sku: 'S2' }],
      coupon: null,
      misc: true,
      'a:b': 'x',
    });
    expect(sdk.calls).toEqual([
      [
        'event',
        'Order Completed',
        {
          order_id: 'O1',
          product_id: 'P1',
          product_price: 9.5,
          product_brand_name: 'Acme',
          tags: 'red,sale',
          lines_0_sku: 'S1',
          lines_0_qty: 2,
          lines_1_sku: 'S2',
          misc: true,
          a_b: 'x',
        },
      ],
    ]);
  });

  it('leaves out what the call leaves out (a missing nested object, a shorter array, null)', async () => {
    const { c, sdk } = await client();
    c.trackOrderCompleted({
      order_id: 'O2',
      product: { id: 'P2' },
      lines: [{ sku: 'S1' }],
      coupon: { code: 'C' },
      tags: [],
    });
    expect(sdk.calls).toEqual([
      ['event', 'Order Completed', { order_id: 'O2', product_id: 'P2', tags: '', lines_0_sku: 'S1', coupon_code: 'C' }],
    ]);
  });

  it("sends a sanitized event name; an untransformed event gets the caller's own object", async () => {
    const { c, sdk } = await client();
    c.trackPageViewed({ path: '/' });
    const props = { sku: 'S', price: 1 };
    c.trackProductViewed(props);
    expect(sdk.calls[0]).toEqual(['event', 'Page_ Viewed', { path: '/' }]);
    expect(sdk.calls[1]![2]).toBe(props); // production after init: no copy
  });

  it('joins dates as ISO text, skips null members, and does not read the prototype', async () => {
    const plan = {
      name: 'T',
      events: {
        E: {
          properties: {
            when: { type: 'array', items: { type: 'string', format: 'date-time' } },
            __proto__x: { type: 'object', properties: { constructor: { type: 'string' } } },
          },
        },
      },
    };
    const dir = generateClient(plan, POLICY, 'dates');
    const c = (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as Client;
    const sdk = fakeSdk();
    await c.init({ sdk, mode: 'production' });
    c.trackE({ when: [new Date('2026-01-02T03:04:05Z'), null], __proto__x: {} });
    expect(sdk.calls).toEqual([['event', 'E', { when: '2026-01-02T03:04:05.000Z' }]]);
  });

  it('a plan key "__proto__" is read and sent as a plain key, at any depth', async () => {
    const inner: Record<string, unknown> = {};
    Object.defineProperty(inner, '__proto__', { value: { type: 'string' }, enumerable: true });
    const outer: Record<string, unknown> = {};
    Object.defineProperty(outer, '__proto__', { value: { type: 'object', properties: inner }, enumerable: true });
    const dir = generateClient({ name: 'T', events: { E: { properties: outer } } }, POLICY, 'proto');
    const c = (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as Client;
    const sdk = fakeSdk();
    await c.init({ sdk, mode: 'production' });
    c.trackE(JSON.parse('{"__proto__": {"__proto__": "x"}}'));
    const sent = sdk.calls[0]![2] as Record<string, unknown>;
    expect(Object.keys(sent)).toEqual(['__proto_____proto__']);
    expect(sent.__proto_____proto__).toBe('x');
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
  });

  it('an event that allows extra keys sends them as they are, beside the transformed ones', async () => {
    const plan = {
      name: 'T',
      events: {
        E: { properties: { a: { type: 'object', properties: { b: { type: 'string' } } } }, additionalProperties: true },
      },
    };
    const dir = generateClient(plan, POLICY, 'extras');
    const c = (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as Client;
    const sdk = fakeSdk();
    await c.init({ sdk, mode: 'production' });
    c.trackE({ a: { b: 'x' }, extra: 1, a_b: 'overwritten by the mapped key' });
    expect(sdk.calls).toEqual([['event', 'E', { extra: 1, a_b: 'x' }]]);
  });

  it('--language js carries the helper and the tables into index.js', async () => {
    const { generateFiles } = await import('../../generator/pipeline.js');
    const dir = generateClient(PLAN, POLICY, 'js');
    const result = await generateFiles(join(dir, 'plan.json'), { transform: POLICY, language: 'js' });
    const js = result.files.find((f) => f.path === 'index.js')!.content;
    expect(js).toContain('function transformed(props, fields, declared)');
    expect(js).toContain('track("Order Completed", transformed(properties, trackOrderCompletedFields, undefined));');
    const dts = result.files.find((f) => f.path === 'index.d.ts')!.content;
    expect(dts).toMatch(/export interface OrderCompletedProperties \{\n(.*\n)*? {4}product: \{\n/);
  });

  it('development mode checks what CleverTap receives: a joined string over 512 bytes is reported at its key', async () => {
    const violations: Array<{ property: string; rule: string }> = [];
    const { c, sdk } = await client('development', (v: { property: string; rule: string }) => {
      violations.push(v);
    });
    c.trackOrderCompleted({ order_id: 'O3', product: { id: 'P3' }, tags: Array.from({ length: 200 }, () => 'tag') });
    expect(violations.map((v) => v.property)).toEqual(['tags']);
    expect(sdk.calls).toHaveLength(1);
  });

  it('the JSDoc of the track function says what CleverTap receives', async () => {
    const { dir } = await client();
    const text = (await import('node:fs')).readFileSync(join(dir, 'index.ts'), 'utf8');
    expect(text).toContain(
      ' * An order went through.\n * Sends "Order Completed" to CleverTap, transformed by the policy:\n * - `order_id`\n * - `product_id` from `product.id`\n',
    );
    expect(text).toContain(
      ' * - `tags` from `tags`, its values joined with ","\n * - `lines_0_sku` from `lines[0].sku`\n',
    );
    expect(text).toContain(
      ' * Sends "Page_ Viewed" (the plan\'s "Page: Viewed") to CleverTap, transformed by the policy:\n',
    );
    // Untransformed events carry no helper call
    expect(text).toMatch(
      /export function trackProductViewed<T extends ProductViewedProperties>\(properties: Exact<T, keyof ProductViewedProperties>\): void \{\n {2}track\("Product Viewed", properties\);/,
    );
  });

  it('compiles under strict, typed as the plan writes each event; misuse does not compile', async () => {
    const { dir } = await client();
    const use = join(dir, 'use.ts');
    writeFileSync(
      use,
      `import { trackOrderCompleted, trackPageViewed } from './index.js';
trackOrderCompleted({ order_id: 'O', product: { id: 'P', brand: { name: 'B' } }, tags: ['a'], lines: [{ sku: 'S', qty: 1 }], coupon: null, misc: 1 });
trackPageViewed({ path: '/' });
// @ts-expect-error a nested required key is missing
trackOrderCompleted({ order_id: 'O', product: { price: 1 } });
// @ts-expect-error a nested value of the wrong type
trackOrderCompleted({ order_id: 'O', product: { id: 1 } });
// @ts-expect-error the flattened key is not what the function takes
trackOrderCompleted({ order_id: 'O', product_id: 'P' });
// @ts-expect-error an array where the plan has an array of strings takes no numbers
trackOrderCompleted({ order_id: 'O', product: { id: 'P' }, tags: [1] });
// @ts-expect-error array members are objects of the plan's shape
trackOrderCompleted({ order_id: 'O', product: { id: 'P' }, lines: [{ qty: 1 }] });
// @ts-expect-error an untyped value is any scalar, not an object
trackOrderCompleted({ order_id: 'O', product: { id: 'P' }, misc: {} });
// @ts-expect-error a nested key the plan does not have
trackOrderCompleted({ order_id: 'O', product: { id: 'P', colour: 'red' } });
`,
    );
    expect(format(compile([use], STRICTEST))).toBe('');
  });
});

describe('the server (node) client of the transformed plan', () => {
  it('uploads the transformed properties, and compiles under the strictest flags', async () => {
    const dir = generateClient(PLAN, POLICY, 'transformed-node', 'node');
    const c = (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as Client;
    const bodies: Array<{ d: Array<Record<string, unknown>> }> = [];
    const fetch = async (_url: string, init: RequestInit) => {
      const raw = init.body;
      const body = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw as Uint8Array)) as {
        d: Array<Record<string, unknown>>;
      };
      bodies.push(body);
      return new Response(JSON.stringify({ status: 'success', processed: body.d.length, unprocessed: [] }), {
        status: 200,
      });
    };
    const client = c.createClient(
      { accountId: 'A', passcode: 'P', endpoint: 'http://127.0.0.1:9' },
      { mode: 'production', fetch },
    ) as LoadedClient;
    expect(
      client.trackOrderCompleted('u-1', { order_id: 'O1', product: { id: 'P1' }, tags: ['a', 'b'] }),
    ).toBeUndefined();
    expect(client.trackProductViewed('u-1', { sku: 'S' })).toBeUndefined();
    await client.close();
    const records = bodies.flatMap((b) => b.d).map((r) => [r.evtName, r.evtData]);
    expect(records).toEqual([
      ['Order Completed', { order_id: 'O1', product_id: 'P1', tags: 'a,b' }],
      ['Product Viewed', { sku: 'S' }],
    ]);
    expect(format(compile([join(dir, 'index.ts')], STRICTEST))).toBe('');
  });
});

describe('the React Native client of the transformed plan', () => {
  it('sends the same transformed properties through recordEvent, and compiles under the strictest flags', async () => {
    const dir = generateClient(PLAN, POLICY, 'transformed-rn', 'react-native');
    const c = (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as Client;
    const calls: unknown[] = [];
    const sdk = {
      recordEvent: (n: string, p: unknown) => calls.push([n, p]),
      recordChargedEvent() {},
      onUserLogin() {},
      profileSet() {},
      profileSetMultiValuesForKey() {},
    };
    await c.init({ sdk, mode: 'production' });
    c.trackOrderCompleted({
      order_id: 'O1',
      product: { id: 'P1', brand: { name: 'B' } },
      tags: ['a', 'b'],
      lines: [{ sku: 'S' }],
    });
    c.trackPageViewed({ path: '/' });
    expect(calls).toEqual([
      ['Order Completed', { order_id: 'O1', product_id: 'P1', product_brand_name: 'B', tags: 'a,b', lines_0_sku: 'S' }],
      ['Page_ Viewed', { path: '/' }],
    ]);
    expect(format(compile([join(dir, 'index.ts')], STRICTEST))).toBe('');
  });
});
