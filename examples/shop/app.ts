// How the Acme web shop uses its generated client. Type-checked under `strict` by `npm test`.
import { identify, init, trackAppOpened, trackCharged, trackProductViewed, trackSearchPerformed, updateProfile } from '../../out/shop/index.js';

export async function start(): Promise<void> {
  // Calls before init are queued and sent once the SDK is ready.
  trackAppOpened();
  await init({ accountId: 'TEST-ACC-0001', region: 'in1' });
}

export function onProductPage(productId: string, price: number): void {
  trackProductViewed({ product_id: productId, price, currency: 'EUR', viewed_at: new Date() });
}

export function onSearch(query: string, results: number): void {
  trackSearchPerformed({ query, results, 'Sort Order': 'price ascending' });
}

export function onLogin(userId: string, email: string): void {
  identify(userId, { email, name: 'Ada Lovelace', gender: 'F', birthday: new Date('1815-12-10'), phone: '+14155552671', plan: 'pro' });
}

export function onGuestCheckout(email: string): void {
  identify({ email, favourite_categories: ['books', 'tea'] });
}

export function onOrderPaid(orderId: string): void {
  trackCharged({
    Amount: 42.5,
    'Payment mode': 'Card',
    'Charged ID': orderId,
    Currency: 'EUR',
    Items: [
      { sku: 'SKU-1042', name: 'Teapot', quantity: 1, unit_price: 30 },
      { sku: 'SKU-2001', quantity: 2, unit_price: 6.25 },
    ],
  });
  updateProfile({ plan: 'pro', 'MSG-email': true });
}
