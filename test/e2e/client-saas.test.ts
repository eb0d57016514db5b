// End-to-end proof for the generated saas client (out/saas, from examples/saas/plan.json) wired to the app's own
// clevertap-web-sdk instance: bundled by esbuild, run in headless Chromium, every request intercepted and decoded
// (see test/e2e/README.md for the wire format).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, payloadRecords, runInBrowser, type BrowserRun } from './harness.js';
import { browserSuite, clientWarnings, pushed, pushedRecords, utf8Hex } from './fixtures/client-wire.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const plan = JSON.parse(readFileSync(new URL('../../examples/saas/plan.json', import.meta.url), 'utf8')) as {
  events: Record<string, unknown>;
};
const RUN_TIMEOUT = 60_000;
const ACCOUNT = 'TEST-ACC-0002';
const HOST = 'us1.clevertap-prod.com';
// A production build: the development-mode checks run because init says `mode: 'development'`.
const PRODUCTION = { 'process.env.NODE_ENV': JSON.stringify('production') };

interface Result {
  violations: Array<{ event: string; property: string; rule: string; value: unknown; message: string }>;
  error?: string;
}

const { describe: browserDescribe, title } = browserSuite(
  "the generated saas client's browser tests",
  "generated saas client (out/saas) + the app's clevertap-web-sdk in headless Chromium",
);

browserDescribe(title, () => {
  afterAll(async () => {
    await closeBrowser();
  });

  describe("init({ sdk, mode: 'development', onViolation }) with the app's SDK (us1)", () => {
    let run: BrowserRun;
    let result: Result;
    beforeAll(async () => {
      run = await runInBrowser(fixture('client-saas.entry.ts'), { define: PRODUCTION });
      result = run.result as Result;
      console.info(`[e2e] client-saas: bundle ${run.bundleMs} ms, browser ${run.durationMs} ms`);
    }, RUN_TIMEOUT);

    it('sends everything to us1 for the account, with no SDK error, console error or page error', () => {
      expect(result.error).toBeUndefined();
      expect(run.pageErrors).toEqual([]);
      expect(run.consoleErrors).toEqual([]);
      expect(run.wzrkErrors).toEqual([]);
      expect(clientWarnings(run)).toEqual([]); // onViolation replaces the default console.warn
      expect(run.blockedRequests).toEqual([]);
      for (const req of run.requests) {
        expect(req.host).toBe(HOST);
        expect(req.decodeError).toBeUndefined();
        for (const rec of payloadRecords(req.payload)) expect(rec.id).toBe(ACCOUNT);
      }
      expect(run.requests[0].type).toBe('page');
    });

    it('sends the calls made before init after it, in order, then the later ones: exact names, properties and profiles', () => {
      expect(pushed(run)).toStrictEqual([
        // ---- made before init ----
        { event: 'Signed Up', data: { method: 'google', invited: false } }, // referrer: null is not sent
        {
          profile: {
            Email: 'grace@example.com',
            Name: 'Grace Hopper',
            Photo: 'https://cdn.example.com/avatars/42.png', // the plan's `avatar`
            Employed: 'Y',
            Education: 'Graduate',
            Age: 37,
            role: 'owner',
            seats: 25,
            trial_ends: '$D_1709164800',
            beta_features: ['ai-summaries', 'dark-mode'],
            Identity: 'u-42',
            tz: 'GMT+0000',
          },
        },
        // ---- made after init ----
        { event: 'Signed Up', data: { method: 'saml', referrer: 'https://news.example.com/launch', invited: true } },
        {
          event: 'Workspace Created',
          data: {
            workspace_id: '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b',
            plan: 'team',
            seats: 25,
            created_at: '$D_1709283600',
          },
        },
        {
          event: 'Document Shared',
          data: {
            document_id: 'doc-77',
            share_type: 'link',
            access: 'comment',
            recipient_count: 3,
            expires_on: '$D_1711843200',
            via_legacy_dialog: false,
          },
        },
        {
          event: 'Subscription Upgraded',
          data: { from_plan: 'team', to_plan: 'business', mrr_change: -12.25, billing_period: 'yearly', seats: 30 },
        },
        { event: 'Legacy Export Run', data: { format: 'csv', rows: 0 } },
        {
          event: 'Feature Flag Evaluated',
          data: {
            flag: 'new-editor',
            variant: 'B',
            experiment: 'exp-12',
            bucket: 7,
            sticky: true,
            assigned_at: '$D_1704067200',
            'Déjà vu 🚀': 'oui',
          },
        },
        { event: 'Feature Flag Evaluated', data: { flag: 'dark-mode', variant: false } },
        // the two calls with a violation: reported, and sent as given
        {
          event: 'Subscription Upgraded',
          data: { from_plan: 'free', to_plan: 'team', billing_period: 'monthly', seats: 12 },
        },
        {
          event: 'Workspace Created',
          data: { workspace_id: 'ws-1', plan: 'free', seats: 1, created_at: '$D_1709337600' },
        },
        // updateProfile()
        {
          profile: {
            role: 'admin',
            seats: 30,
            beta_features: ['dark-mode'],
            trial_ends: '$D_1711929600',
            tz: 'GMT+0000',
          },
        },
        // identify({ Email })
        { profile: { Email: 'ops@example.com', Name: 'Ops Team', tz: 'GMT+0000' } },
        { event: 'Signed Up', data: { method: 'email', invited: true } },
      ]);
    });

    it('reports development-mode violations through onViolation, and the events still arrive', () => {
      expect(result.violations).toEqual([
        {
          event: 'Subscription Upgraded',
          property: 'seats',
          rule: 'multipleOf',
          value: 12,
          message: 'Subscription Upgraded: seats: 12 is not a multiple of 5',
        },
        {
          event: 'Workspace Created',
          property: 'workspace_id',
          rule: 'format',
          value: 'ws-1',
          message: 'Workspace Created: workspace_id: is not a valid uuid',
        },
      ]);
      const sent = pushed(run);
      expect(sent).toContainEqual({
        event: 'Subscription Upgraded',
        data: { from_plan: 'free', to_plan: 'team', billing_period: 'monthly', seats: 12 },
      });
      expect(sent.some((p) => 'event' in p && p.data?.workspace_id === 'ws-1')).toBe(true);
    });

    it("sends every event of the plan under the plan's name, byte for byte, and identify/updateProfile as profiles", () => {
      const names = [...new Set(pushed(run).flatMap((p) => ('event' in p ? [p.event] : [])))];
      expect([...names].sort()).toEqual(Object.keys(plan.events).sort());
      for (const name of names) expect(Object.keys(plan.events).map(utf8Hex)).toContain(utf8Hex(name));
      const profiles = pushedRecords(run)
        .map((p) => p.record)
        .filter((r) => r.type === 'profile');
      expect(profiles).toHaveLength(3);
      expect(profiles[1].isOUL).toBeUndefined(); // profile.push (updateProfile) is never a login
    });
  });

  describe('edge cases found in the browser (once client bugs, now fixed)', () => {
    let run: BrowserRun;
    let result: Result;
    const flagData = (flag: string) =>
      pushed(run).find((p) => 'event' in p && p.data?.flag === flag) as {
        event: string;
        data: Record<string, unknown>;
      };
    beforeAll(async () => {
      run = await runInBrowser(fixture('client-saas-bugs.entry.ts'), { define: PRODUCTION });
      result = run.result as Result;
      // What the tests below look at must be there, so that each can fail only on the behaviour it names.
      expect(result.error).toBeUndefined();
      expect(run.pageErrors).toEqual([]);
      expect(pushed(run).map((p) => ('event' in p ? p.event : 'profile'))).toEqual([
        'Subscription Upgraded',
        'Feature Flag Evaluated',
        'Feature Flag Evaluated',
        'Feature Flag Evaluated',
      ]);
    }, RUN_TIMEOUT);

    it('development mode checks a call made before init (seats: 7 is reported like seats: 12 after it)', () => {
      // `dev` and the handler are set by init; a call made earlier is queued unchecked.
      expect(result.violations.filter((v) => v.event === 'Subscription Upgraded')).toHaveLength(1);
    });

    it("an extra key with a '.' arrives as given, or development mode reports it", () => {
      const data = flagData('f1').data;
      const reported = result.violations.some((v) => v.property === 'ctx.page');
      expect({ keys: Object.keys(data), reported }).toSatisfy(
        (x: { keys: string[]; reported: boolean }) => x.keys.includes('ctx.page') || x.reported,
      );
    });

    it('development mode reports an extra key with the reserved wzrk_ prefix', () => {
      expect(flagData('f2').data).toHaveProperty('wzrk_test', 'x'); // it is sent...
      expect(result.violations.some((v) => v.property === 'wzrk_test')).toBe(true); // ...and not reported
    });

    it('development mode reports an extra NaN value (the SDK sends it as null)', () => {
      expect(flagData('f3').data).toHaveProperty('score', null);
      expect(result.violations.some((v) => v.property === 'score')).toBe(true);
    });
  });
});
