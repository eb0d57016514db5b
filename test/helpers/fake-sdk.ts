/** A stand-in for clevertap-web-sdk that records every call, in order. */
export type Call =
  | ['event', string, Record<string, unknown>]
  | ['onUserLogin' | 'profile', { Site: Record<string, unknown> }];

export function fakeSdk() {
  const calls: Call[] = [];
  return {
    calls,
    event: { push: (name: string, data: Record<string, unknown>) => calls.push(['event', name, data]) },
    onUserLogin: { push: (p: { Site: Record<string, unknown> }) => calls.push(['onUserLogin', p]) },
    profile: { push: (p: { Site: Record<string, unknown> }) => calls.push(['profile', p]) },
  };
}
