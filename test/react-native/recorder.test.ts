/**
 * Proof without a device: the generated React Native clients drive clevertap-react-native's real JavaScript layer
 * (src/index.js, bundled with esbuild, react-native replaced by a recorder), and the test asserts the exact
 * arguments that reach the native module for every event of the example plans, Charged with its items, identify
 * with each standard field, updateProfile and multi-value traits, and Dates as CleverTap dates.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../helpers/paths.js';
import type { NativeCall } from './fixtures/react-native-recorder.js';

type Shop = typeof import('../../out/shop-rn/index.js');
type Saas = typeof import('../../out/saas-rn/index.js');
interface Bundle {
  CleverTap: Parameters<Shop['init']>[0] extends infer O
    ? O extends { sdk?: infer S }
      ? NonNullable<S>
      : never
    : never;
  nativeCalls: NativeCall[];
  shop: Shop;
  saas: Saas;
}

/** One bundle per test: module state (the client's queue and mode) starts fresh. */
async function load(): Promise<Bundle> {
  const dir = scratch('rn');
  const entry = join(dir, 'entry.ts');
  const fixtures = join(ROOT, 'test', 'react-native', 'fixtures');
  await import('node:fs').then((fs) =>
    fs.writeFileSync(
      entry,
      `export * from ${JSON.stringify(join(fixtures, 'app.entry.ts'))};\n` +
        `export * as shop from ${JSON.stringify(join(ROOT, 'out', 'shop-rn', 'index.ts'))};\n` +
        `export * as saas from ${JSON.stringify(join(ROOT, 'out', 'saas-rn', 'index.ts'))};\n`,
    ),
  );
  const outfile = join(dir, 'bundle.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
    alias: { 'react-native': join(fixtures, 'react-native-recorder.ts') },
    // the module's src/index.js mixes import and require(): esbuild needs a require in the ESM bundle
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return (await import(pathToFileURL(outfile).href)) as Bundle;
}

let b: Bundle;
beforeEach(async () => {
  b = await load();
  b.nativeCalls.length = 0;
});

/** The calls that carry data (the module also calls setLibrary when it loads). */
const sent = (): NativeCall[] => b.nativeCalls.filter((c) => c.method !== 'setLibrary');
const when = new Date('2024-01-15T12:30:00Z');
const D = `$D_${Math.floor(when.getTime() / 1000)}`;

describe('the shop client on the real clevertap-react-native module', () => {
  it('queues calls made before init and sends them after it, in order', async () => {
    b.shop.trackAppOpened();
    b.shop.trackProductViewed({ product_id: 'SKU-1', price: 12.5 });
    expect(sent()).toEqual([]);
    await b.shop.init({ sdk: b.CleverTap, mode: 'production' });
    expect(sent()).toEqual([
      { method: 'recordEvent', args: ['App Opened', {}] },
      { method: 'recordEvent', args: ['Product Viewed', { product_id: 'SKU-1', price: 12.5 }] },
    ]);
  });

  it('connects once: a second init changes nothing and returns the first promise', async () => {
    const first = b.shop.init({ sdk: b.CleverTap, mode: 'production' });
    const other = {
      ...b.CleverTap,
      recordEvent: () => {
        throw new Error("the second init's module was used");
      },
    };
    expect(b.shop.init({ sdk: other, mode: 'development' })).toBe(first);
    await first;
    b.shop.trackAppOpened();
    expect(sent()).toEqual([{ method: 'recordEvent', args: ['App Opened', {}] }]);
  });

  it('sends every event with its exact name, values and Dates as CleverTap dates', async () => {
    await b.shop.init({ sdk: b.CleverTap, mode: 'production' });
    b.shop.trackProductViewed({ product_id: 'SKU-1', price: 12.5, currency: 'EUR', viewed_at: when });
    b.shop.trackProductAddedToCart({ product_id: 'SKU-2', quantity: 2, price: 3, currency: 'INR' });
    b.shop.trackSearchPerformed({ query: 'tea', results: 0, 'Sort Order': 'price ascending' });
    b.shop.trackCouponAppliedCheckout({ coupon_code: 'WELCOME10', 'discount percent': 10 });
    b.shop.trackÜrünFavorilereEklendi({ product_id: 'SKU-3' });
    expect(sent()).toEqual([
      {
        method: 'recordEvent',
        args: ['Product Viewed', { product_id: 'SKU-1', price: 12.5, currency: 'EUR', viewed_at: D }],
      },
      {
        method: 'recordEvent',
        args: ['Product Added To Cart', { product_id: 'SKU-2', quantity: 2, price: 3, currency: 'INR' }],
      },
      {
        method: 'recordEvent',
        args: ['Search Performed', { query: 'tea', results: 0, 'Sort Order': 'price ascending' }],
      },
      {
        method: 'recordEvent',
        args: ['Coupon Applied \u2013 Checkout', { coupon_code: 'WELCOME10', 'discount percent': 10 }],
      },
      { method: 'recordEvent', args: ['\u00dcr\u00fcn Favorilere Eklendi', { product_id: 'SKU-3' }] },
    ]);
  });

  it("leaves the app's own objects alone (the module turns Dates into strings in place)", async () => {
    await b.shop.init({ sdk: b.CleverTap, mode: 'production' });
    const props = { product_id: 'SKU-1', price: 1, viewed_at: when };
    b.shop.trackProductViewed(props);
    expect(props.viewed_at).toBeInstanceOf(Date);
  });

  it('sends Charged through recordChargedEvent, with the items apart', async () => {
    await b.shop.init({ sdk: b.CleverTap, mode: 'production' });
    b.shop.trackCharged({
      Amount: 42.5,
      'Payment mode': 'Card',
      'Charged ID': 'A1',
      Items: [
        { sku: 'SKU-1', quantity: 2 },
        { sku: 'SKU-2', quantity: 1 },
      ],
    });
    expect(sent()).toEqual([
      {
        method: 'recordChargedEvent',
        args: [
          { Amount: 42.5, 'Payment mode': 'Card', 'Charged ID': 'A1' },
          [
            { sku: 'SKU-1', quantity: 2 },
            { sku: 'SKU-2', quantity: 1 },
          ],
        ],
      },
    ]);
  });

  it('logs in with every standard field mapped, the DOB as a CleverTap date, and multi-value traits set apart', async () => {
    await b.shop.init({ sdk: b.CleverTap, mode: 'production' });
    b.shop.identify('user-42', {
      email: 'ada@example.com',
      name: 'Ada',
      gender: 'F',
      birthday: when,
      phone: '+14155552671',
      plan: 'pro',
      favourite_categories: ['books', 'tea'],
      'MSG-email': true,
    });
    expect(sent()).toEqual([
      {
        method: 'onUserLogin',
        args: [
          {
            Email: 'ada@example.com',
            Name: 'Ada',
            Gender: 'F',
            DOB: D,
            Phone: '+14155552671',
            plan: 'pro',
            'MSG-email': true,
            Identity: 'user-42',
          },
        ],
      },
      { method: 'profileSetMultiValues', args: [['books', 'tea'], 'favourite_categories'] },
    ]);
  });

  it('updates the profile with profileSet, and leaves out and reports a value CleverTap refuses', async () => {
    const violations: string[] = [];
    await b.shop.init({ sdk: b.CleverTap, mode: 'production', onViolation: (v) => void violations.push(v.message) });
    b.shop.updateProfile({ name: 'Ada', phone: '0044 20 7946' });
    expect(sent()).toEqual([{ method: 'profileSet', args: [{ Name: 'Ada' }] }]);
    expect(violations).toEqual([expect.stringContaining('phone')]);
  });

  it('reports a development-mode violation and still sends the call', async () => {
    const violations: string[] = [];
    await b.shop.init({ sdk: b.CleverTap, mode: 'development', onViolation: (v) => void violations.push(v.rule) });
    b.shop.trackProductViewed({ product_id: 'x'.repeat(65), price: -1 });
    expect(violations.sort()).toEqual(['maxLength', 'minimum']);
    expect(sent()).toHaveLength(1);
  });
});

describe('the saas client on the real clevertap-react-native module', () => {
  it('sends its events, standard fields (Employed, Education, Age, Photo) and a multi-value update', async () => {
    await b.saas.init({ sdk: b.CleverTap, mode: 'production' });
    b.saas.trackSignedUp({ method: 'email', invited: false, referrer: null });
    b.saas.trackDocumentShared({ document_id: 'D1', share_type: 'link', access: 'view', expires_on: when });
    b.saas.trackFeatureFlagEvaluated({ flag: 'new-ui', variant: true, cohort: 'b' });
    b.saas.identify({
      Email: 'ada@example.com',
      Employed: 'Y',
      Education: 'College',
      Age: 36,
      avatar: 'https://example.com/a.png',
      trial_ends: when,
    });
    b.saas.updateProfile({ beta_features: ['dark-mode'] });
    expect(sent()).toEqual([
      { method: 'recordEvent', args: ['Signed Up', { method: 'email', invited: false }] },
      {
        method: 'recordEvent',
        args: ['Document Shared', { document_id: 'D1', share_type: 'link', access: 'view', expires_on: D }],
      },
      { method: 'recordEvent', args: ['Feature Flag Evaluated', { flag: 'new-ui', variant: true, cohort: 'b' }] },
      {
        method: 'onUserLogin',
        args: [
          {
            Email: 'ada@example.com',
            Employed: 'Y',
            Education: 'College',
            Age: 36,
            Photo: 'https://example.com/a.png',
            trial_ends: D,
          },
        ],
      },
      { method: 'profileSetMultiValues', args: [['dark-mode'], 'beta_features'] },
    ]);
  });
});
