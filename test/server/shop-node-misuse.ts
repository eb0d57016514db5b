// The server client's typed surface: correct calls compile, and every misuse below is a compile error. Each
// `@ts-expect-error` must fire: tsc reports an unused one (TS2578), so an expectation that stops firing fails.
import { createClient, type Client, type UploadError } from '../../out/shop-node/index.js';

const ct: Client = createClient(
  { accountId: 'ACC', passcode: 'PASS', region: 'in1' },
  { batchSize: 500, onError: (e: UploadError) => void e.records },
);
createClient({ accountId: 'ACC', passcode: 'PASS', endpoint: 'http://127.0.0.1:8080' });

// Correct calls
ct.trackProductViewed('user-42', { product_id: 'SKU-1', price: 12.5, viewed_at: new Date() }, { ts: new Date() });
ct.trackAppOpened('user-42');
ct.trackCharged('user-42', { Amount: 12.5, Items: [{ sku: 'SKU-1', quantity: 1 }] });
ct.identify('user-42', { email: 'ada@example.com', birthday: new Date('1815-12-10'), favourite_categories: ['tea'] });
ct.updateProfile('user-42', { plan: 'pro' });
const refused: UploadError | undefined = ct.trackAppOpened('user-42');
void refused?.reason;
void ct.flush().then(() => ct.close());
const delivered: number = ct.stats().delivered;
void delivered;

// @ts-expect-error the identity comes first
ct.trackProductViewed({ product_id: 'SKU-1', price: 1 });
// @ts-expect-error a missing required property (price)
ct.trackProductViewed('user-42', { product_id: 'SKU-1' });
// @ts-expect-error an unknown property (a typo of price)
ct.trackProductViewed('user-42', { product_id: 'SKU-1', price: 1, prize: 2 });
// @ts-expect-error a value outside the enum
ct.trackProductViewed('user-42', { product_id: 'SKU-1', price: 1, currency: 'GBP' });
// @ts-expect-error a date-time property takes a Date, not a string
ct.trackProductViewed('user-42', { product_id: 'SKU-1', price: 1, viewed_at: '2026-01-01T00:00:00Z' });
// @ts-expect-error ts is a Date, not epoch milliseconds
ct.trackAppOpened('user-42', { ts: Date.now() });
// @ts-expect-error an event without properties takes none
ct.trackAppOpened('user-42', { source: 'home' });
// @ts-expect-error an identity is a string
ct.trackAppOpened(42);
// @ts-expect-error an unknown event method
ct.trackOrderCompleted('user-42', { orderId: 'A1' });
// @ts-expect-error Charged without Items
ct.trackCharged('user-42', { Amount: 1 });
// @ts-expect-error a Charged item missing its required sku
ct.trackCharged('user-42', { Amount: 1, Items: [{ quantity: 1 }] });
// @ts-expect-error identify without an identity
ct.identify({ email: 'ada@example.com' });
// @ts-expect-error identify with an unknown trait
ct.identify('user-42', { nickname: 'ada' });
// @ts-expect-error birthday is a Date
ct.identify('user-42', { birthday: '1815-12-10' });
// @ts-expect-error updateProfile with a mistyped trait
ct.updateProfile('user-42', { 'MSG-email': 'yes' });
// @ts-expect-error a region CleverTap does not have
createClient({ accountId: 'ACC', passcode: 'PASS', region: 'us2' });
// @ts-expect-error the passcode is required
createClient({ accountId: 'ACC', region: 'eu1' });
// @ts-expect-error batchSize is a number
createClient({ accountId: 'ACC', passcode: 'PASS', region: 'eu1' }, { batchSize: '100' });

// Extra keys are refused in variables too, not only in object literals (exact keys, as on the other targets)
const viewed = { product_id: 'SKU-1', price: 1, extra: { nested: true } };
// @ts-expect-error an extra key in a variable
ct.trackProductViewed('user-42', viewed);
const item = { sku: 'SKU-1', quantity: 1, colour: 'red' };
// @ts-expect-error an extra key in a Charged item held in a variable
ct.trackCharged('user-42', { Amount: 1, Items: [item] });
const traits = { email: 'ada@example.com', nickname: 'ada' };
// @ts-expect-error an unknown trait in a variable
ct.identify('user-42', traits);
// @ts-expect-error an unknown trait in a variable, for updateProfile
ct.updateProfile('user-42', traits);
