/**
 * A fake CleverTap upload API (`POST /1/upload`) on 127.0.0.1, following the documented behaviour:
 * - headers: wrong or missing `X-CleverTap-Account-Id` / `X-CleverTap-Passcode` -> 401; a body that is not
 *   `application/json` (charset utf-8 when one is named) -> 400;
 * - at most `maxRecordsPerRequest` records a request (else 400), more than `maxConcurrent` requests at once -> 429;
 * - per-record validation with CleverTap's codes (512 structure, 523 identity, 525 timestamp, 509 event name,
 *   513 system event, 522 too many properties, 514 profile fields), replied in a 200 as `success`, `partial` or `fail`.
 * Faults are injected per attempt, chosen by a seeded generator from the request body and how often that body was
 * seen, so a run's faults do not depend on the order requests arrive in. It logs every request and what it processed.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API, EMAIL_PATTERN, RESERVED_PREFIX, RESTRICTED_EVENTS } from './api-facts.js';

export type Fault = 'none' | 'serverError' | 'tooManyRequests' | 'slow' | 'drop' | 'malformed';

export interface FaultRates {
  /** Probability of each fault per request (the rest get no fault). */
  serverError?: number;
  tooManyRequests?: number;
  slow?: number;
  drop?: number;
  malformed?: number;
}

export interface FakeServerOptions {
  accountId?: string;
  passcode?: string;
  maxRecordsPerRequest?: number;
  maxConcurrent?: number;
  seed?: number;
  faults?: FaultRates;
  /** `Retry-After` sent with injected 429s (seconds or an HTTP date; default '1'). */
  retryAfter?: string;
  /** How long a `slow` reply waits before it is sent, in ms (make it longer than the client's timeout). */
  slowMs?: number;
  /** Fixed status for every request (e.g. 401, 403, 503), after the credential check. */
  forceStatus?: number;
  /** Delay before each reply in ms (to hold requests in flight). */
  delayMs?: number;
  /** Faults for the first requests, in the order they arrive (then the rates apply). */
  script?: Fault[];
  /** Keep the request log and the processed records (default true; the bench counts only). */
  keepLog?: boolean;
}

export interface RequestLog {
  fault: Fault;
  status: number;
  /** Records in the body (undefined when the body was not JSON with an array `d`). */
  count: number | undefined;
  /** Records processed by this request (valid ones, on a request the server processed). */
  processed: unknown[];
  /** Records refused with a code. */
  rejected: Array<{ code: number; record: unknown }>;
  /** A hash of the body: the attempts of one batch share it. */
  bodyHash: string;
  /** When the request was received, in ms since the server started (for Retry-After checks). */
  at: number;
  headers: IncomingMessage['headers'];
}

export interface FakeUploadServer {
  url: string;
  uploadUrl: string;
  requests: RequestLog[];
  /** Every record the server processed, in order (a duplicate appears twice). */
  processed: unknown[];
  /** The most requests seen in flight at once. */
  peakConcurrency(): number;
  /** TCP connections accepted so far (a client that keeps connections alive opens few). */
  connections(): number;
  /** TCP connections open now. */
  openConnections(): number;
  /** Closes the connections that carry no request now, as a server does when they have idled too long. */
  closeIdleConnections(): void;
  /** Requests and processed records, counted also when the log is not kept. */
  counts: { requests: number; processed: number };
  close(): Promise<void>;
}

/** mulberry32: a small seeded generator. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const restricted = new Set(RESTRICTED_EVENTS.map((e) => e.toLowerCase()));
const email = new RegExp(EMAIL_PATTERN);

/** CleverTap's per-record checks: the first failing one gives the code and message, or undefined when valid. */
export function validateRecord(record: unknown): { code: number; error: string } | undefined {
  if (record === null || typeof record !== 'object' || Array.isArray(record))
    return { code: 512, error: 'Invalid record structure' };
  const r = record as Record<string, unknown>;
  if (r.type !== 'event' && r.type !== 'profile') return { code: 512, error: 'Record type must be event or profile' };
  if (typeof r.identity !== 'string' || r.identity.trim() === '') return { code: 523, error: 'Identity is mandatory' };
  if (r.ts !== undefined && (!Number.isInteger(r.ts) || (r.ts as number) < 0 || (r.ts as number) > 99_999_999_999)) {
    return { code: 525, error: 'Invalid timestamp (epoch seconds expected)' };
  }
  if (r.type === 'event') {
    if (typeof r.evtName !== 'string' || r.evtName.trim() === '')
      return { code: 509, error: 'Event name is mandatory' };
    const name = r.evtName.trim().toLowerCase();
    if (restricted.has(name) || name.startsWith(RESERVED_PREFIX))
      return { code: 513, error: `${r.evtName} is a restricted system event name` };
    if (r.evtData !== undefined && (r.evtData === null || typeof r.evtData !== 'object' || Array.isArray(r.evtData))) {
      return { code: 512, error: 'evtData must be an object' };
    }
    if (r.evtData && Object.keys(r.evtData).length > 256) return { code: 522, error: 'Too many event properties' };
    return undefined;
  }
  if (r.profileData === null || typeof r.profileData !== 'object' || Array.isArray(r.profileData))
    return { code: 512, error: 'profileData must be an object' };
  const address = (r.profileData as Record<string, unknown>).Email;
  if (address !== undefined && (typeof address !== 'string' || !email.test(address)))
    return { code: 514, error: 'Invalid email' };
  return undefined;
}

export async function startFakeUploadServer(options: FakeServerOptions = {}): Promise<FakeUploadServer> {
  const accountId = options.accountId ?? 'TEST-ACC-ID';
  const passcode = options.passcode ?? 'TEST-PASSCODE';
  const maxRecords = options.maxRecordsPerRequest ?? API.maxRecordsPerRequest;
  const maxConcurrent = options.maxConcurrent ?? API.maxConcurrentRequests;
  const rates = options.faults ?? {};
  const seed = options.seed ?? 1;
  const started = Date.now();
  const seen = new Map<string, number>();
  const requests: RequestLog[] = [];
  const processed: unknown[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const pendingTimers = new Set<ReturnType<typeof setTimeout>>();
  let active = 0;
  let peak = 0;
  const keep = options.keepLog ?? true;
  const counts = { requests: 0, processed: 0 };

  const script = [...(options.script ?? [])];
  const pickFault = (body: string): Fault => {
    const scripted = script.shift();
    if (scripted) return scripted;
    const hash = createHash('sha1').update(body).digest().readUInt32LE(0);
    const n = (seen.get(body) ?? 0) + 1;
    seen.set(body, n);
    const x = mulberry32(seed ^ hash ^ Math.imul(n, 0x9e3779b1))();
    let edge = 0;
    for (const fault of ['serverError', 'tooManyRequests', 'slow', 'drop', 'malformed'] as const) {
      edge += rates[fault] ?? 0;
      if (x < edge) return fault;
    }
    return 'none';
  };

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      pendingTimers.delete(t);
      fn();
    }, ms);
    pendingTimers.add(t);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    if (req.method === 'GET' && req.url === '/_counts') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
      return;
    }
    const bodyHash = createHash('sha1').update(body).digest('hex');
    const log: RequestLog = {
      fault: 'none',
      status: 0,
      count: undefined,
      processed: [],
      rejected: [],
      bodyHash,
      at: Date.now() - started,
      headers: req.headers,
    };
    counts.requests++;
    if (keep) requests.push(log);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      if (options.delayMs) later(options.delayMs, send);
      else send();
    };
    if (req.method !== 'POST' || req.url !== API.uploadPath) return reply(404, { status: 'fail', error: 'Not found' });
    if (req.headers['x-clevertap-account-id'] !== accountId || req.headers['x-clevertap-passcode'] !== passcode) {
      return reply(401, { status: 'fail', error: 'Account Id and Passcode do not match', code: 401 });
    }
    const type = String(req.headers['content-type'] ?? '')
      .toLowerCase()
      .replace(/\s+/g, '');
    if (type !== 'application/json' && type !== 'application/json;charset=utf-8') {
      return reply(400, {
        status: 'fail',
        error: `Content-Type must be application/json; charset=utf-8, not ${type || 'absent'}`,
      });
    }
    if (active > maxConcurrent)
      return reply(429, { status: 'fail', error: 'Too many concurrent requests' }, { 'retry-after': '0' });
    if (options.forceStatus)
      return reply(options.forceStatus, { status: 'fail', error: `forced ${options.forceStatus}` });
    let records: unknown;
    try {
      records = (JSON.parse(body) as { d?: unknown }).d;
    } catch {
      return reply(400, { status: 'fail', error: 'Malformed JSON body' });
    }
    if (!Array.isArray(records)) return reply(400, { status: 'fail', error: 'Body must be {"d": [records]}' });
    log.count = records.length;
    if (records.length > maxRecords)
      return reply(400, { status: 'fail', error: `At most ${maxRecords} records per request` });

    const fault = pickFault(body);
    log.fault = fault;
    if (fault === 'serverError') return reply(503, 'Service Unavailable');
    if (fault === 'tooManyRequests')
      return reply(429, { status: 'fail', error: 'Rate limited' }, { 'retry-after': options.retryAfter ?? '1' });
    if (fault === 'drop') {
      log.status = -1;
      req.socket.destroy();
      return;
    }
    // Processed: valid records are kept (also for slow and malformed replies, which arrive late or unreadable).
    const unprocessed: Array<{ status: 'fail'; code: number; error: string; record: unknown }> = [];
    for (const record of records) {
      const problem = validateRecord(record);
      if (problem) {
        unprocessed.push({ status: 'fail', ...problem, record });
        log.rejected.push({ code: problem.code, record });
      } else {
        counts.processed++;
        if (keep) {
          log.processed.push(record);
          processed.push(record);
        }
      }
    }
    const count = records.length - unprocessed.length;
    const payload = {
      status: unprocessed.length === 0 ? 'success' : count === 0 ? 'fail' : 'partial',
      processed: count,
      unprocessed,
    };
    if (fault === 'malformed') return reply(200, `${JSON.stringify(payload).slice(0, 20)}<html>`);
    if (fault === 'slow') {
      log.status = 200;
      later(options.slowMs ?? 1000, () => {
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      });
      return;
    }
    reply(200, payload);
  };

  const server: Server = createServer((req, res) => {
    active++;
    peak = Math.max(peak, active);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        active--;
      }
    };
    res.on('close', finish);
    req.on('error', finish);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 5_000;
  let connections = 0;
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    uploadUrl: `${url}${API.uploadPath}`,
    requests,
    processed,
    peakConcurrency: () => peak,
    connections: () => connections,
    openConnections: () => sockets.size,
    closeIdleConnections: () => server.closeIdleConnections(),
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of pendingTimers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
