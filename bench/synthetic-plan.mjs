// Synthetic tracking plans for the benchmark: seeded and deterministic (same seed and size → same bytes).
//
//   node bench/synthetic-plan.mjs --events 512 --props 32 [--seed 7] [--out plan.json]
//
// Every plan is valid under CleverTap's rules (shared/clevertap-rules.md): event names and property keys are at
// most 120 characters of ASCII letters, digits, spaces, `_` and `-`; they are unique ignoring case (and their
// PascalCase identifiers are unique, since each ends with its own index); none starts with `wzrk_` or is a
// restricted system event (the word list cannot form one: every name ends with a number); property values are
// scalars only (strings with enum / maxLength ≤ 512 / pattern, numbers and integers with bounds, booleans,
// `format: date-time` strings). Each event has exactly `props` properties; more than 100 is a warning.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  'product',
  'cart',
  'checkout',
  'order',
  'coupon',
  'wishlist',
  'search',
  'page',
  'video',
  'article',
  'profile',
  'subscription',
  'payment',
  'invoice',
  'document',
  'workspace',
  'project',
  'task',
  'comment',
  'message',
  'file',
  'folder',
  'report',
  'dashboard',
  'widget',
  'banner',
  'notification',
  'setting',
  'account',
  'team',
  'invite',
  'review',
  'rating',
  'category',
  'filter',
  'playlist',
  'episode',
  'lesson',
  'quiz',
  'badge',
  'reward',
  'ticket',
];
const QUALIFIERS = ['', '', '', 'item', 'detail', 'list', 'preview', 'link', 'step', 'section', 'draft', 'template'];
const VERBS = [
  'viewed',
  'opened',
  'closed',
  'created',
  'updated',
  'deleted',
  'shared',
  'added',
  'removed',
  'started',
  'completed',
  'failed',
  'submitted',
  'clicked',
  'selected',
  'applied',
  'renamed',
  'exported',
  'imported',
  'scheduled',
  'cancelled',
  'restored',
  'archived',
  'liked',
  'played',
  'paused',
  'downloaded',
  'uploaded',
];
const PROP_WORDS = [
  'id',
  'name',
  'type',
  'source',
  'medium',
  'campaign',
  'price',
  'amount',
  'quantity',
  'currency',
  'position',
  'count',
  'duration',
  'score',
  'level',
  'status',
  'reason',
  'variant',
  'size',
  'color',
  'region',
  'language',
  'platform',
  'version',
  'plan',
  'tier',
  'discount',
  'tax',
  'total',
  'index',
  'query',
  'results',
  'page',
  'referrer',
  'channel',
  'method',
  'category',
  'brand',
  'sku',
  'label',
  'value',
  'flag',
  'enabled',
  'created',
];
const ENUM_WORDS = [
  'free',
  'pro',
  'enterprise',
  'basic',
  'premium',
  'monthly',
  'yearly',
  'web',
  'ios',
  'android',
  'desktop',
  'email',
  'push',
  'sms',
  'organic',
  'paid',
  'referral',
  'social',
  'direct',
  'small',
  'medium',
  'large',
  'red',
  'green',
  'blue',
  'low',
  'high',
  'none',
  'pending',
  'active',
  'expired',
  'Card',
  'PayPal',
  'Cash On Delivery',
];
/** Patterns, each with a value that matches it (the TS source and the call benchmarks use the sample). */
export const PATTERNS = [
  ['^[A-Z]{2,4}-[0-9]{1,6}$', 'SKU-1042'],
  ['^[a-z0-9_]{3,32}$', 'user_42'],
  ['^[A-Z0-9]{4,12}$', 'SAVE2024'],
  ['^\\+[1-9][0-9]{7,14}$', '+14155552671'],
  ['^[0-9a-f]{8}$', 'deadbeef'],
];
const DESCRIPTIONS = [
  'Set by the storefront when the shopper acts.',
  'Where the user came from, as reported by the attribution service.',
  'Only sent on the web app; the mobile apps send their own event.',
  'Added in version 2 of the plan; older clients leave it out.',
  'In the account currency, before tax.',
];

const cap = (w) => w.charAt(0).toUpperCase() + w.slice(1);

/** Builds the plan object. Key order is fixed, so JSON.stringify gives the same bytes for the same arguments. */
export function syntheticPlan({ events, props, seed = 1 }) {
  if (!(events >= 1 && events <= 512)) throw new RangeError('events must be 1..512 (CleverTap allows 512 event types)');
  if (!(props >= 0 && props <= 256)) throw new RangeError('props must be 0..256 (CleverTap allows 256 properties)');
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const chance = (p) => rnd() < p;

  // Name styles: "Product Viewed 12", "product_viewed_12", "product-viewed-12", and now and then a long one.
  const styleName = (ws, index) => {
    const s = rnd();
    if (s < 0.55) return [...ws.map(cap), String(index)].join(' ');
    if (s < 0.85) return [...ws, String(index)].join('_');
    return [...ws, String(index)].join('-');
  };
  const longTail = (ws, max) => {
    // Up to ~max characters: a realistic worst case for names (≤ 120 per CleverTap).
    const extra = [];
    while ([...ws, ...extra].join(' ').length < max - 25) extra.push(pick(NOUNS));
    return [...ws, ...extra];
  };

  const propertySchema = () => {
    const r = rnd();
    const schema = {};
    if (r < 0.2) {
      schema.type = 'string';
      if (chance(0.6)) schema.maxLength = pick([32, 64, 128, 256, 512]);
    } else if (r < 0.35) {
      const n = int(2, 8);
      const values = [];
      for (let i = 0; values.length < n && i < 50; i++) {
        const v = pick(ENUM_WORDS);
        if (!values.includes(v)) values.push(v);
      }
      schema.type = 'string';
      schema.enum = values;
    } else if (r < 0.45) {
      const [pattern, example] = pick(PATTERNS);
      schema.type = 'string';
      schema.pattern = pattern;
      schema.examples = [example];
    } else if (r < 0.55) {
      schema.type = 'string';
      schema.format = 'date-time';
    } else if (r < 0.7) {
      schema.type = 'number';
      schema.minimum = 0;
      if (chance(0.5)) schema.maximum = pick([1, 100, 1000, 1e6]);
    } else if (r < 0.85) {
      schema.type = 'integer';
      schema.minimum = pick([0, 1]);
      if (chance(0.6)) schema.maximum = pick([10, 99, 1000, 65535]);
    } else {
      schema.type = 'boolean';
    }
    if (chance(0.2)) schema.description = pick(DESCRIPTIONS);
    return schema;
  };

  const eventSchema = (index) => {
    const properties = {};
    const required = [];
    for (let j = 0; j < props; j++) {
      const ws = chance(0.5) ? [pick(PROP_WORDS)] : [pick(PROP_WORDS), pick(PROP_WORDS)];
      const long = chance(0.02) ? longTail(ws, 110) : ws;
      const s = rnd();
      // snake_case, "Title Case" (a quoted key), or camelCase; the index keeps keys unique ignoring case.
      const key =
        s < 0.6
          ? [...long, j].join('_')
          : s < 0.85
            ? [...long.map(cap), j].join(' ')
            : long[0] + long.slice(1).map(cap).join('') + j;
      properties[key] = propertySchema();
      if (chance(0.3)) required.push(key);
    }
    const schema = {};
    if (chance(0.5)) schema.description = `Synthetic event ${index}: ${pick(DESCRIPTIONS)}`;
    if (props > 0) schema.properties = properties;
    if (required.length > 0) schema.required = required;
    return schema;
  };

  const plan = {
    name: `Synthetic ${events}x${props}`,
    version: `1.0.${seed}`,
    description: `A synthetic plan for the benchmark: ${events} events of ${props} properties, seed ${seed}.`,
    identify: {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        name: { type: 'string', maxLength: 120 },
        plan: { type: 'string', enum: ['free', 'pro', 'enterprise'] },
        seats: { type: 'integer', minimum: 1 },
      },
    },
    events: {},
  };
  for (let i = 0; i < events; i++) {
    const ws = [pick(NOUNS), pick(QUALIFIERS), pick(VERBS)].filter(Boolean);
    const name = styleName(chance(0.03) ? longTail(ws, 115) : ws, i);
    plan.events[name] = eventSchema(i);
  }
  return plan;
}

export function syntheticPlanJson(options) {
  return JSON.stringify(syntheticPlan(options), null, 2) + '\n';
}

/** A valid value for a property schema of a synthetic plan (for the calls and the TS apps of the benchmark). */
export function sampleValue(schema) {
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date-time') return new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
      if (schema.pattern) return schema.examples[0];
      return 'value';
    case 'number':
      return schema.maximum !== undefined ? schema.maximum / 2 : 12.5;
    case 'integer':
      return schema.minimum + 1;
    case 'boolean':
      return true;
    default:
      throw new Error(`sampleValue: unexpected schema ${JSON.stringify(schema)}`);
  }
}

/** Sample props for an event: every property (`all`) or only the required ones. */
export function sampleProps(eventSchema, { all = true } = {}) {
  const out = {};
  const required = new Set(eventSchema.required ?? []);
  for (const [key, schema] of Object.entries(eventSchema.properties ?? {})) {
    if (all || required.has(key)) out[key] = sampleValue(schema);
  }
  return out;
}

/** The same props as TypeScript/JavaScript source (Dates as `new Date(...)`). */
export function propsSource(props) {
  const parts = Object.entries(props).map(([k, v]) => {
    const value = v instanceof Date ? `new Date(${v.getTime()})` : JSON.stringify(v);
    return `${JSON.stringify(k)}: ${value}`;
  });
  return `{ ${parts.join(', ')} }`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const json = syntheticPlanJson({
    events: Number(opt('events', 64)),
    props: Number(opt('props', 16)),
    seed: Number(opt('seed', 1)),
  });
  const out = opt('out');
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
}
