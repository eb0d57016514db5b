/**
 * Proves, with the real clevertap-web-sdk in headless Chromium, what goes over the wire.
 * Needs Debian's chromium (`apt-get install -y chromium`); without it the browser suites are skipped.
 * Run: npx vitest run test/e2e
 */
import { fileURLToPath } from 'node:url';
import LZString from 'lz-string';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  FAKE_GCOOKIE,
  chromiumAvailable,
  closeBrowser,
  collect,
  decodeD,
  defaultReply,
  parseSdkRequest,
  payloadRecords,
  runInBrowser,
  type BrowserRun,
  type CtProfile,
} from './harness.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const RUN_TIMEOUT = 60_000;

/** The fields a test cares about (drops the SDK's bookkeeping: id, pg, af, WZRK_CAMP...). */
const eventsOf = (run: BrowserRun) => run.events.map((e) => ({ evtName: e.evtName, evtData: e.evtData }));
const profilesOf = (run: BrowserRun) => run.profiles.map((p) => ({ profile: p.profile, isOUL: p.isOUL }));

describe('harness helpers (no browser)', () => {
  it('decodes d the way the SDK encodes it: encodeURIComponent(LZString.compressToBase64(JSON))', () => {
    const payload = { type: 'event', evtName: 'Produkt Ångström Viewed', evtData: { when: '$D_1705321800' } };
    const d = encodeURIComponent(LZString.compressToBase64(JSON.stringify(payload)));
    const req = parseSdkRequest(`https://in1.clevertap-prod.com/a?t=96&type=push&d=${d}&rn=7&i=1&sn=0`);
    expect(req.host).toBe('in1.clevertap-prod.com');
    expect(req.type).toBe('push');
    expect(req.rn).toBe(7);
    expect(req.payload).toEqual(payload);
    expect(decodeD(req.params.d)).toEqual(payload);
    expect(defaultReply(req, 1700000000)).toBe(
      `window.$WZRK_WR && window.$WZRK_WR.s("${FAKE_GCOOKIE}", 1700000000, false, 7);`,
    );
  });

  it('accepts a payload that is a batch (array) as well as a single record', () => {
    const batch = [
      { type: 'event', evtName: 'A', evtData: {} },
      { type: 'event', evtName: 'wzrk_fetch', evtData: { t: 4 } },
      { type: 'profile', profile: { plan: 'pro' }, wzrk_error: { c: 545, d: 'x' } },
    ];
    const d = encodeURIComponent(LZString.compressToBase64(JSON.stringify(batch)));
    const req = parseSdkRequest(`https://eu1.clevertap-prod.com/a?t=96&type=push&d=${d}`);
    expect(payloadRecords(req.payload)).toHaveLength(3);
    const c = collect([req]);
    expect(c.events.map((e) => e.evtName)).toEqual(['A']);
    expect(c.profiles).toHaveLength(1);
    expect(c.wzrkErrors).toEqual([{ c: 545, d: 'x' }]);
  });
});

const browserDescribe = chromiumAvailable() ? describe : describe.skip;
if (!chromiumAvailable()) {
  console.warn(
    `[e2e] SKIPPED the browser tests: no Chromium at ${CHROMIUM_PATH}. ` +
      'Install it with `apt-get install -y chromium` (or set E2E_CHROMIUM_PATH).',
  );
}

const suiteTitle = chromiumAvailable()
  ? 'clevertap-web-sdk@2.5.2 in headless Chromium'
  : `clevertap-web-sdk@2.5.2 in headless Chromium (SKIPPED: no Chromium at ${CHROMIUM_PATH}; apt-get install -y chromium)`;

browserDescribe(suiteTitle, () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it(
    'sends events, Charged, onUserLogin and profile.push exactly as pushed',
    async () => {
      const run = await runInBrowser(fixture('sdk-smoke.entry.ts'));

      // No SDK complaints of any kind.
      expect(run.pageErrors).toEqual([]);
      expect(run.consoleErrors).toEqual([]);
      expect(run.wzrkErrors).toEqual([]);
      expect(run.blockedRequests).toEqual([]);

      // Every request: JSONP GET to the region's host, for our account.
      expect(run.requests.length).toBeGreaterThan(0);
      for (const req of run.requests) {
        expect(req.host).toBe('in1.clevertap-prod.com');
        expect(req.path).toBe('/a');
        expect(req.params.t).toBe('96');
        expect(req.decodeError).toBeUndefined();
        for (const rec of payloadRecords(req.payload)) expect(rec.id).toBe('TEST-ACC-0001');
      }
      // The SDK's own traffic: a page view first, then its wzrk_fetch event; both left out of `events`.
      expect(run.requests[0].type).toBe('page');
      expect(run.requests.some((r) => (r.payload as { evtName?: string })?.evtName === 'wzrk_fetch')).toBe(true);
      expect(run.requests.filter((r) => r.type === 'push')).toHaveLength(5);

      expect(eventsOf(run)).toEqual([
        {
          evtName: 'Produkt Ångström Viewed',
          evtData: {
            'Product name': 'Ångström – Füße 🚀',
            Price: 19.99,
            Quantity: 3,
            'In stock': true,
            'Viewed at': '$D_1705321800', // Date.UTC(2024, 0, 15, 12, 30, 0) in epoch seconds
          },
        },
        {
          evtName: 'Charged',
          evtData: {
            Amount: 42.5,
            'Payment mode': 'Card',
            'Charged ID': 'order-1',
            Items: [
              { Category: 'Books', 'Book name': 'The Millionaire Next Door', Quantity: 1 },
              { Category: 'Books', 'Book name': 'Achieving Inner Zen', Quantity: 2, Price: 9.5 },
            ],
          },
        },
      ]);
      // The name arrives byte for byte (UTF-8), not normalised or escaped.
      expect(Buffer.from(run.events[0].evtName, 'utf8').toString('hex')).toBe(
        Buffer.from('Produkt \u00c5ngstr\u00f6m Viewed', 'utf8').toString('hex'),
      );

      expect(profilesOf(run)).toEqual([
        {
          profile: {
            Identity: 'u1',
            Name: 'Ada',
            Email: 'ada@example.com',
            Phone: 14155552671, // the SDK strips the '+' and sends a number
            Gender: 'F',
            DOB: '$D_642902400', // Date.UTC(1990, 4, 17)
            tz: 'GMT+0000', // added by the SDK from the browser's time zone (the harness runs in UTC)
          },
          isOUL: true, // set because the login happens before the first backend reply (no device id yet)
        },
        { profile: { plan: 'pro', tz: 'GMT+0000' }, isOUL: undefined },
      ]);

      // Every request after the first carries the gcookie the fake backend handed out.
      for (const req of run.requests.slice(1)) expect(req.params.gc).toBe(FAKE_GCOOKIE);
      expect(run.durationMs).toBeLessThan(10_000);
      console.info(`[e2e] smoke run: bundle ${run.bundleMs} ms, browser ${run.durationMs} ms`);
    },
    RUN_TIMEOUT,
  );

  it(
    'drops event.push/profile.push before init and sends an early onUserLogin to eu1 without the account id',
    async () => {
      const run = await runInBrowser(fixture('sdk-preinit.entry.ts'));
      expect(run.pageErrors).toEqual([]);
      // The npm package's default export is the same instance as window.clevertap.
      expect(run.result).toEqual({ windowClevertapIsDefaultExport: true });

      // event.push and profile.push before init: dropped, only a console error says so.
      expect(run.consoleErrors.filter((e) => e.includes('Account ID is not set'))).toHaveLength(2);
      expect(run.events.map((e) => e.evtName)).toEqual(['After Init']);

      // onUserLogin before init: sent (twice here) to the default region, with no account id.
      const early = run.requests.filter((r) => r.host === 'eu1.clevertap-prod.com');
      expect(early.length).toBeGreaterThanOrEqual(1);
      for (const req of early) {
        const rec = req.payload as Record<string, unknown>;
        expect(rec.type).toBe('profile');
        expect(rec.isOUL).toBe(true);
        expect(rec.id).toBeUndefined();
        expect((rec.profile as Record<string, unknown>).Identity).toBe('early-user');
      }
      // After init, everything goes to the init region; the second init (us1, another account) is ignored.
      const late = run.requests.filter((r) => r.host !== 'eu1.clevertap-prod.com');
      expect(new Set(late.map((r) => r.host))).toEqual(new Set(['in1.clevertap-prod.com']));
      for (const req of late) expect((req.payload as Record<string, unknown>).id).toBe('TEST-ACC-0001');
    },
    RUN_TIMEOUT,
  );

  it(
    'marks onUserLogin with isOUL only before the first reply or on a user switch',
    async () => {
      const run = await runInBrowser(fixture('sdk-login.entry.ts'));
      expect(run.pageErrors).toEqual([]);
      expect(run.consoleErrors).toEqual([]);
      const logins = run.profiles.map((p) => ({ Identity: p.profile.Identity, isOUL: p.isOUL, rc: p.rc }));
      expect(logins).toEqual([
        // the anonymous visitor's device id is already known: the login is attached to it, no isOUL
        { Identity: 'u1', isOUL: undefined, rc: undefined },
        { Identity: 'u1', isOUL: undefined, rc: undefined },
        // another identity: the SDK clears its state, asks for a new device id (rc = reset cookie)
        { Identity: 'u2', isOUL: true, rc: true },
      ]);
      const u2 = run.requests.find((r) => (r.payload as CtProfile | undefined)?.profile?.Identity === 'u2')!;
      expect(u2.params.gc).toBeUndefined(); // sent without the old device id
      expect(u2.rn).toBe(1); // request numbers start again after a switch
      expect(run.events.map((e) => e.evtName)).toEqual(['As u1', 'As u2']);
    },
    RUN_TIMEOUT,
  );

  it(
    'repairs silently and reports errors in console.error and wzrk_error; no region means eu1',
    async () => {
      const run = await runInBrowser(fixture('sdk-repairs.entry.ts'));
      expect(run.pageErrors).toEqual([]);
      expect(new Set(run.requests.map((r) => r.host))).toEqual(new Set(['eu1.clevertap-prod.com']));

      expect(eventsOf(run)).toEqual([
        { evtName: 'Has null', evtData: { kept: 'x' } },
        { evtName: 'abcd', evtData: { key: 1 } },
      ]);
      expect(profilesOf(run)).toEqual([{ profile: { plan: 'free', tz: 'GMT+0000' }, isOUL: undefined }]);

      // wzrk_error holds only the last error reported before a request goes out (513 was overwritten by 545).
      expect(run.wzrkErrors).toEqual([{ c: 545, d: "Null value for key 'dropped' was removed" }]);
      const errs = run.consoleErrors.join('\n');
      expect(errs).toContain('513: Stayed is a restricted system event');
      expect(errs).toContain('Event structure not valid');
      expect(errs).toContain('Gender value should one of the following');
    },
    RUN_TIMEOUT,
  );
});
