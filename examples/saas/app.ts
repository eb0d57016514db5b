// How the Nimbus workspace uses its generated client, with an SDK instance it initialised itself.
import clevertap from 'clevertap-web-sdk';
import {
  identify,
  init,
  trackDocumentShared,
  trackFeatureFlagEvaluated,
  trackSignedUp,
  trackSubscriptionUpgraded,
  trackWorkspaceCreated,
  type CleverTapWebSdk,
} from '../../out/saas/index.js';

export async function start(): Promise<void> {
  (clevertap as { init(id: string, region: string): void }).init('TEST-ACC-0002', 'us1');
  await init({ sdk: clevertap as CleverTapWebSdk, mode: 'development', onViolation: 'throw' });
}

export function onSignUp(userId: number): void {
  trackSignedUp({ method: 'github', invited: false, referrer: null });
  identify(userId, { Email: 'grace@example.com', Name: 'Grace Hopper', role: 'owner', seats: 5, Education: 'Graduate', trial_ends: new Date('2026-12-31') });
}

export function onWorkspace(id: string): void {
  trackWorkspaceCreated({ workspace_id: id, plan: 'team', seats: 5, created_at: new Date() });
  trackDocumentShared({ document_id: 'doc-1', share_type: 'link', access: 'comment', expires_on: new Date('2027-01-31') });
}

export function onUpgrade(): void {
  trackSubscriptionUpgraded({ from_plan: 'team', to_plan: 'business', billing_period: 'yearly', mrr_change: 120, seats: 25 });
  trackFeatureFlagEvaluated({ flag: 'new-editor', variant: true, cohort: 'beta', percent: 25 });
}
