/**
 * End-to-end harness: runs a small entry file (TS/JS that imports `clevertap-web-sdk`, or a generated
 * client that does) in headless Chromium and reports exactly what the real CleverTap web SDK sent.
 *
 * - The entry is bundled with esbuild into an IIFE and served, inside an HTML page, from a fake origin
 *   (`http://app.test/` by default) through Playwright's request interception: no server, no network.
 * - Every `https://*.clevertap-prod.com/...` request (the SDK's JSONP `<script>` GETs) is recorded, its
 *   `d` parameter decoded (LZString base64 -> JSON), and answered with the same JavaScript the backend
 *   sends (`$WZRK_WR.s(gcookie, session, false, rn)`), so the SDK keeps sending.
 * - Every other request is answered `204` and listed in `blockedRequests`.
 * - The run ends when the entry has set `window.__done = true`, the SDK's backup queue (`WZRK_L` in
 *   localStorage: requests sent but not yet answered) is empty, no login is in flight and no CleverTap
 *   request has been seen for `quietMs`.
 *
 * See test/e2e/README.md for the wire format as observed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import LZString from 'lz-string';
import { chromium, type Browser, type BrowserContext, type Route } from 'playwright-core';

const PROJECT_NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH || '/usr/bin/chromium';

/** The gcookie (CleverTap device id) the fake backend hands out: 32 hex characters. */
export const FAKE_GCOOKIE = 'e2e0c0ffee0000000000000000000001';

export interface SdkRequest {
  /** The full URL as the browser requested it (still percent-encoded). */
  url: string;
  /** e.g. `in1.clevertap-prod.com` */
  host: string;
  /** e.g. `/a` */
  path: string;
  /** Query parameters, each percent-decoded once (`d` is the decoded base64 text, not yet decompressed). */
  params: Record<string, string>;
  /** `params.type`: `page` (page view), `push` (events and profiles), `ping`, `data` (web push)... */
  type: string | undefined;
  /** `params.rn`, the request number the SDK expects back in the reply. */
  rn: number | undefined;
  /** `d` decompressed and parsed; `undefined` when there is no `d`. */
  payload: unknown;
  /** Set when `d` could not be decoded. */
  decodeError?: string;
  /** Milliseconds since the page was opened. */
  atMs: number;
}

/** A decoded event record (`type: 'event'`), as the SDK put it in `d`, plus where it came from. */
export interface CtEvent {
  type: 'event';
  evtName: string;
  evtData?: Record<string, unknown>;
  [k: string]: unknown;
}

/** A decoded profile record (`type: 'profile'`). `isOUL: true` marks an `onUserLogin.push`. */
export interface CtProfile {
  type: 'profile';
  profile: Record<string, unknown>;
  isOUL?: boolean;
  [k: string]: unknown;
}

export interface ConsoleMessage {
  type: string;
  text: string;
}

export interface BrowserRun {
  /** Every CleverTap request, in order, including the SDK's own `page`/`ping` requests. */
  requests: SdkRequest[];
  /** Event records from `type=push` requests, without the SDK's internal `wzrk_fetch` event. */
  events: CtEvent[];
  /** Profile records (`profile.push` and `onUserLogin.push`). */
  profiles: CtProfile[];
  /** `console.error` messages of the page (the SDK logs its validation errors there, prefixed `CleverTap`). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Every `wzrk_error` ({c: code, d: description}) found in a payload. */
  wzrkErrors: unknown[];
  /** All console messages, any level. */
  console: ConsoleMessage[];
  /** Non-CleverTap, non-page URLs the page tried to load (answered 204). */
  blockedRequests: string[];
  /** `window.__result` at the end, if the entry set it (must be JSON-serialisable). */
  result: unknown;
  /** Wall time of the browser part of the run (page open to drained), in ms. */
  durationMs: number;
  /** Time esbuild took, in ms. */
  bundleMs: number;
}

export interface RunOptions {
  /** Give up (throw) after this many ms of page time. Default 20000. */
  timeoutMs?: number;
  /** The queue counts as drained after this many ms without a new CleverTap request. Default 300. */
  quietMs?: number;
  /** The page URL; its origin is served by the harness. Default `http://app.test/`. */
  pageUrl?: string;
  /** Entries put in localStorage before any script of the page runs (e.g. to simulate a returning visitor). */
  localStorage?: Record<string, string>;
  /** esbuild `define`s. Default: `process.env.NODE_ENV` = `"development"`. */
  define?: Record<string, string>;
  /** Extra HTML put in `<head>` before the bundle. */
  headHtml?: string;
  /**
   * Reply body (JavaScript) for a CleverTap request; `defaultBody` is what the harness would send
   * (see {@link defaultReply}). Return `null` to leave the request unanswered (it hangs).
   */
  reply?: (req: SdkRequest, defaultBody: string) => string | null;
  /** Do not wait for `window.__done`; only for the queue to drain. Default false. */
  noDoneFlag?: boolean;
  /** Inline a source map in the bundle (page error stacks then point at the sources; the bundle is 3x larger). Default false. */
  sourcemap?: boolean;
  /**
   * By default an uncaught page error before `window.__done` ends the run at once with an error.
   * Set this to wait for `__done` anyway and get the errors in `pageErrors`.
   */
  allowPageErrors?: boolean;
  /** The browser's time zone (the SDK adds it to every profile as `tz`, e.g. `GMT+0000`). Default `UTC`. */
  timezoneId?: string;
}

const DEFAULT_LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browserPromise: Promise<Browser> | undefined;

/** True when the Chromium binary the harness launches exists. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** The shared browser, launched on first use. */
export function getBrowser(): Promise<Browser> {
  if (!browserPromise) {
    browserPromise = chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: DEFAULT_LAUNCH_ARGS });
    browserPromise.catch(() => {
      browserPromise = undefined;
    });
  }
  return browserPromise;
}

/** Closes the shared browser (call it in `afterAll`). Safe to call when none was launched. */
export async function closeBrowser(): Promise<void> {
  const p = browserPromise;
  browserPromise = undefined;
  if (p) {
    const b = await p.catch(() => undefined);
    await b?.close();
  }
}

/** What to bundle: a file path (or `file:` URL), or source text. */
export type Entry = string | { contents: string; resolveDir?: string; loader?: 'ts' | 'js'; name?: string };

/** Bundles an entry into a browser IIFE (all imports inlined, nothing external). */
export async function bundleEntry(entry: Entry, define?: Record<string, string>, sourcemap = false): Promise<string> {
  const source =
    typeof entry === 'string'
      ? { entryPoints: [entry.startsWith('file:') ? fileURLToPath(entry) : entry] }
      : {
          stdin: {
            contents: entry.contents,
            resolveDir: entry.resolveDir ?? process.cwd(),
            loader: entry.loader ?? ('ts' as const),
            sourcefile: entry.name ?? 'e2e-entry.ts',
          },
        };
  const result = await esbuild.build({
    ...source,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    sourcemap: sourcemap ? 'inline' : false,
    logLevel: 'silent',
    define: define ?? { 'process.env.NODE_ENV': JSON.stringify('development') },
    // lets entries written outside the project (e.g. in os.tmpdir()) import the project's packages
    nodePaths: [PROJECT_NODE_MODULES],
  });
  return result.outputFiles[0].text;
}

function entryLabel(entry: Entry): string {
  return typeof entry === 'string' ? entry : (entry.name ?? '<inline entry>');
}

const CLEVERTAP_HOST = /(^|\.)clevertap-prod\.com$/;

/** Splits a query string and percent-decodes each name and value once (the SDK encodes with encodeURIComponent). */
export function parseQuery(search: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    params[safeDecode(k)] = safeDecode(v);
  }
  return params;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Decodes a CleverTap `d` value (already percent-decoded) into the JSON the SDK compressed. */
export function decodeD(d: string): unknown {
  const json = LZString.decompressFromBase64(d);
  if (json == null || json === '') throw new Error(`d does not decompress: ${d.slice(0, 40)}...`);
  return JSON.parse(json);
}

/** Parses one intercepted CleverTap URL. */
export function parseSdkRequest(url: string, atMs = 0): SdkRequest {
  const u = new URL(url);
  const params = parseQuery(u.search);
  const req: SdkRequest = {
    url,
    host: u.host,
    path: u.pathname,
    params,
    type: params.type,
    rn: params.rn !== undefined && params.rn !== '' ? Number(params.rn) : undefined,
    payload: undefined,
    atMs,
  };
  if (params.d !== undefined) {
    try {
      req.payload = decodeD(params.d);
    } catch (e) {
      req.decodeError = String(e);
    }
  }
  return req;
}

/** What the fake backend answers: the SDK's JSONP callback with a gcookie, a session id and the request number. */
export function defaultReply(req: SdkRequest, sessionId: number, gcookie = FAKE_GCOOKIE): string {
  const rn = req.rn !== undefined && Number.isFinite(req.rn) ? String(req.rn) : 'undefined';
  return `window.$WZRK_WR && window.$WZRK_WR.s(${JSON.stringify(gcookie)}, ${sessionId}, false, ${rn});`;
}

/** The records a payload holds: a payload is one object, or an array of them. */
export function payloadRecords(payload: unknown): Record<string, unknown>[] {
  const list = Array.isArray(payload) ? payload : payload === undefined || payload === null ? [] : [payload];
  return list.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
}

/** Splits recorded requests into events, profiles and reported SDK errors. */
export function collect(requests: SdkRequest[]): Pick<BrowserRun, 'events' | 'profiles' | 'wzrkErrors'> {
  const events: CtEvent[] = [];
  const profiles: CtProfile[] = [];
  const wzrkErrors: unknown[] = [];
  for (const req of requests) {
    for (const rec of payloadRecords(req.payload)) {
      if (rec.wzrk_error !== undefined) wzrkErrors.push(rec.wzrk_error);
      if (req.type === 'page' || req.type === 'ping') continue;
      if (rec.type === 'event') {
        if (rec.evtName === 'wzrk_fetch') continue;
        events.push(rec as CtEvent);
      } else if (rec.type === 'profile') {
        profiles.push(rec as CtProfile);
      }
    }
  }
  return { events, profiles, wzrkErrors };
}

/** Thrown when a run times out or the page throws; `run` holds what was seen until then. */
export class BrowserRunError extends Error {
  constructor(
    message: string,
    readonly run: BrowserRun,
  ) {
    super(message);
    this.name = 'BrowserRunError';
  }
}

interface DrainState {
  done: boolean;
  backlog: number;
  oulInProgress: boolean;
}

/**
 * Bundles `entry`, loads it in headless Chromium with every CleverTap request intercepted, waits until
 * `window.__done === true` and the SDK's queue has drained, and returns what was sent.
 */
export async function runInBrowser(entry: Entry, options: RunOptions = {}): Promise<BrowserRun> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const quietMs = options.quietMs ?? 300;
  const pageUrl = new URL(options.pageUrl ?? 'http://app.test/');
  const origin = pageUrl.origin;

  const t0 = Date.now();
  const bundle = await bundleEntry(entry, options.define, options.sourcemap);
  const bundleMs = Date.now() - t0;

  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>clevertap e2e</title>' +
    (options.headHtml ?? '') +
    '</head><body><script src="/__e2e_bundle.js"></script></body></html>';

  const browser = await getBrowser();
  const context: BrowserContext = await browser.newContext({
    serviceWorkers: 'block',
    timezoneId: options.timezoneId ?? 'UTC',
    locale: 'en-US',
  });
  const requests: SdkRequest[] = [];
  const consoleAll: ConsoleMessage[] = [];
  const pageErrors: string[] = [];
  const blockedRequests: string[] = [];
  const sessionId = Math.floor(Date.now() / 1000);
  let start = Date.now();
  let lastSdkRequestAt = 0;
  let closing = false;

  try {
    if (options.localStorage) {
      await context.addInitScript((entries: Record<string, string>) => {
        if (!sessionStorage.getItem('__e2e_ls_seeded')) {
          for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
          sessionStorage.setItem('__e2e_ls_seeded', '1');
        }
      }, options.localStorage);
    }

    const handle = async (route: Route): Promise<void> => {
      const url = route.request().url();
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        await route.abort();
        return;
      }
      if (u.origin === origin) {
        if (u.pathname === pageUrl.pathname) {
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        } else if (u.pathname === '/__e2e_bundle.js') {
          await route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body: bundle });
        } else {
          blockedRequests.push(url);
          await route.fulfill({ status: 204, body: '' });
        }
        return;
      }
      if (CLEVERTAP_HOST.test(u.hostname)) {
        const req = parseSdkRequest(url, Date.now() - start);
        requests.push(req);
        lastSdkRequestAt = Date.now();
        const defaultBody = defaultReply(req, sessionId);
        const body = options.reply ? options.reply(req, defaultBody) : defaultBody;
        if (body === null) return; // left hanging on purpose
        await route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body });
        return;
      }
      blockedRequests.push(url);
      await route.fulfill({ status: 204, body: '' });
    };
    await context.route('**/*', async (route: Route) => {
      try {
        await handle(route);
      } catch (e) {
        // The SDK can still be firing while the context closes; anything else is a harness bug.
        if (!closing) throw e;
      }
    });

    const page = await context.newPage();
    const snapshot = async (): Promise<BrowserRun> => {
      const result = await page
        .evaluate(() => {
          const r = (window as unknown as { __result?: unknown }).__result;
          return r === undefined ? undefined : JSON.parse(JSON.stringify(r));
        })
        .catch(() => undefined);
      return {
        requests: [...requests],
        ...collect(requests),
        consoleErrors: consoleAll.filter((m) => m.type === 'error').map((m) => m.text),
        pageErrors: [...pageErrors],
        console: [...consoleAll],
        blockedRequests: [...blockedRequests],
        result,
        durationMs: Date.now() - start,
        bundleMs,
      };
    };
    page.on('console', (msg) => consoleAll.push({ type: msg.type(), text: msg.text() }));
    page.on('pageerror', (err) => pageErrors.push(err.stack || err.message || String(err)));

    start = Date.now();
    lastSdkRequestAt = start;
    await page.goto(pageUrl.href, { waitUntil: 'load', timeout: timeoutMs });

    const deadline = start + timeoutMs;
    let state: DrainState = { done: false, backlog: -1, oulInProgress: false };
    for (;;) {
      state = await page.evaluate((): DrainState => {
        const w = window as unknown as { __done?: unknown; isOULInProgress?: unknown };
        let backlog = 0;
        try {
          const raw = localStorage.getItem('WZRK_L');
          if (raw) {
            let parsed: unknown = JSON.parse(decodeURIComponent(raw));
            if (typeof parsed === 'string') parsed = JSON.parse(parsed);
            if (parsed && typeof parsed === 'object') backlog = Object.keys(parsed).length;
          }
        } catch {
          backlog = -1;
        }
        return { done: w.__done === true, backlog, oulInProgress: w.isOULInProgress === true };
      });
      const now = Date.now();
      const quiet = now - lastSdkRequestAt >= quietMs;
      if ((state.done || options.noDoneFlag) && state.backlog <= 0 && !state.oulInProgress && quiet) break;
      if (pageErrors.length > 0 && !state.done && !options.allowPageErrors) {
        throw new BrowserRunError(
          `runInBrowser(${entryLabel(entry)}): the page threw before setting window.__done ` +
            `(pass allowPageErrors to wait anyway):\n${pageErrors.join('\n')}`,
          await snapshot(),
        );
      }
      if (now > deadline) {
        throw new BrowserRunError(
          `runInBrowser(${entryLabel(entry)}) timed out after ${timeoutMs} ms: __done=${state.done}, ` +
            `unanswered SDK requests=${state.backlog}, login in flight=${state.oulInProgress}, ` +
            `${requests.length} CleverTap requests seen.\n` +
            `page errors: ${JSON.stringify(pageErrors)}\nconsole: ${JSON.stringify(consoleAll.slice(-20))}`,
          await snapshot(),
        );
      }
      await new Promise((r) => setTimeout(r, 25));
    }

    return await snapshot();
  } finally {
    closing = true;
    await context.close().catch(() => undefined);
  }
}
