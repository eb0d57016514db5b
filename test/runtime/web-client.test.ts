import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSdk } from '../helpers/fake-sdk.js';

type Shop = typeof import('../../out/shop/index.js');
type Saas = typeof import('../../out/saas/index.js');

// Each test gets a fresh module: the client keeps its SDK and queue in module state.
async function shop(): Promise<Shop> {
  vi.resetModules();
  return import('../../out/shop/index.js');
}
async function saas(): Promise<Saas> {
  vi.resetModules();
  return import('../../out/saas/index.js');
}

describe('the web client calls the SDK', () => {
  let sdk: ReturnType<typeof fakeSdk>;
  beforeEach(() => {
    sdk = fakeSdk();
  });

  it("with exactly the plan's event names and properties", async () => {
    const c = await shop();
    await c.init({ sdk, mode: 'production' });
    const viewedAt = new Date('2026-11-28T10:00:00Z');
    c.trackProductViewed({ product_id: 'SKU-1', price: 12.5, currency: 'EUR', viewed_at: viewedAt });
    c.trackCouponAppliedCheckout({ coupon_code: 'SAVE10', 'discount percent': 10 });
    c.trackÜrünFavorilereEklendi({ product_id: 'SKU-2' });
    c.trackSearchPerformed({ query: 'tea', 'Sort Order': 'newest' });
    expect(sdk.calls).toEqual([
      ['event', 'Product Viewed', { product_id: 'SKU-1', price: 12.5, currency: 'EUR', viewed_at: viewedAt }],
      ['event', 'Coupon Applied – Checkout', { coupon_code: 'SAVE10', 'discount percent': 10 }],
      ['event', 'Ürün Favorilere Eklendi', { product_id: 'SKU-2' }],
      ['event', 'Search Performed', { query: 'tea', 'Sort Order': 'newest' }],
    ]);
    // the Date is handed over as a Date: the SDK turns it into a CleverTap date
    expect((sdk.calls[0] as [string, string, Record<string, unknown>])[2].viewed_at).toBeInstanceOf(Date);
  });

  it('with {} for an event without properties', async () => {
    const c = await shop();
    await c.init({ sdk });
    c.trackAppOpened();
    expect(sdk.calls).toEqual([['event', 'App Opened', {}]]);
  });

  it('with Charged and its Items', async () => {
    const c = await shop();
    await c.init({ sdk });
    const Items = [{ sku: 'A', quantity: 2, unit_price: 3 }];
    c.trackCharged({ Amount: 6, 'Charged ID': 'o-1', Items });
    expect(sdk.calls).toEqual([['event', 'Charged', { Amount: 6, 'Charged ID': 'o-1', Items }]]);
  });

  it('leaves out undefined and null values, and copies the props at call time', async () => {
    const c = await shop();
    const props = { product_id: 'SKU-1', price: 1, currency: undefined };
    c.trackProductViewed(props);
    props.price = 999;
    await c.init({ sdk });
    expect(sdk.calls).toEqual([['event', 'Product Viewed', { product_id: 'SKU-1', price: 1 }]]);
  });

  it('queues calls made before init and sends them after it, in order', async () => {
    const c = await shop();
    c.trackAppOpened();
    c.identify('u-1');
    c.trackSearchPerformed({ query: 'a' });
    expect(sdk.calls).toEqual([]);
    await c.init({ sdk });
    c.trackSearchPerformed({ query: 'b' });
    expect(sdk.calls.map((call) => (call[0] === 'event' ? call[1] : call[0]))).toEqual([
      'App Opened',
      'onUserLogin',
      'Search Performed',
      'Search Performed',
    ]);
  });

  it('maps identify traits to CleverTap profile fields', async () => {
    const c = await shop();
    await c.init({ sdk });
    const birthday = new Date('1815-12-10');
    c.identify('u-1', {
      email: 'ada@example.com',
      name: 'Ada',
      gender: 'F',
      birthday,
      phone: '+14155552671',
      plan: 'pro',
      favourite_categories: ['tea'],
      'MSG-email': true,
    });
    c.identify({ email: 'guest@example.com' });
    c.updateProfile({ plan: 'enterprise' });
    expect(sdk.calls).toEqual([
      [
        'onUserLogin',
        {
          Site: {
            Email: 'ada@example.com',
            Name: 'Ada',
            Gender: 'F',
            DOB: birthday,
            Phone: '+14155552671',
            plan: 'pro',
            favourite_categories: ['tea'],
            'MSG-email': true,
            Identity: 'u-1',
          },
        },
      ],
      ['onUserLogin', { Site: { Email: 'guest@example.com' } }],
      ['profile', { Site: { plan: 'enterprise' } }],
    ]);
  });

  it("takes CleverTap's own field names as traits too", async () => {
    const c = await saas();
    await c.init({ sdk, mode: 'production' });
    c.identify(42, { Email: 'g@example.com', Name: 'Grace', avatar: 'https://example.com/g.png', Employed: 'Y' });
    expect(sdk.calls).toEqual([
      [
        'onUserLogin',
        {
          Site: {
            Email: 'g@example.com',
            Name: 'Grace',
            Photo: 'https://example.com/g.png',
            Employed: 'Y',
            Identity: 42,
          },
        },
      ],
    ]);
  });

  it('never hands CleverTap a profile value it refuses: the field is left out and reported', async () => {
    const c = await shop();
    const seen: string[] = [];
    await c.init({ sdk, mode: 'production', onViolation: (v) => void seen.push(`${v.event} ${v.property} ${v.rule}`) });
    c.identify('u-1', { name: 'Ada', phone: '4155552671', birthday: new Date('nope') });
    c.identify('');
    expect(sdk.calls).toEqual([['onUserLogin', { Site: { Name: 'Ada', Identity: 'u-1' } }]]);
    expect(seen).toEqual(['identify phone profile', 'identify birthday profile', 'identify Identity profile']);
  });

  it('rejects a region CleverTap does not have', async () => {
    const c = await shop();
    await expect(c.init({ accountId: 'X', region: 'mars1' as 'eu1' })).rejects.toThrow(/unknown region "mars1"/);
  });
});

describe('a login before the SDK knows its device id', () => {
  it('waits for the device id, and the calls after it wait behind it, in order', async () => {
    vi.useFakeTimers();
    try {
      const c = await shop();
      const sdk = fakeSdk();
      let deviceId: string | null = null;
      await c.init({ sdk: { ...sdk, getCleverTapID: () => deviceId }, mode: 'production' });
      c.identify('u-1');
      c.trackAppOpened();
      expect(sdk.calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(100);
      expect(sdk.calls).toEqual([]);
      deviceId = 'device-1';
      await vi.advanceTimersByTimeAsync(40);
      expect(sdk.calls).toEqual([
        ['onUserLogin', { Site: { Identity: 'u-1' } }],
        ['event', 'App Opened', {}],
      ]);
      c.identify('u-1'); // the SDK knows its device id now: sent at once
      expect(sdk.calls).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up waiting after 3 s and sends it', async () => {
    vi.useFakeTimers();
    try {
      const c = await shop();
      const sdk = fakeSdk();
      await c.init({ sdk: { ...sdk, getCleverTapID: () => null } });
      c.identify('u-1');
      await vi.advanceTimersByTimeAsync(2900);
      expect(sdk.calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(200);
      expect(sdk.calls).toEqual([['onUserLogin', { Site: { Identity: 'u-1' } }]]);
    } finally {
      vi.useRealTimers();
    }
  });
});
