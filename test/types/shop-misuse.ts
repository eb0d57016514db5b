// Every misuse of the generated client must be a compile error. Each `@ts-expect-error` below must fire:
// tsc reports an unused one (TS2578), so an expectation that stops firing fails the test.
import {
  identify,
  init,
  trackAppOpened,
  trackCharged,
  trackProductViewed,
  trackSearchPerformed,
  updateProfile,
} from '../../out/shop/index.js';
import * as client from '../../out/shop/index.js';

// @ts-expect-error a missing required property (price)
trackProductViewed({ product_id: 'SKU-1' });
// @ts-expect-error an unknown property (a typo of price)
trackProductViewed({ product_id: 'SKU-1', price: 1, prize: 2 });
// @ts-expect-error a wrong type (price is a number)
trackProductViewed({ product_id: 'SKU-1', price: '12.50' });
// @ts-expect-error a value outside the enum
trackProductViewed({ product_id: 'SKU-1', price: 1, currency: 'GBP' });
// @ts-expect-error a date-time property takes a Date, not a string
trackProductViewed({ product_id: 'SKU-1', price: 1, viewed_at: '2026-01-01T00:00:00Z' });
// @ts-expect-error an object where CleverTap wants a scalar
trackProductViewed({ product_id: { id: 'SKU-1' }, price: 1 });
// @ts-expect-error an array where CleverTap wants a scalar
trackSearchPerformed({ query: ['tea', 'pots'] });
// @ts-expect-error the props argument is required
trackProductViewed();
// @ts-expect-error an event without properties takes no argument
trackAppOpened({ source: 'home' });
// @ts-expect-error an unknown event function
client.trackOrderCompleted({ orderId: 'A1' });
// @ts-expect-error a wrong type inside a Charged item (quantity is a number)
trackCharged({ Amount: 1, Items: [{ sku: 'A', quantity: '1' }] });
// @ts-expect-error a Charged item missing its required sku
trackCharged({ Amount: 1, Items: [{ quantity: 1 }] });
// @ts-expect-error Charged without Items
trackCharged({ Amount: 1 });
// @ts-expect-error identify without a user id or e-mail
identify({ name: 'Ada' });
// @ts-expect-error identify with nothing at all
identify();
// @ts-expect-error identify with a trait outside the enum
identify('u1', { gender: 'X' });
// @ts-expect-error identify with an unknown trait
identify('u1', { nickname: 'ada' });
// @ts-expect-error birthday is a Date
identify('u1', { birthday: '1815-12-10' });
// @ts-expect-error updateProfile with a mistyped trait
updateProfile({ 'MSG-email': 'yes' });
// @ts-expect-error a region CleverTap does not have
void init({ accountId: 'X', region: 'us2' });
// @ts-expect-error init needs an account id or an SDK instance
void init({ region: 'eu1' });

// Exact keys hold for objects in variables too, and inside Charged items (issue 11)
const viewed = { product_id: 'SKU-1', price: 1, prize: 2 };
// @ts-expect-error a key the event does not define, in a variable
trackProductViewed(viewed);
const item = { sku: 'A', quantity: 1, colour: 'red' };
// @ts-expect-error an item key Charged's items do not define, in a variable
trackCharged({ Amount: 1, Items: [item] });
const traits = { name: 'Ada', nickname: 'ada' };
// @ts-expect-error a trait the plan does not define, in a variable
identify('u1', traits);
// @ts-expect-error a trait the plan does not define, in a variable, for updateProfile too
updateProfile(traits);
const known = { product_id: 'SKU-1', price: 1 };
trackProductViewed(known); // the plan's keys only: compiles
