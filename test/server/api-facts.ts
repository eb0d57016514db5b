/** The upload API's facts the server tests need (to come from generator/clevertap/facts.ts once it is on main). */
export const API = {
  maxRecordsPerRequest: 1000,
  maxConcurrentRequests: 15,
  uploadPath: '/1/upload',
};

/** System events the API refuses with error 513 (compared ignoring case), and the reserved prefix. */
export const RESTRICTED_EVENTS: readonly string[] = [
  'Stayed', 'UTM Visited', 'App Launched', 'App Installed', 'App Uninstalled', 'App Version Changed',
  'Notification Sent', 'Notification Viewed', 'Notification Clicked', 'Notification Replied',
  'Notification Bounced', 'Push Impressions', 'Reply Sent', 'State Transitioned', 'Session Concluded',
  'Geocluster Entered', 'Geocluster Exited', 'Channel Unsubscribed', 'Identity Set', 'Identity Reset',
  'Identity Error', 'Reachable By', 'wzrk_d',
];
export const RESERVED_PREFIX = 'wzrk_';
