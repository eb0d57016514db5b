/** The generated server client of examples/shop (out/shop-node) against the fake upload server: the exact records. */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type Violation } from '../../out/shop-node/index.js';
import { type FakeUploadServer, startFakeUploadServer } from './fake-upload-server.js';
import { ACCOUNT } from './support.js';

let server: FakeUploadServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const AT = new Date('2026-01-02T03:04:05Z');
const TS = 1767323045;

async function client(options: Parameters<typeof createClient>[1] = {}) {
  server = await startFakeUploadServer();
  const violations: Violation[] = [];
  const ct = createClient(
    { endpoint: server.url, ...ACCOUNT },
    { mode: 'production', onViolation: (v) => void violations.push(v), ...options },
  );
  return { ct, server, violations };
}

describe('the shop server client', () => {
  it('sends events and profiles in the documented record shapes', async () => {
    const { ct, server: s } = await client();
    expect(
      ct.trackProductViewed(
        'user-42',
        { product_id: 'SKU-1', price: 12.5, viewed_at: new Date('2026-01-02T03:04:00Z') },
        { ts: AT },
      ),
    ).toBeUndefined();
    ct.trackAppOpened('user-42', { ts: AT });
    ct.trackCharged(
      'user-42',
      { Amount: 25, 'Payment mode': 'Card', Items: [{ sku: 'SKU-1', quantity: 2, unit_price: 12.5 }] },
      { ts: AT },
    );
    ct.trackCouponAppliedCheckout('user-7', { coupon_code: 'WELCOME10', 'discount percent': 10 }, { ts: AT });
    ct.trackÜrünFavorilereEklendi('user-7', { product_id: 'SKU-9' }, { ts: AT });
    ct.identify(
      'user-42',
      {
        email: 'ada@example.com',
        name: 'Ada',
        gender: 'F',
        birthday: new Date('1815-12-10T00:00:00Z'),
        phone: '+14155552671',
        plan: 'pro',
        favourite_categories: ['tea', 'pots'],
        'MSG-email': true,
      },
      { ts: AT },
    );
    ct.updateProfile('user-42', { plan: 'enterprise' }, { ts: AT });
    await ct.close();
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]?.headers['x-clevertap-passcode']).toBe(ACCOUNT.passcode);
    expect(s.processed).toEqual([
      {
        type: 'event',
        identity: 'user-42',
        ts: TS,
        evtName: 'Product Viewed',
        evtData: { product_id: 'SKU-1', price: 12.5, viewed_at: '$D_1767323040' },
      },
      { type: 'event', identity: 'user-42', ts: TS, evtName: 'App Opened', evtData: {} },
      {
        type: 'event',
        identity: 'user-42',
        ts: TS,
        evtName: 'Charged',
        evtData: { Amount: 25, 'Payment mode': 'Card', Items: [{ sku: 'SKU-1', quantity: 2, unit_price: 12.5 }] },
      },
      {
        type: 'event',
        identity: 'user-7',
        ts: TS,
        evtName: 'Coupon Applied – Checkout',
        evtData: { coupon_code: 'WELCOME10', 'discount percent': 10 },
      },
      {
        type: 'event',
        identity: 'user-7',
        ts: TS,
        evtName: 'Ürün Favorilere Eklendi',
        evtData: { product_id: 'SKU-9' },
      },
      {
        type: 'profile',
        identity: 'user-42',
        ts: TS,
        profileData: {
          Email: 'ada@example.com',
          Name: 'Ada',
          Gender: 'F',
          DOB: '$D_-4861728000',
          Phone: '+14155552671',
          plan: 'pro',
          favourite_categories: ['tea', 'pots'],
          'MSG-email': true,
        },
      },
      { type: 'profile', identity: 'user-42', ts: TS, profileData: { plan: 'enterprise' } },
    ]);
    expect(ct.stats()).toEqual({
      sent: 7,
      delivered: 7,
      failed: 0,
      retried: 0,
      possiblyDuplicated: 0,
      queued: 0,
      inFlight: 0,
    });
  });

  it('stamps the time of the call when no ts is given', async () => {
    const { ct, server: s } = await client();
    const before = Math.floor(Date.now() / 1000);
    ct.trackAppOpened('user-1');
    await ct.flush();
    const ts = (s.processed[0] as { ts: number }).ts;
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('copies the properties when called: later changes do not leak into the queued record', async () => {
    const { ct, server: s } = await client();
    const items = [{ sku: 'A', quantity: 1 }];
    const props = { Amount: 1, Items: items };
    ct.trackCharged('user-1', props, { ts: AT });
    props.Amount = 99;
    items[0]!.quantity = 50;
    await ct.flush();
    expect((s.processed[0] as { evtData: unknown }).evtData).toEqual({ Amount: 1, Items: [{ sku: 'A', quantity: 1 }] });
  });

  it('leaves out a profile field CleverTap would refuse, and reports it', async () => {
    const { ct, server: s, violations } = await client();
    ct.identify('user-1', { phone: '4155552671', name: 'Ada' }, { ts: AT });
    await ct.flush();
    expect(s.processed).toEqual([{ type: 'profile', identity: 'user-1', ts: TS, profileData: { Name: 'Ada' } }]);
    expect(violations.map((v) => [v.event, v.property, v.rule])).toEqual([['identify', 'phone', 'profile']]);
  });

  it('does not send a record without an identity or with an invalid time, and says why', async () => {
    const { ct, server: s, violations } = await client();
    expect(ct.trackAppOpened('  ')).toBeUndefined();
    ct.trackAppOpened('user-1', { ts: new Date('not a date') });
    ct.trackProductViewed('user-1', { product_id: 'SKU-1', price: 1, viewed_at: new Date('nope') }, { ts: AT });
    await ct.close();
    expect(violations.map((v) => v.message)).toEqual([
      'App Opened: identity: must be a non-empty string; CleverTap would refuse the record (error 523), so it is not sent',
      'App Opened: ts: is not a valid Date; CleverTap would refuse the record (error 525), so it is not sent',
      'Product Viewed: viewed_at: is not a valid Date; CleverTap would refuse it, so it is not sent',
    ]);
    expect(s.processed).toEqual([
      {
        type: 'event',
        identity: 'user-1',
        ts: TS,
        evtName: 'Product Viewed',
        evtData: { product_id: 'SKU-1', price: 1 },
      },
    ]);
  });

  it('runs the development-mode checks, and drops a call when onViolation returns false', async () => {
    server = await startFakeUploadServer();
    const seen: string[] = [];
    const rejected: Array<number | undefined> = [];
    const ct = createClient(
      { endpoint: server.url, ...ACCOUNT },
      {
        mode: 'development',
        onViolation: (v) => {
          seen.push(`${v.property}:${v.rule}`);
          return v.rule !== 'minimum';
        },
        onError: (e) => void rejected.push(e.code),
      },
    );
    ct.trackProductAddedToCart('user-1', { product_id: 'SKU-1', quantity: 100 }, { ts: AT }); // maximum 99: reported, sent
    ct.trackProductViewed('user-1', { product_id: 'SKU-1', price: -1 }, { ts: AT }); // minimum 0: dropped
    ct.identify('user-1', { email: 'not-an-email' }, { ts: AT });
    await ct.close();
    expect(seen).toEqual(['quantity:maximum', 'price:minimum', 'email:format']);
    expect(server.processed.map((r) => (r as { evtName?: string }).evtName)).toEqual(['Product Added To Cart']);
    // Reported, then sent as the handler allowed: CleverTap refuses the e-mail itself (error 514)
    expect(rejected).toEqual([514]);
  });

  it('development mode reports a null the plan does not allow; the record is sent without it', async () => {
    const { ct, server: s, violations } = await client({ mode: 'development' });
    ct.trackProductViewed('user-1', { product_id: 'SKU-1', price: 1, currency: null as unknown as 'EUR' }, { ts: AT });
    await ct.close();
    expect(violations.map((v) => `${v.property}:${v.rule}`)).toEqual(['currency:type']);
    expect(s.processed).toEqual([
      {
        type: 'event',
        identity: 'user-1',
        ts: TS,
        evtName: 'Product Viewed',
        evtData: { product_id: 'SKU-1', price: 1 },
      },
    ]);
  });

  it("onViolation 'throw' throws at the call", async () => {
    const { ct } = await client({ mode: 'development', onViolation: 'throw' });
    expect(() => ct.trackSearchPerformed('user-1', { query: '' })).toThrow(
      'clevertap: Search Performed: query: is shorter than 1',
    );
  });

  it('reports a wrong passcode through onError, with the records', async () => {
    server = await startFakeUploadServer();
    const errors: string[] = [];
    const ct = createClient(
      { endpoint: `${server.url}/`, accountId: ACCOUNT.accountId, passcode: 'wrong' },
      { onError: (e) => void errors.push(`${e.reason} ${e.records.length}`) },
    );
    ct.trackAppOpened('user-1');
    ct.trackAppOpened('user-2');
    await ct.close();
    expect(errors).toEqual(['Unauthorized 2']);
    expect(server.requests.map((r) => r.status)).toEqual([401]);
  });

  it.each([
    ['eu1', 'https://api.clevertap.com/1/upload'],
    ['in1', 'https://in1.api.clevertap.com/1/upload'],
    ['us1', 'https://us1.api.clevertap.com/1/upload'],
    ['sk1', 'https://sk1.api.clevertap.com/1/upload'],
  ] as const)('region %s uploads to %s', async (region, url) => {
    const urls: string[] = [];
    const ct = createClient(
      { region, ...ACCOUNT },
      {
        fetch: async (u) => {
          urls.push(u);
          return new Response('{"status":"success","processed":1,"unprocessed":[]}', { status: 200 });
        },
      },
    );
    ct.trackAppOpened('user-1');
    await ct.close();
    expect(urls).toEqual([url]);
  });

  it('passes the transport options through (batchSize) and refuses ones beyond the API limits', async () => {
    const { ct, server: s } = await client({ batchSize: 2 });
    for (let i = 0; i < 5; i++) ct.trackAppOpened(`user-${i}`);
    await ct.close();
    expect(s.requests.map((r) => r.count)).toEqual([2, 2, 1]);
    expect(() => createClient({ region: 'eu1', ...ACCOUNT }, { batchSize: 1001 })).toThrow(
      'batchSize must be a whole number from 1 to 1000, not 1001',
    );
  });
});
