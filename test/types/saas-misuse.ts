// Misuses of the SaaS client: const, oneOf, nullable, deprecated and additionalProperties.
import {
  identify,
  trackDocumentShared,
  trackFeatureFlagEvaluated,
  trackSignedUp,
  trackSubscriptionUpgraded,
  trackWorkspaceCreated,
} from '../../out/saas/index.js';

// @ts-expect-error a value other than the const
trackDocumentShared({ document_id: 'd', share_type: 'email', access: 'view' });
// @ts-expect-error a value outside a oneOf of consts
trackSubscriptionUpgraded({ from_plan: 'team', to_plan: 'business', billing_period: 'weekly' });
// @ts-expect-error a plan outside the enum that lives in another file
trackWorkspaceCreated({ workspace_id: 'w', plan: 'gold', seats: 1, created_at: new Date() });
// @ts-expect-error null is allowed for referrer, undefined-typed method is not
trackSignedUp({ method: undefined, invited: true, referrer: null });
// @ts-expect-error extra keys are allowed here, but only scalars
trackFeatureFlagEvaluated({ flag: 'f', variant: 'a', context: { nested: true } });
// @ts-expect-error a boolean-or-string union does not take a number
trackFeatureFlagEvaluated({ flag: 'f', variant: 1 });
// @ts-expect-error Email is the identity trait of this plan (CleverTap's own spelling), so identify needs it
identify({ Name: 'Grace' });
// @ts-expect-error Education is limited to the plan's subset
identify(1, { Education: 'School' });

// Exact keys hold for objects in variables too, not only for object literals (issue 11)
const signedUp = { method: 'email', invited: true, extra: { nested: true } } as const;
// @ts-expect-error a key the closed event does not define, in a variable
trackSignedUp(signedUp);
const flagged = { flag: 'f', variant: 'a', context: { nested: true } } as const;
// @ts-expect-error an open event's extra key takes scalars only, in a variable too
trackFeatureFlagEvaluated(flagged);
const exact = { method: 'github', invited: false } as const;
trackSignedUp(exact); // the plan's keys only: compiles
