/**
 * 10,000 events and profiles through the transport against a fake server that injects faults: every record must
 * end delivered or reported, once, and the counters must agree exactly with what the server logged.
 */
import { createHash } from 'node:crypto';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransportOptions, UploadRecord } from '../../templates/node/upload-types.js';
import { type FakeUploadServer, startFakeUploadServer } from './fake-upload-server.js';
import { event, type Harness, harness, profile, seqOf } from './support.js';

const TOTAL = 10_000;
/** Every 97th record is invalid in one of CleverTap's documented ways (partial replies), with the code expected. */
function record(seq: number): { record: UploadRecord; code?: number } {
  const base = seq % 3 === 0 ? profile(seq) : event(seq);
  if (seq % 97 !== 5) return { record: base };
  const kind = ((seq / 97) % 4) | 0;
  if (kind === 0) return { record: { ...base, identity: '' }, code: 523 };
  if (kind === 1) return { record: { ...base, ts: -1 }, code: 525 };
  if (kind === 2) return { record: event(seq, { evtName: 'Notification Viewed' }), code: 513 };
  return { record: event(seq, { evtName: '' }), code: 509 };
}

/** What the test saw of each attempt on the wire, whichever way the transport posts. */
interface Wire {
  /** Attempts the client gave up on (timed out, lost, or a 2xx reply that is not JSON), by their x-attempt id. */
  abandoned: Set<string>;
  /** Each attempt as the client made it: its id, the body's hash (one per batch) and its number of records. */
  sent: Array<{ id: string; body: string; count: number }>;
  /** 429 replies the client read. */
  tooManySeen: number;
}

const newWire = (): Wire => ({ abandoned: new Set(), sent: [], tooManySeen: 0 });

function noteSent(wire: Wire, body: Uint8Array): string {
  const id = String(wire.sent.length);
  const text = new TextDecoder().decode(body);
  const count = (JSON.parse(text) as { d: unknown[] }).d.length;
  wire.sent.push({ id, body: createHash('sha1').update(text).digest('hex'), count });
  return id;
}

/** Sees a reply the client read in full: a 429, or a 2xx it cannot parse (then abandoned). */
function noteReply(wire: Wire, id: string, status: number, text: string): void {
  if (status === 429) wire.tooManySeen++;
  if (status >= 200 && status < 300) {
    try {
      JSON.parse(text);
    } catch {
      wire.abandoned.add(id);
    }
  }
}

/** The `fetch` option: posts with the global fetch, adding an x-attempt header the server logs. */
function observingFetch(wire: Wire): TransportOptions['fetch'] {
  return async (url, init) => {
    const id = noteSent(wire, init.body as Uint8Array);
    try {
      const res = await fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'x-attempt': id },
      });
      const text = await res.text();
      noteReply(wire, id, res.status, text);
      return new Response(text, { status: res.status, headers: res.headers });
    } catch (e) {
      wire.abandoned.add(id);
      throw e;
    }
  };
}

type Request = (options: RequestOptions, onReply: (reply: IncomingMessage) => void) => ClientRequest;

/**
 * The default, Node's http: wraps `request` of the module the transport takes from process.getBuiltinModule (the
 * same object), to add the x-attempt header and watch each request and reply; undoes it when called.
 */
function observeNodeHttp(wire: Wire): () => void {
  const http = process.getBuiltinModule('node:http') as unknown as { request: Request };
  const original = http.request;
  http.request = (options, onReply) => {
    let id = '';
    let read = false;
    const req = original(options, (reply) => {
      onReply(reply);
      let text = '';
      reply.on('data', (chunk: string) => {
        text += chunk;
      });
      reply.on('end', () => {
        read = true;
        noteReply(wire, id, reply.statusCode ?? 0, text);
      });
    });
    const end = req.end.bind(req) as (body: Uint8Array) => ClientRequest;
    req.end = ((body: Uint8Array) => {
      id = noteSent(wire, body);
      req.setHeader('x-attempt', id);
      return end(body);
    }) as typeof req.end;
    // 'close' comes last, whatever happened: a request whose reply was not read in full was abandoned
    req.on('close', () => {
      if (!read) wire.abandoned.add(id);
    });
    return req;
  };
  return () => {
    http.request = original;
  };
}

describe.each(['node:http', 'fetch'] as const)(`${TOTAL} records through injected faults, posted by %s`, (by) => {
  let server: FakeUploadServer;
  let h: Harness;
  const expectedCode = new Map<number, number>();
  /**
   * Which attempts were abandoned is the client's to say, not the fault schedule's: under load a plain reply can
   * also come after the timeout.
   */
  const wire = newWire();
  const { abandoned, sent } = wire;
  let undo = () => {};

  beforeAll(async () => {
    server = await startFakeUploadServer({
      seed: 13,
      faults: { serverError: 0.2, tooManyRequests: 0.05, drop: 0.04, slow: 0.03, malformed: 0.03 },
      retryAfter: '2',
      slowMs: 1200,
    });
    const options = { batchSize: 100, maxConcurrency: 5, timeout: 1000, maxRetries: 6 };
    if (by === 'node:http') undo = observeNodeHttp(wire);
    h = harness(server, by === 'fetch' ? { ...options, fetch: observingFetch(wire) } : options);
    const refused = [];
    for (let seq = 0; seq < TOTAL; seq++) {
      const { record: r, code } = record(seq);
      if (code !== undefined) expectedCode.set(seq, code);
      const error = h.transport.enqueue(r);
      if (error) refused.push(error);
    }
    expect(refused).toEqual([]);
    await h.transport.close();
  });
  afterAll(async () => {
    undo();
    await server.close();
  });

  it('injected every kind of fault', () => {
    const faults = new Set(server.requests.map((r) => r.fault));
    expect([...faults].sort()).toEqual(['drop', 'malformed', 'none', 'serverError', 'slow', 'tooManyRequests']);
    expect(server.requests.filter((r) => r.rejected.length > 0 && r.processed.length > 0).length).toBeGreaterThan(0);
  });

  it('delivered or reported every record exactly once', () => {
    const outcome = new Map<number, string>();
    const note = (seq: number, what: string) => {
      expect(outcome.get(seq), `record ${seq}`).toBeUndefined();
      outcome.set(seq, what);
    };
    for (const r of h.delivered) note(seqOf(r), 'delivered');
    for (const e of h.errors) for (const r of e.records) note(seqOf(r), e.reason);
    expect(outcome.size).toBe(TOTAL);
    const st = h.transport.stats();
    expect(st.sent).toBe(TOTAL);
    expect(st.delivered).toBe(h.delivered.length);
    expect(st.failed).toBe(TOTAL - h.delivered.length);
    expect(st.queued + st.inFlight).toBe(0);
  });

  it('reported the invalid records with their codes, and no valid record as rejected', () => {
    const rejected = new Map(h.errors.filter((e) => e.reason === 'Rejected').map((e) => [seqOf(e.records[0]), e.code]));
    const exhausted = new Set(
      h.errors.filter((e) => e.reason === 'RetriesExhausted').flatMap((e) => e.records.map(seqOf)),
    );
    for (const [seq, code] of expectedCode) {
      if (!exhausted.has(seq)) expect(rejected.get(seq), `record ${seq}`).toBe(code);
    }
    for (const seq of rejected.keys()) expect(expectedCode.has(seq)).toBe(true);
    expect(rejected.size).toBeGreaterThan(expectedCode.size / 2);
    expect(new Set(h.errors.map((e) => e.reason))).toEqual(
      new Set(['Rejected', ...(exhausted.size > 0 ? ['RetriesExhausted'] : [])]),
    );
  });

  it('the server holds each record once per delivery plus once per abandoned attempt it had processed', () => {
    const times = new Map<number, number>();
    for (const r of server.processed) times.set(seqOf(r), (times.get(seqOf(r)) ?? 0) + 1);
    const processedAndAbandoned = new Map<number, number>();
    for (const req of server.requests) {
      if (!abandoned.has(String(req.headers['x-attempt']))) continue;
      for (const r of req.processed)
        processedAndAbandoned.set(seqOf(r), (processedAndAbandoned.get(seqOf(r)) ?? 0) + 1);
    }
    // Every injected slow or malformed reply was abandoned (and the server had processed it).
    for (const req of server.requests)
      if (req.fault === 'slow' || req.fault === 'malformed' || req.fault === 'drop')
        expect(abandoned.has(String(req.headers['x-attempt']))).toBe(true);
    const delivered = new Set(h.delivered.map(seqOf));
    for (let seq = 0; seq < TOTAL; seq++) {
      expect(times.get(seq) ?? 0, `record ${seq}`).toBe(
        (delivered.has(seq) ? 1 : 0) + (processedAndAbandoned.get(seq) ?? 0),
      );
    }
    expect(server.processed.length).toBeGreaterThan(new Set(server.processed.map(seqOf)).size);
  });

  it('counted retries and possible duplicates as they happened on the wire', () => {
    const st = h.transport.stats();
    // Every attempt after a batch's first is a retry (a request the client gave up on may never reach the server)
    expect(st.retried).toBe(sent.length - new Set(sent.map((a) => a.body)).size);
    expect(server.requests.length).toBeLessThanOrEqual(sent.length);
    const unknown = sent.filter((a) => abandoned.has(a.id));
    const lastAttemptsUnknown = h.errors.filter((e) => e.reason === 'RetriesExhausted' && e.possiblyDelivered);
    expect(st.possiblyDuplicated).toBe(
      unknown.reduce((n, a) => n + a.count, 0) - lastAttemptsUnknown.reduce((n, e) => n + e.records.length, 0),
    );
    expect(st.possiblyDuplicated).toBeGreaterThan(0);
  });

  it('waited Retry-After after each injected 429, and stayed within maxConcurrency', () => {
    // The 429s the client read (one the client had already given up on is not among them)
    const tooMany = wire.tooManySeen;
    expect(tooMany).toBeLessThanOrEqual(server.requests.filter((r) => r.fault === 'tooManyRequests').length);
    expect(tooMany).toBeGreaterThan(0);
    const lastWas429 = h.errors.filter((e) => e.reason === 'RetriesExhausted' && e.status === 429).length;
    // The jittered backoffs are 0.5 × 200·2^n ms here: never 2000.
    expect(h.sleeps.filter((ms) => ms === 2000).length).toBe(tooMany - lastWas429);
    expect(server.peakConcurrency()).toBeLessThanOrEqual(5);
  });
});
