/**
 * Each way of calling a generated function that status follows beyond a call by name: through `.call`, `.apply`
 * and `.bind`, and from an object or an array that holds it. A row is one source file of a shared app; its sites
 * are `L<line> <function> <kind> [via]`, the line counted in the row's own code.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { status, type StatusReport } from '../../generator/status/status.js';
import { compile, configOptions, format } from '../helpers/tsc.js';
import { FIXTURES, fixtureApp } from './support.js';

interface Form {
  name: string;
  code: string[];
  /** `L<line> <function> <kind> [via]`, in line order. */
  sites: string[];
  /** The reason status gives for each site it cannot resolve to one function (it marks them unsafe). */
  unsafe?: RegExp;
}

const HEADER = [
  'import {',
  '  trackAppOpened, trackCartViewed, trackCouponApplied, trackItemLiked, trackOrderRefunded, trackPageScrolled,',
  '  trackProductShared, trackProductViewed, trackSearchPerformed, identify,',
  "} from '../client/index.js';",
  "import type { CouponAppliedProperties, ProductViewedProperties } from '../client/index.js';",
  "import { actions } from './exported-object.js';",
  'declare const key: string;',
  "declare const which: 'open' | 'cart';",
];

// Rows that passed before values.ts (their types name the function): bind-then-call, object-property,
// object-shorthand, object-literal-key; they stay as guards, with the two rows that must count nothing.
const FORMS: Form[] = [
  {
    name: 'call',
    code: ["trackOrderRefunded.call(null, { order_id: 'A1', amount: 5 });"],
    sites: ['L1 trackOrderRefunded call'],
  },
  {
    name: 'apply',
    code: ["trackSearchPerformed.apply(undefined, [{ query: 'tea' }]);"],
    sites: ['L1 trackSearchPerformed call'],
  },
  {
    name: 'call-on-namespace-copy',
    code: ['const opened = trackAppOpened;', 'opened.call(null);'],
    sites: ['L2 trackAppOpened call'],
  },
  {
    name: 'bind-then-call',
    code: ['const open = trackAppOpened.bind(null);', 'open();'],
    sites: ['L2 trackAppOpened call'],
  },
  {
    name: 'bind-with-argument',
    code: ["const search = trackSearchPerformed.bind(null, { query: 'pots' });", 'search();', 'search();'],
    sites: ['L2 trackSearchPerformed call', 'L3 trackSearchPerformed call'],
  },
  {
    name: 'bind-called-at-once',
    code: ['trackPageScrolled.bind(null, { depth: 10 })();'],
    sites: ['L1 trackPageScrolled call'],
  },
  {
    name: 'bind-passed',
    code: ["setTimeout(trackProductShared.bind(null, { channel: 'mail' }), 10);"],
    sites: ['L1 trackProductShared passed setTimeout'],
  },
  {
    name: 'object-property',
    code: ['const handlers = { view: trackProductViewed };', "handlers.view({ product_id: 'SKU-1' });"],
    sites: ['L2 trackProductViewed call'],
  },
  {
    name: 'object-shorthand',
    code: ['const t = { trackAppOpened, trackItemLiked };', "t.trackItemLiked({ item_id: 'I1' });"],
    sites: ['L2 trackItemLiked call'],
  },
  {
    name: 'object-literal-key',
    code: ['const handlers = { like: trackItemLiked, open: trackAppOpened };', "handlers['open']();"],
    sites: ['L2 trackAppOpened call'],
  },
  {
    name: 'array-index',
    code: ['const queue = [trackAppOpened, trackItemLiked];', 'queue[0]!.call(null, { item_id: "x" } as never);'],
    sites: ['L2 trackAppOpened call'],
    unsafe: /argument 1 is cast/,
  },
  {
    name: 'record-map',
    code: [
      'const byName: Record<string, (p: CouponAppliedProperties) => void> = { coupon: trackCouponApplied };',
      "byName.coupon({ code: 'SAVE' });",
      "byName['coupon']({ code: 'SAVE' });",
    ],
    sites: ['L2 trackCouponApplied call', 'L3 trackCouponApplied call'],
  },
  {
    name: 'typed-map-of-one-function',
    code: [
      'type Send = (p: ProductViewedProperties) => void;',
      'const senders: { [page: string]: Send } = { product: trackProductViewed };',
      'const send = senders.product!;',
      "send({ product_id: 'SKU-2' });",
    ],
    sites: ['L4 trackProductViewed call'],
  },
  {
    name: 'object-from-another-module',
    code: ["actions.share({ channel: 'sms' });", 'actions.hello.call(null);'],
    sites: ['L1 trackProductShared call', 'L2 updateProfile call'],
  },
  {
    name: 'computed-key',
    code: ['const handlers = { open: trackAppOpened, cart: trackCartViewed };', 'handlers[which]();'],
    sites: ['L2 trackAppOpened call handlers[which]', 'L2 trackCartViewed call handlers[which]'],
    unsafe: /cannot tell which .*trackAppOpened, trackCartViewed/,
  },
  {
    name: 'conditional',
    code: ['declare const first: boolean;', '(first ? trackAppOpened : trackCartViewed)();'],
    sites: [
      'L2 trackAppOpened call first ? trackAppOpened : trackCartViewed',
      'L2 trackCartViewed call first ? trackAppOpened : trackCartViewed',
    ],
    unsafe: /cannot tell which .*trackAppOpened, trackCartViewed/,
  },
  {
    name: 'optional-call',
    code: ['const maybe: { open?: () => void } = { open: trackAppOpened };', 'maybe.open?.();'],
    sites: ['L2 trackAppOpened call'],
  },
  {
    name: 'wrapper-through-call',
    code: [
      'function coupon(p: CouponAppliedProperties): void {',
      '  trackCouponApplied(p);',
      '}',
      "coupon.call(null, { code: 'X' });",
      'const handlers: Record<string, (p: CouponAppliedProperties) => void> = { coupon };',
      "handlers.coupon!({ code: 'Y' });",
    ],
    sites: [
      'L2 trackCouponApplied call',
      'L4 trackCouponApplied wrapper coupon',
      'L6 trackCouponApplied wrapper coupon',
    ],
  },
  {
    name: 'bound-or-stored-is-no-call',
    code: [
      'export const later = trackCartViewed.bind(null);',
      'export const kept = { open: trackCartViewed, list: [trackCartViewed] };',
      'trackCartViewed.toString();',
    ],
    sites: [],
  },
  {
    name: 'computed-key-of-record',
    code: ['const byPage: Record<string, () => void> = { home: trackAppOpened, cart: () => {} };', 'byPage[key]?.();'],
    sites: ['L2 trackAppOpened call byPage[key]'],
    unsafe: /cannot tell which/,
  },
];

/** A module of the app exporting an object of generated functions, typed so that only its literal says which. */
const EXPORTED_OBJECT = [
  "import { trackProductShared, updateProfile, type ProductSharedProperties } from '../client/index.js';",
  'export const actions: { share: (p: ProductSharedProperties) => void; hello: () => void } = {',
  '  share: trackProductShared,',
  "  hello: updateProfile.bind(null, { name: 'Ada' }),",
  '};',
  '',
].join('\n');

describe('status follows a generated function through .call/.apply/.bind and objects and arrays', () => {
  let dir: string;
  let report: StatusReport;
  beforeAll(async () => {
    dir = await fixtureApp('forms', { plan: join(FIXTURES, 'app', 'plan.json') });
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'exported-object.ts'), EXPORTED_OBJECT);
    for (const f of FORMS) writeFileSync(join(dir, 'src', `${f.name}.ts`), [...HEADER, ...f.code, ''].join('\n'));
    report = await status({ project: dir });
  });

  it('the app compiles under strict', () => {
    const { options, fileNames } = configOptions(join(dir, 'tsconfig.json'));
    expect(format(compile(fileNames, options))).toBe('');
  });

  it.each(FORMS)('$name', (form) => {
    const file = join(dir, 'src', `${form.name}.ts`);
    const sites = report.functions.flatMap((f) =>
      f.sites
        .filter((s) => s.file === file)
        .map((s) => ({ text: `L${s.line - HEADER.length} ${f.name} ${s.kind}${s.via ? ` ${s.via}` : ''}`, s })),
    );
    expect(sites.map((x) => x.text).sort()).toEqual(form.sites);
    for (const { s } of sites) {
      if (form.unsafe) expect(s.unsafe).toMatch(form.unsafe);
      else expect(s.unsafe).toBeUndefined();
    }
  });

  it('the exported object itself is no call site', () => {
    const exported = join(dir, 'src', 'exported-object.ts');
    const there = report.functions.flatMap((f) => f.sites.filter((s) => s.file === exported));
    expect(there.map((s) => relative(dir, s.file))).toEqual([]);
  });
});
