// The React Native client compiles against clevertap-react-native's own declarations: the module itself is what
// init() takes, and every generated call type-checks under the strictest flags.
import * as CleverTap from 'clevertap-react-native';
import { identify, init, trackCharged, trackProductViewed, updateProfile } from '../../out/shop-rn/index.js';

export async function start(): Promise<void> {
  await init({ sdk: CleverTap, mode: 'production' });
  trackProductViewed({ product_id: 'SKU-1', price: 12.5, viewed_at: new Date() });
  trackCharged({ Amount: 12.5, Items: [{ sku: 'SKU-1', quantity: 1 }] });
  identify('user-42', { email: 'ada@example.com' });
  updateProfile({ name: 'Ada' });
}
