// End-to-end proof for the generated shop client (out/shop, from examples/shop/plan.json): bundled by esbuild
// as an app bundles it, running the real clevertap-web-sdk in headless Chromium, every request intercepted and
// decoded (see test/e2e/README.md for the wire format).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, payloadRecords, runInBrowser, type BrowserRun } from './harness.js';
import { browserSuite, clientWarnings, pushed, pushedRecords, utf8Hex } from './fixtures/client-wire.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const plan = JSON.parse(readFileSync(new URL('../../examples/shop/plan.json', import.meta.url), 'utf8')) as {
  events: Record<string, unknown>;
};
const RUN_TIMEOUT = 60_000;
const ACCOUNT = 'TEST-ACC-0001';
const HOST = 'in1.clevertap-prod.com';

const { describe: browserDescribe, title } = browserSuite(
  "the generated shop client's browser tests",
  'generated shop client (out/shop) + clevertap-web-sdk in headless Chromium',
);

browserDescribe(title, () => {
  afterAll(async () => {
    await closeBrowser();
  });

  describe('every call the plan allows, before and after init({ accountId, region: "in1" })', () => {
    let run: BrowserRun;
    beforeAll(async () => {
      run = await runInBrowser(fixture('client-shop.entry.ts'));
      console.info(`[e2e] client-shop: bundle ${run.bundleMs} ms, browser ${run.durationMs} ms`);
    }, RUN_TIMEOUT);

    it('sends everything to the init region for the account, with no SDK error, console error, page error or violation', () => {
      expect(run.result).toBeUndefined(); // the entry sets it only when a call threw
      expect(run.pageErrors).toEqual([]);
      expect(run.consoleErrors).toEqual([]);
      expect(run.wzrkErrors).toEqual([]);
      expect(clientWarnings(run)).toEqual([]);
      expect(run.blockedRequests).toEqual([]);
      expect(run.requests.length).toBeGreaterThan(0);
      for (const req of run.requests) {
        expect(req.host).toBe(HOST); // nothing went to eu1 (where the SDK sends a login made before init)
        expect(req.path).toBe('/a');
        expect(req.decodeError).toBeUndefined();
        for (const rec of payloadRecords(req.payload)) expect(rec.id).toBe(ACCOUNT);
      }
      // init's page view goes first: the calls made before init waited for it.
      expect(run.requests[0].type).toBe('page');
    });

    it('sends the calls made before init after it, in order, then the later ones: exact names, properties and profiles', () => {
      expect(pushed(run)).toStrictEqual([
        // ---- made before init ----
        { event: 'App Opened', data: {} },
        {
          event: 'Product Viewed',
          data: { product_id: 'SKU-1042', price: 19.99, currency: 'EUR', viewed_at: '$D_1705321800' },
        },
        {
          // identify('u-1001', traits): the plan's trait names mapped to CleverTap's fields
          profile: {
            Email: 'ada@example.com',
            Name: 'Ada Lovelace',
            Gender: 'F',
            DOB: '$D_642902400', // Date.UTC(1990, 4, 17)
            Phone: 14155552671, // '+14155552671': the SDK strips the '+' and sends a number
            plan: 'pro',
            favourite_categories: ['books', 'tea'], // a multi-value trait goes as the array
            'MSG-email': true,
            Identity: 'u-1001',
            tz: 'GMT+0000', // added by the SDK (the harness runs the browser in UTC)
          },
        },
        // ---- made after init ----
        {
          event: 'Product Added To Cart',
          data: { product_id: 'SKU-1042', quantity: 2, price: 19.99, currency: 'EUR' },
        },
        {
          event: 'Search Performed',
          data: { query: 'Teekanne Ångström – 🚀', results: 0, 'Sort Order': 'price ascending' },
        },
        { event: 'Coupon Applied – Checkout', data: { coupon_code: 'SPRING24', 'discount percent': 12.5 } },
        { event: 'Ürün Favorilere Eklendi', data: { product_id: 'SKU-7' } },
        {
          event: 'Charged',
          data: {
            Amount: 42.5,
            'Payment mode': 'Cash On Delivery',
            'Charged ID': 'order-1001',
            Currency: 'INR',
            Items: [
              { sku: 'SKU-1042', name: 'Teapot', quantity: 1, unit_price: 30 },
              { sku: 'SKU-2001', quantity: 2, unit_price: 6.25 },
            ],
          },
        },
        {
          // updateProfile(): a plain profile push
          profile: {
            plan: 'enterprise',
            'MSG-email': false,
            favourite_categories: ['books', 'tea', 'garden'],
            tz: 'GMT+0000',
          },
        },
        // identify({ email }): no Identity, the e-mail address identifies the user
        { profile: { Email: 'guest@example.com', favourite_categories: ['garden'], tz: 'GMT+0000' } },
        { event: 'Product Viewed', data: { product_id: 'SKU-2', price: 0 } },
      ]);
    });

    it('sends identify() through onUserLogin and updateProfile() through profile.push', () => {
      const profiles = pushedRecords(run)
        .map((p) => p.record)
        .filter((r) => r.type === 'profile');
      expect(profiles).toHaveLength(3);
      const [login, update, emailLogin] = profiles;
      // Only an onUserLogin carries isOUL, and only when it is a fresh login or a user switch (see the README):
      // the profile.push never does.
      expect(update.isOUL).toBeUndefined();
      expect([undefined, true]).toContain(login.isOUL);
      expect([undefined, true]).toContain(emailLogin.isOUL);
      // a number, not the string the app gave
      expect(typeof (login.profile as Record<string, unknown>).Phone).toBe('number');
    });

    it("sends every event of the plan under the plan's name, byte for byte (spaces, en dash, Turkish letters)", () => {
      const names = [...new Set(pushed(run).flatMap((p) => ('event' in p ? [p.event] : [])))];
      expect([...names].sort()).toEqual(Object.keys(plan.events).sort());
      for (const name of names) expect(Object.keys(plan.events).map(utf8Hex)).toContain(utf8Hex(name));
      expect(utf8Hex(names.find((n) => n.startsWith('Coupon'))!)).toBe(utf8Hex('Coupon Applied \u2013 Checkout'));
      expect(utf8Hex(names.find((n) => n.endsWith('Eklendi'))!)).toBe(utf8Hex('\u00dcr\u00fcn Favorilere Eklendi'));
    });
  });

  // Calls the plan allows (they all compile) on which the client once did not do what it promises, found by this
  // suite and fixed. The run is made once, in beforeAll, so a harness failure still fails the suite.
  describe('edge cases found in the browser', () => {
    let run: BrowserRun;
    const records = () => pushedRecords(run).map((p) => p.record);
    const charged = (id: string) =>
      records().find((r) => r.evtName === 'Charged' && (r.evtData as Record<string, unknown>)['Charged ID'] === id)!
        .evtData as Record<string, unknown>;
    beforeAll(async () => {
      run = await runInBrowser(fixture('client-shop-bugs.entry.ts'));
      // What the tests below look at must be there, so that each can fail only on the behaviour it names.
      expect(run.pageErrors).toEqual([]);
      expect(run.result).toHaveProperty('mugAfterTracking');
      expect(new Set(run.requests.map((r) => r.host))).toEqual(new Set([HOST]));
      // updateProfile({}) and updateProfile({ favourite_categories: [] }) send nothing: there is nothing to update
      expect(records().map((r) => r.evtName ?? 'profile')).toEqual([
        'profile',
        'Charged',
        'profile',
        'Charged',
        'Search Performed',
      ]);
      expect(
        records()
          .filter((r) => r.type === 'profile')
          .map((r) => r.profile),
      ).toEqual([
        { Email: 'ada@example.com', Identity: 'u-1001', tz: 'GMT+0000' },
        { Name: 'Ada King', Identity: 'u-1001', tz: 'GMT+0000' },
      ]);
    }, RUN_TIMEOUT);

    it('a second identify() of the same user after a login made before init is not a user switch (no rc)', () => {
      // A login sent right after clevertap.init, before the backend's first reply, makes the SDK keep the user's ids
      // in a shape that makes every later login look like another user (`rc: true`, request numbers restart, local
      // state deleted). The client now holds a login until the SDK has its device id.
      const again = records().find(
        (r) => r.type === 'profile' && (r.profile as Record<string, unknown>).Name === 'Ada King',
      )!;
      expect(again.rc).toBeUndefined();
    });

    it('Charged sends the Items the app passed at the call, not what the array became before init', () => {
      expect(charged('order-2001').Items).toEqual([{ sku: 'SKU-1', name: 'Teapot', quantity: 1 }]);
    });

    it('a string value with an apostrophe arrives as given, or development mode reports it', () => {
      const search = records().find((r) => r.evtName === 'Search Performed')!;
      const query = (search.evtData as Record<string, unknown>).query;
      const reported = clientWarnings(run).some((w) => w.includes('Search Performed'));
      expect({ query, reported }).toSatisfy(
        (x: { query: unknown; reported: boolean }) => x.query === "kids' shoes" || x.reported,
      );
    });

    it("the app's own Charged item objects are left as they were; the SDK's repair of the copy is reported", () => {
      // The client hands the SDK copies of the Items; the SDK deletes the apostrophe from the copy it sends.
      expect((run.result as { mugAfterTracking: unknown }).mugAfterTracking).toEqual({
        sku: 'SKU-3',
        name: "Kid's Mug",
        quantity: 1,
      });
      expect(charged('order-2002').Items).toEqual([{ sku: 'SKU-3', name: 'Kids Mug', quantity: 1 }]);
      expect(clientWarnings(run).some((w) => w.includes('Charged: Items[0].name'))).toBe(true);
    });

    it('updateProfile({}) causes no SDK error', () => {
      expect(run.consoleErrors.filter((e) => e.includes('Empty profile object'))).toEqual([]);
    });

    it('updateProfile({ favourite_categories: [] }) causes no SDK error (wzrk_error 545), and is reported', () => {
      expect(run.wzrkErrors).toEqual([]);
      expect(run.consoleErrors.filter((e) => e.includes('favourite_categories'))).toEqual([]);
      expect(clientWarnings(run).some((w) => w.includes('updateProfile: favourite_categories: is an empty list'))).toBe(
        true,
      );
    });
  });
});
