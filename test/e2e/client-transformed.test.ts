// End-to-end proof for transformations (docs/transformations.md): a client generated from a plan with nested
// objects and arrays under a policy, bundled by esbuild and run with the real clevertap-web-sdk in headless
// Chromium. A nested object and an array sent through a transformed event arrive at CleverTap's endpoint as the
// flattened and joined keys; an untransformed event arrives exactly as it was called.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateClient, PLAN, POLICY } from '../transform/fixture.js';
import { browserSuite, clientWarnings, pushed } from './fixtures/client-wire.js';
import { closeBrowser, runInBrowser, type BrowserRun } from './harness.js';

const PAGE = fileURLToPath(new URL('./fixtures/page.ts', import.meta.url));
const RUN_TIMEOUT = 60_000;

const ENTRY = `
import { init, trackOrderCompleted, trackPageViewed, trackProductViewed } from './index.ts';
import { runPage } from ${JSON.stringify(PAGE)};

async function main(): Promise<void> {
  await init({ accountId: 'TEST-ACC-0001', region: 'in1' });
  trackOrderCompleted({
    order_id: 'O-1',
    product: { id: 'P-1', price: 9.5, brand: { name: 'Acme' } },
    tags: ['red', 'sale'],
    lines: [{ sku: 'S-1', qty: 2 }, { sku: 'S-2' }],
    misc: 7,
    'a:b': 'kept',
  });
  trackProductViewed({ sku: 'S-9', price: 12.5 });
  trackPageViewed({ path: '/home' });
}

runPage(main);
`;

const { describe: browserDescribe, title } = browserSuite(
  'the transformed client browser test',
  'a transformed client (flatten, join, index, sanitize) + clevertap-web-sdk in headless Chromium',
);

browserDescribe(title, () => {
  let run: BrowserRun;
  beforeAll(async () => {
    const dir = generateClient(PLAN, POLICY, 'e2e-transformed');
    run = await runInBrowser({ contents: ENTRY, resolveDir: dir, loader: 'ts', name: 'transformed.entry.ts' });
  }, RUN_TIMEOUT);
  afterAll(async () => {
    await closeBrowser();
  });

  it('runs without a page error, an SDK error or a development-mode violation', () => {
    expect(run.result).toBeUndefined();
    expect(run.pageErrors).toEqual([]);
    expect(run.wzrkErrors).toEqual([]);
    expect(clientWarnings(run)).toEqual([]);
  });

  it('the nested object and the arrays arrive as flattened and joined keys; the untransformed event as it was called', () => {
    expect(pushed(run)).toStrictEqual([
      {
        event: 'Order Completed',
        data: {
          order_id: 'O-1',
          product_id: 'P-1',
          product_price: 9.5,
          product_brand_name: 'Acme',
          tags: 'red,sale',
          lines_0_sku: 'S-1',
          lines_0_qty: 2,
          lines_1_sku: 'S-2',
          misc: 7,
          a_b: 'kept',
        },
      },
      { event: 'Product Viewed', data: { sku: 'S-9', price: 12.5 } },
      // sanitized: without the policy the SDK would have deleted the ":" and sent "Page Viewed"
      { event: 'Page_ Viewed', data: { path: '/home' } },
    ]);
  });
});
