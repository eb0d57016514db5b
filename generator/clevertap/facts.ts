/**
 * Everything the generator knows about CleverTap, in one place: limits, character sets, reserved names, regions and
 * the profile-field table. The checker reads these; the emitted clients receive them through the view model
 * (`runtimeFacts()`), so no template writes a limit or a pattern of its own (test/emit/facts.test.ts holds them to it).
 *
 * Sources: clevertap-web-sdk 2.5.2 (`src/util/validator.js`, `src/modules/event.js`, `src/util/constants.js`), the
 * Android core SDK (`Validator.java`, `Constants.java`), CleverTap's REST API documentation. Where they disagree the
 * stricter value wins, so that a plan that passes is accepted on every channel (docs/clevertap-rules.md).
 */

/** CleverTap's limits, each with where it comes from. */
export const LIMITS = {
  /** Documented key limit (120); Android caps at 512, web at 1024: the stricter wins. */
  nameLength: 120,
  /** CleverTap's limit of event types per account. */
  events: 512,
  /** Per event: error past 256 (API, Android); web SDK reports error 520 past 100, newer accounts default to 100. */
  propertiesError: 256,
  propertiesWarning: 100,
  /** CleverTap keeps at most 512 bytes of a string value (web SDK validator, Android Validator.java). */
  valueBytes: 512,
  /** Charged.Items: error past 256; the web SDK reports error 522 past 50 items. */
  itemsError: 256,
  itemsWarning: 50,
  /** Multi-value profile properties: at most 100 values of at most 512 characters (CleverTap docs). */
  multiValueItems: 100,
  multiValueItemLength: 512,
  /** Custom profile properties per account. */
  customTraits: 256,
  /** REST upload API: records per request (older accounts: 100), concurrent requests per account (over: HTTP 429). */
  apiRecordsPerRequest: 1000,
  apiConcurrentRequests: 15,
} as const;

/** Characters CleverTap rejects in names and keys (`& $ " \ % > < !`, documented) or the SDKs delete (`. : $ ' " \`). */
export const PROHIBITED_CHARACTERS = ['&', '$', '"', '\\', '%', '>', '<', '!', '.', ':', "'"] as const;

/** Characters the SDKs delete from string values. */
export const DELETED_VALUE_CHARACTERS = ["'", '"', '\\'] as const;

/** System events (web SDK constants.js, Android Constants.java, REST API error 513), compared ignoring case. */
export const RESTRICTED_EVENTS = [
  'Stayed',
  'UTM Visited',
  'App Launched',
  'App Installed',
  'App Uninstalled',
  'App Version Changed',
  'Notification Sent',
  'Notification Viewed',
  'Notification Clicked',
  'Notification Replied',
  'Notification Bounced',
  'Push Impressions',
  'Reply Sent',
  'State Transitioned',
  'Session Concluded',
  'Geocluster Entered',
  'Geocluster Exited',
  'Channel Unsubscribed',
  'Identity Set',
  'Identity Reset',
  'Identity Error',
  'Reachable By',
  'wzrk_d',
] as const;

/** Names and keys starting with this are CleverTap's own. */
export const RESERVED_PREFIX = 'wzrk_';

/** CleverTap's revenue event and its one array property. */
export const CHARGED_EVENT = 'Charged';
export const CHARGED_ITEMS = 'Items';

/** CleverTap's regions (the dashboard's Settings > Project shows an account's); `eu1` is the SDKs' default. */
export const REGIONS = ['eu1', 'in1', 'sg1', 'us1', 'aps3', 'mec1', 'sk1'] as const;
export type Region = (typeof REGIONS)[number];
export const DEFAULT_REGION: Region = 'eu1';

/** The REST upload API's host for a region (Europe, the default, has no region prefix). */
export const API_HOSTS: Readonly<Record<Region, string>> = Object.fromEntries(
  REGIONS.map((r) => [r, r === DEFAULT_REGION ? 'api.clevertap.com' : `${r}.api.clevertap.com`]),
) as Record<Region, string>;
export const API_UPLOAD_PATH = '/1/upload';

/** E.164, as CleverTap wants a phone number: `+`, the country code, then the number. */
export const PHONE_PATTERN = '^\\+[1-9]\\d{7,14}$';
/** What the development checks call an e-mail address (CleverTap's own check is no stricter). */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

/** CleverTap's standard profile fields. */
export type StandardField =
  | 'Name'
  | 'Email'
  | 'Phone'
  | 'Gender'
  | 'DOB'
  | 'Photo'
  | 'Employed'
  | 'Married'
  | 'Education'
  | 'Age'
  | 'MSG-email'
  | 'MSG-push'
  | 'MSG-sms'
  | 'MSG-whatsapp';

/** Trait names (ours and CleverTap's own) of the standard profile fields. */
export const STANDARD_TRAITS: Readonly<Record<string, StandardField>> = {
  name: 'Name',
  Name: 'Name',
  email: 'Email',
  Email: 'Email',
  phone: 'Phone',
  Phone: 'Phone',
  gender: 'Gender',
  Gender: 'Gender',
  birthday: 'DOB',
  DOB: 'DOB',
  avatar: 'Photo',
  Photo: 'Photo',
  Employed: 'Employed',
  Married: 'Married',
  Education: 'Education',
  Age: 'Age',
  'MSG-email': 'MSG-email',
  'MSG-push': 'MSG-push',
  'MSG-sms': 'MSG-sms',
  'MSG-whatsapp': 'MSG-whatsapp',
};

/** Trait keys that would be CleverTap's Identity, which identify() takes as its first argument. */
export const IDENTITY_KEYS: ReadonlySet<string> = new Set(['userId', 'Identity']);

export interface FieldSpec {
  kind: 'string' | 'number' | 'boolean' | 'date';
  /** For enum fields: the values CleverTap accepts (the schema must list a subset). */
  values?: readonly string[];
  /** A pattern every value must match (Phone). */
  pattern?: string;
  /** Checked in development mode even where the plan gives no format. */
  format?: 'email' | 'phone';
  expected: string;
  fix: string;
}

const STRING: FieldSpec = { kind: 'string', expected: 'a string', fix: 'declare it as "type": "string"' };
const YES_NO: FieldSpec = {
  kind: 'string',
  values: ['Y', 'N'],
  expected: 'a string enum of Y and N',
  fix: 'declare it as "type": "string", "enum": ["Y", "N"]',
};
const OPT_IN: FieldSpec = {
  kind: 'boolean',
  expected: 'a boolean (the subscription opt-in)',
  fix: 'declare it as "type": "boolean"',
};

/** The allowed schema of each standard field, and what CleverTap refuses at run time. */
export const FIELD_SPECS: Readonly<Record<StandardField, FieldSpec>> = {
  Name: STRING,
  Email: { ...STRING, format: 'email' },
  Photo: { ...STRING, fix: 'declare it as "type": "string" ("format": "uri" is welcome)' },
  Phone: {
    kind: 'string',
    pattern: PHONE_PATTERN,
    format: 'phone',
    expected: 'a string with "+" and the country code (a number loses both)',
    fix: 'declare it as "type": "string", for example "+14155552671"',
  },
  // The web SDK also takes O and U (and spelled-out words, which it rewrites); the generator keeps to the letters.
  Gender: {
    kind: 'string',
    values: ['M', 'F', 'O', 'U'],
    expected: 'a string enum of M and F (O and U are also accepted)',
    fix: 'declare it as "type": "string", "enum": ["M", "F"]',
  },
  DOB: { kind: 'date', expected: 'a date', fix: 'declare it as "type": "string", "format": "date" (or "date-time")' },
  Employed: YES_NO,
  Married: YES_NO,
  Education: {
    kind: 'string',
    values: ['School', 'College', 'Graduate'],
    expected: 'a string enum of School, College and Graduate',
    fix: 'declare it as "type": "string", "enum": ["School", "College", "Graduate"]',
  },
  Age: { kind: 'number', expected: 'a number', fix: 'declare it as "type": "integer"' },
  'MSG-email': OPT_IN,
  'MSG-push': OPT_IN,
  'MSG-sms': OPT_IN,
  'MSG-whatsapp': OPT_IN,
};

/** A regular-expression character class of `chars`, each escaped. */
const charClass = (chars: readonly string[]): string =>
  `[${chars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`;

/**
 * What a generated client checks at run time, as plain data for the templates (each value becomes a literal in
 * the emitted code). Field rules: `[field, kind, values?, pattern?]`, kind as in FieldSpec plus `identity`.
 */
export function runtimeFacts() {
  const fieldRules = (Object.keys(FIELD_SPECS) as StandardField[])
    .map((field) => {
      const spec = FIELD_SPECS[field];
      return { field, kind: spec.kind, values: spec.values, pattern: spec.pattern };
    })
    // Fields CleverTap takes as any string need no rule
    .filter((r) => r.kind !== 'string' || r.values || r.pattern);
  return {
    valueBytes: LIMITS.valueBytes,
    nameLength: LIMITS.nameLength,
    itemsWarning: LIMITS.itemsWarning,
    multiValueItems: LIMITS.multiValueItems,
    apiRecordsPerRequest: LIMITS.apiRecordsPerRequest,
    apiConcurrentRequests: LIMITS.apiConcurrentRequests,
    reservedPrefix: RESERVED_PREFIX,
    prohibitedClass: charClass(PROHIBITED_CHARACTERS),
    prohibitedList: PROHIBITED_CHARACTERS.join(' '),
    deletedValueClass: charClass(DELETED_VALUE_CHARACTERS),
    deletedValueList: DELETED_VALUE_CHARACTERS.join(' '),
    phonePattern: PHONE_PATTERN,
    emailPattern: EMAIL_PATTERN,
    regions: REGIONS,
    defaultRegion: DEFAULT_REGION,
    apiHosts: API_HOSTS,
    apiUploadPath: API_UPLOAD_PATH,
    chargedEvent: CHARGED_EVENT,
    chargedItems: CHARGED_ITEMS,
    fieldRules,
  };
}
export type RuntimeFacts = ReturnType<typeof runtimeFacts>;
