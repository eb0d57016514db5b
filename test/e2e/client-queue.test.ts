// The web client's pre-init queue in a real browser, with clevertap-web-sdk in a chunk of its own, as a bundler
// with code splitting emits it, and that chunk blocked (route.abort) as an ad blocker or a network error would:
// the queue is bounded (1000 calls, the overflow reported through onViolation), survives a failed init, and a
// later init sends it; a second init is a no-op.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, collect, defaultReply, getBrowser, parseSdkRequest, type SdkRequest } from './harness.js';
import { browserSuite } from './fixtures/client-wire.js';
import { ROOT, scratch } from '../helpers/paths.js';

const ENTRY = fileURLToPath(new URL('./fixtures/client-queue.entry.ts', import.meta.url));
const ORIGIN = 'http://app.test';

interface Served {
  files: Map<string, string>;
  sdkChunk: string;
}

/** The entry as an app's bundler splits it: an ES module entry, the checks and the SDK each in a chunk. */
async function build(): Promise<Served> {
  const outdir = scratch('queue-bundle');
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { app: ENTRY },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    outdir,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    nodePaths: [join(ROOT, 'node_modules')],
  });
  const files = new Map(result.outputFiles.map((f) => [`/${f.path.slice(outdir.length + 1)}`, f.text]));
  const sdk = [...files].filter(([, text]) => text.includes('$WZRK_WR'));
  if (sdk.length !== 1) throw new Error(`expected one chunk with the SDK, found ${sdk.length}`);
  return { files, sdkChunk: sdk[0]![0] };
}

interface QueueRun {
  result: Record<string, unknown>;
  requests: SdkRequest[];
  sdkChunkRequests: number;
  pageErrors: string[];
  warnings: string[];
}

/** Runs one scenario of the entry; the SDK's chunk is aborted until the page calls `__unblock()`. */
async function runScenario(served: Served, scenario: string): Promise<QueueRun> {
  const browser = await getBrowser();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const requests: SdkRequest[] = [];
  const pageErrors: string[] = [];
  const warnings: string[] = [];
  let blocked = true;
  let sdkChunkRequests = 0;
  try {
    await context.route('**/*', async (route) => {
      const u = new URL(route.request().url());
      if (u.origin === ORIGIN) {
        if (u.pathname === '/') {
          const html = `<!doctype html><meta charset="utf-8"><script>window.__scenario = ${JSON.stringify(scenario)}</script><script type="module" src="/app.js"></script>`;
          return route.fulfill({ status: 200, contentType: 'text/html', body: html });
        }
        if (u.pathname === served.sdkChunk) {
          sdkChunkRequests++;
          if (blocked) return route.abort('blockedbyclient');
        }
        const body = served.files.get(u.pathname);
        return body === undefined
          ? route.fulfill({ status: 404, body: '' })
          : route.fulfill({ status: 200, contentType: 'text/javascript', body });
      }
      if (/(^|\.)clevertap-prod\.com$/.test(u.hostname)) {
        const req = parseSdkRequest(u.href);
        requests.push(req);
        return route.fulfill({
          status: 200,
          contentType: 'application/javascript',
          body: defaultReply(req, 1_700_000_000),
        });
      }
      return route.fulfill({ status: 204, body: '' });
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.exposeFunction('__unblock', () => {
      blocked = false;
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, undefined, {
      timeout: 20_000,
    });
    // The real SDK sends one request at a time, each after the reply to the last: wait until it has been quiet a while
    let seen = -1;
    for (let i = 0; i < 50 && seen !== requests.length; i++) {
      seen = requests.length;
      await page.waitForTimeout(400);
    }
    const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Record<
      string,
      unknown
    >;
    return { result, requests, sdkChunkRequests, pageErrors, warnings };
  } finally {
    await context.close();
  }
}

const { describe: browserDescribe, title } = browserSuite(
  'the pre-init queue browser tests',
  'the pre-init queue with the SDK chunk blocked (out/shop + clevertap-web-sdk in Chromium)',
);

browserDescribe(title, () => {
  let served: Served;
  beforeAll(async () => {
    served = await build();
  });
  afterAll(closeBrowser);

  describe('init fails because the SDK chunk is blocked; the chunk is let through and init is called again', () => {
    let run: QueueRun;
    beforeAll(async () => {
      run = await runScenario(served, 'retry');
    }, 60_000);

    it('the first init rejects, the second resolves', () => {
      expect(run.pageErrors).toEqual([]);
      expect(run.result.first).toMatch(/^rejected: /);
      expect(run.result.second).toBe('resolved');
      expect(run.sdkChunkRequests).toBe(2); // the browser fetched the chunk again: a failed import() is not cached
    });

    it('the calls queued before both inits reach CleverTap, in order', () => {
      const { events, profiles } = collect(run.requests);
      expect(events.map((e) => e.evtName)).toEqual(['App Opened', 'Product Viewed']);
      expect(profiles.map((p) => (p.profile as Record<string, unknown>).Identity)).toEqual(['user-7']);
    });
  });

  describe('init throws (an unknown region)', () => {
    it('rejects with the reason, and a later init sends the queue', async () => {
      const run = await runScenario(served, 'throws');
      expect(run.result.first).toContain('unknown region "nowhere"');
      expect(run.result.second).toBe('resolved');
      expect(collect(run.requests).events.map((e) => e.evtName)).toEqual(['App Opened']);
    }, 60_000);
  });

  describe('1005 calls wait for an init that failed', () => {
    let run: QueueRun;
    beforeAll(async () => {
      run = await runScenario(served, 'overflow');
    }, 60_000);

    it('the first 1000 are kept, in order, and sent by the next init', () => {
      expect(run.result.failed).toMatch(/^rejected: /);
      expect(run.result.sent).toBe('resolved');
      expect(run.result.first).toEqual(['Product Viewed', { product_id: 'SKU-0', price: 0 }]);
      expect(run.result.last).toEqual(['Product Viewed', { product_id: 'SKU-999', price: 999 }]);
    });

    it('the overflow is reported once, through onViolation, with rule "queue"', () => {
      expect(run.result.violations).toEqual([
        {
          event: 'Product Viewed',
          property: '(queue)',
          rule: 'queue',
          value: 1000,
          message:
            'Product Viewed: (queue): 1000 calls are waiting for init(), the most the client keeps; this call and those after it are dropped until init() succeeds',
        },
      ]);
    });

    it("after init, calls are sent at once; a second init returns the first's promise and changes nothing", () => {
      expect(run.result.afterInit).toEqual(['App Opened', 'App Opened']);
      expect(run.result.pushedCount).toBe(1002);
      expect(run.result.sameSecondPromise).toBe(true);
      expect(run.result.secondSettles).toBe('resolved');
      expect(run.result.otherSdkCalls).toBe(0);
    });
  });
});
