import { afterEach, describe, expect, it } from 'vitest';
import { Transport } from '../../templates/node/transport.js';
import { retryAfterMs } from '../../templates/node/upload-types.js';
import { API } from './api-facts.js';
import { type FakeServerOptions, type FakeUploadServer, startFakeUploadServer } from './fake-upload-server.js';
import { ACCOUNT, event, harness, profile, seqOf } from './support.js';

let server: FakeUploadServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async (options: FakeServerOptions = {}) => (server = await startFakeUploadServer(options));
/** A harness whose fetch is a function of the test's (no server). */
const harnessWithFetch = (fetch: (url: string, init: RequestInit) => Promise<Response>) =>
  harness({ uploadUrl: 'http://127.0.0.1:9/1/upload' } as FakeUploadServer, { fetch });

describe('batching', () => {
  it('sends batches of batchSize with the documented headers and body', async () => {
    const s = await start();
    const h = harness(s, { batchSize: 40 });
    for (let i = 0; i < 100; i++) expect(h.transport.enqueue(i % 2 ? event(i) : profile(i))).toBeUndefined();
    await h.transport.flush();
    expect(s.requests.map((r) => r.count)).toEqual([40, 40, 20]);
    const headers = s.requests[0]?.headers;
    expect(headers?.['x-clevertap-account-id']).toBe(ACCOUNT.accountId);
    expect(headers?.['x-clevertap-passcode']).toBe(ACCOUNT.passcode);
    expect(headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(s.processed.map(seqOf)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(s.processed[1]).toEqual(event(1));
    expect(h.errors).toEqual([]);
    expect(h.transport.stats()).toEqual({
      sent: 100,
      delivered: 100,
      failed: 0,
      retried: 0,
      possiblyDuplicated: 0,
      queued: 0,
      inFlight: 0,
    });
  });

  // The body is made in pieces of 64 records: sizes around the pieces' edges, and text of 1 to 4 bytes a character
  it.each([1, 63, 64, 65, 128, 129, API.maxRecordsPerRequest])(
    'sends a batch of %i records whole and in order',
    async (size) => {
      const s = await start();
      const h = harness(s, { batchSize: size });
      const records = Array.from({ length: size }, (_, i) => event(i, { identity: `user-${i}-é-日本-🚀` }));
      for (const r of records) h.transport.enqueue(r);
      await h.transport.flush();
      expect(s.requests.map((r) => r.count)).toEqual([size]);
      expect(s.processed).toEqual(records);
      expect(h.errors).toEqual([]);
    },
  );

  it('sends a partial batch once flushInterval has passed, without flush()', async () => {
    const s = await start();
    const h = harness(s, { batchSize: 50, flushInterval: 10 });
    h.transport.enqueue(event(1));
    h.transport.enqueue(event(2));
    for (let i = 0; i < 200 && h.delivered.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(s.requests.map((r) => r.count)).toEqual([2]);
    expect(h.delivered.map(seqOf)).toEqual([1, 2]);
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    const s = await start({ delayMs: 20 });
    const h = harness(s, { batchSize: 10, maxConcurrency: 3 });
    for (let i = 0; i < 200; i++) h.transport.enqueue(event(i));
    await h.transport.flush();
    expect(s.requests).toHaveLength(20);
    expect(s.peakConcurrency()).toBe(3);
    expect(h.transport.stats().delivered).toBe(200);
  });

  it('keeps its connections alive: one per request in flight, reused by later batches', async () => {
    const s = await start({ delayMs: 5 });
    const h = harness(s, { batchSize: 10, maxConcurrency: 3 });
    for (let i = 0; i < 200; i++) h.transport.enqueue(event(i));
    await h.transport.flush();
    expect(s.connections()).toBe(3);
    for (let i = 200; i < 230; i++) h.transport.enqueue(event(i));
    await h.transport.flush();
    expect(s.requests).toHaveLength(23);
    expect(s.connections()).toBe(3);
    expect(h.transport.stats()).toMatchObject({ delivered: 230, failed: 0, retried: 0 });
  });

  it.each([
    ['Node http (fetch untouched)', true, 0],
    ['the global fetch without process.getBuiltinModule (Node before 20.16, other runtimes)', false, 3],
  ])('posts with %s', async (_, builtins, fetches) => {
    const s = await start();
    const realFetch = globalThis.fetch;
    const getBuiltinModule = process.getBuiltinModule;
    let calls = 0;
    globalThis.fetch = (...args) => {
      calls++;
      return realFetch(...args);
    };
    if (!builtins) (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    try {
      const h = harness(s, { batchSize: 10 });
      process.getBuiltinModule = getBuiltinModule;
      for (let i = 0; i < 30; i++) h.transport.enqueue(event(i));
      await h.transport.flush();
      expect(calls).toBe(fetches);
      expect(s.processed.map(seqOf)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(h.transport.stats()).toMatchObject({ delivered: 30, failed: 0 });
    } finally {
      globalThis.fetch = realFetch;
      process.getBuiltinModule = getBuiltinModule;
    }
  });

  it('speaks TLS to an https URL (here to a plain-HTTP server, so the handshake fails and nothing is sent)', async () => {
    const s = await start();
    const h = harness({ ...s, uploadUrl: s.uploadUrl.replace(/^http:/, 'https:') }, { maxRetries: 0 });
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(s.requests).toEqual([]);
    expect(h.errors.map((e) => e.reason)).toEqual(['RetriesExhausted']);
    expect(String(h.errors[0]?.message)).toMatch(/network error .*(SSL|TLS|EPROTO)/i);
  });

  it('close() closes the connections it kept open, once everything is settled', async () => {
    const s = await start({ delayMs: 5 });
    const h = harness(s, { batchSize: 10, maxConcurrency: 3 });
    for (let i = 0; i < 60; i++) h.transport.enqueue(event(i));
    await h.transport.flush();
    expect(s.openConnections()).toBe(3);
    await h.transport.close();
    // Bounded (1 s, well below the server's 5 s keep-alive timeout): the server sees the ends within a few turns
    for (let i = 0; i < 100 && s.openConnections() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(s.openConnections()).toBe(0);
    expect(h.transport.stats()).toMatchObject({ delivered: 60, failed: 0 });
  });

  it('opens a new connection when the server has closed an idle one, without an error or a retry', async () => {
    const s = await start();
    const h = harness(s, { batchSize: 10, maxConcurrency: 1 });
    h.transport.enqueue(event(1));
    await h.transport.flush();
    s.closeIdleConnections();
    // Bounded: the client sees the connection's end within a few event-loop turns
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 2));
    h.transport.enqueue(event(2));
    await h.transport.flush();
    expect(s.connections()).toBe(2);
    expect(h.errors).toEqual([]);
    expect(h.transport.stats()).toMatchObject({ delivered: 2, failed: 0, retried: 0, possiblyDuplicated: 0 });
  });

  it('refuses options beyond the API limits, in words', () => {
    const endpoint = {
      url: 'http://127.0.0.1:9/1/upload',
      ...ACCOUNT,
      maxRecordsPerRequest: API.maxRecordsPerRequest,
      maxConcurrentRequests: API.maxConcurrentRequests,
    };
    expect(() => new Transport(endpoint, { batchSize: 1001 })).toThrow(
      'batchSize must be a whole number from 1 to 1000, not 1001',
    );
    expect(() => new Transport(endpoint, { maxConcurrency: 16 })).toThrow(
      'maxConcurrency must be a whole number from 1 to 15, not 16',
    );
    expect(() => new Transport(endpoint, { batchSize: 500, maxQueueSize: 100 })).toThrow(
      'maxQueueSize (100) must be at least batchSize (500)',
    );
    expect(() => new Transport(endpoint, { timeout: 0 })).toThrow('timeout must be a whole number');
    expect(() => new Transport(endpoint, { flushInterval: -1 })).toThrow(
      'flushInterval must be a number of milliseconds >= 0, not -1',
    );
  });

  it.each([
    ['passcode', 'line\nbreak'],
    ['passcode', 'nul\u0000'],
    ['accountId', 'TEST-日本'],
    ['accountId', 'tab\tthen\rreturn'],
  ])('refuses a %s no HTTP header can carry (%j), in words, when created', (name, value) => {
    const endpoint = {
      url: 'http://127.0.0.1:9/1/upload',
      ...ACCOUNT,
      [name]: value,
      maxRecordsPerRequest: API.maxRecordsPerRequest,
      maxConcurrentRequests: API.maxConcurrentRequests,
    };
    expect(() => new Transport(endpoint)).toThrow(`the ${name} must be a string an HTTP header can carry`);
  });

  it('accepts a tab and Latin-1 letters, which HTTP headers carry', async () => {
    const s = await start();
    const h = harness(s, {}, { accountId: ACCOUNT.accountId, passcode: 'tab\tand-é' });
    h.transport.enqueue(event(1));
    await h.transport.close();
    // Sent, and refused by the server for what it is: a wrong passcode
    expect(s.requests.map((r) => r.status)).toEqual([401]);
    expect(h.errors.map((e) => e.reason)).toEqual(['Unauthorized']);
  });
});

describe('failures that are not retried', () => {
  it('a 401 stops at once, each record reported, with a hint at the passcode and the host', async () => {
    const s = await start();
    const h = harness(s, { batchSize: 10 }, { accountId: ACCOUNT.accountId, passcode: 'wrong' });
    for (let i = 0; i < 25; i++) h.transport.enqueue(event(i));
    await h.transport.close();
    expect(s.requests.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(h.sleeps).toEqual([]);
    expect(h.errors.map((e) => [e.reason, e.status, e.records.length])).toEqual([
      ['Unauthorized', 401, 10],
      ['Unauthorized', 401, 10],
      ['Unauthorized', 401, 5],
    ]);
    expect(h.errors[0]?.message).toBe(
      `CleverTap refused the credentials (HTTP 401): check the passcode, and that ${new URL(s.url).host} is the host of the account's region; not retried`,
    );
    expect(h.errors.flatMap((e) => e.records.map(seqOf)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
    expect(h.transport.stats()).toMatchObject({ sent: 25, delivered: 0, failed: 25, retried: 0 });
  });

  it.each([
    [400, 'BadRequest'],
    [403, 'Forbidden'],
    [404, 'BadRequest'],
  ] as const)('HTTP %i is reported as %s without a retry', async (status, reason) => {
    const s = await start({ forceStatus: status });
    const h = harness(s);
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(s.requests).toHaveLength(1);
    expect(h.errors.map((e) => [e.reason, e.status])).toEqual([[reason, status]]);
    expect(h.errors[0]?.message).toMatch(
      new RegExp(`^CleverTap refused the request \\(HTTP ${status}\\): .*forced ${status}.*; not retried$`),
    );
  });
});

describe('retries', () => {
  it('retries 5xx with full-jitter exponential backoff, then reports RetriesExhausted', async () => {
    const s = await start({ forceStatus: 503 });
    const h = harness(s, { maxRetries: 4, minBackoff: 100, maxBackoff: 500, random: () => 0.5 });
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(s.requests).toHaveLength(5);
    // 0.5 × min(500, 100·2^attempt)
    expect(h.sleeps).toEqual([50, 100, 200, 250]);
    expect(h.errors.map((e) => [e.reason, e.status, e.possiblyDelivered])).toEqual([['RetriesExhausted', 503, false]]);
    expect(h.errors[0]?.message).toBe('not delivered after 5 attempt(s); last: HTTP 503');
    expect(h.transport.stats()).toMatchObject({ sent: 1, delivered: 0, failed: 1, retried: 4, possiblyDuplicated: 0 });
  });

  it('draws the jitter from random() over the whole window', async () => {
    const s = await start({ script: ['serverError', 'serverError', 'serverError'] });
    const draws = [0, 0.99, 0.25];
    const h = harness(s, { minBackoff: 1000, random: () => draws.shift() ?? 0 });
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(h.sleeps).toEqual([0, 1980, 1000]);
    expect(h.transport.stats()).toMatchObject({ delivered: 1, retried: 3 });
  });

  it('honours Retry-After in seconds on a 429', async () => {
    const s = await start({ script: ['tooManyRequests'], retryAfter: '7' });
    const h = harness(s);
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(s.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(h.sleeps).toEqual([7000]);
    expect(h.delivered.map(seqOf)).toEqual([1]);
  });

  it('honours Retry-After as an HTTP date, against the injected clock', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const s = await start({ script: ['tooManyRequests'], retryAfter: 'Thu, 01 Jan 2026 00:00:12 GMT' });
    const h = harness(s, { now: () => now });
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(h.sleeps).toEqual([12_000]);
    expect(h.transport.stats()).toMatchObject({ delivered: 1, retried: 1 });
  });

  it('caps a very long Retry-After at maxRetryAfter', async () => {
    const s = await start({ script: ['tooManyRequests'], retryAfter: '86400' });
    const h = harness(s, { maxRetryAfter: 5000 });
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(h.sleeps).toEqual([5000]);
  });

  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ] as const)('parses Retry-After %j as %j ms', (header, ms) => {
    expect(retryAfterMs(header, Date.parse('2026-01-01T00:00:00Z'))).toBe(ms);
  });

  it('a reply slower than the timeout is retried and its records counted as possibly duplicated', async () => {
    // A timeout well above a loaded machine's reply time, so that only the injected slow reply passes it
    const s = await start({ script: ['slow'], slowMs: 3000 });
    const h = harness(s, { timeout: 700, batchSize: 3 });
    for (let i = 0; i < 3; i++) h.transport.enqueue(event(i));
    await h.transport.flush();
    expect(s.requests.map((r) => r.fault)).toEqual(['slow', 'none']);
    // The server processed the first attempt too: each record is there twice, as the counter says.
    expect(s.processed.map(seqOf)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(h.transport.stats()).toMatchObject({ delivered: 3, failed: 0, retried: 1, possiblyDuplicated: 3 });
  });

  it('a dropped connection and a malformed reply are retried', async () => {
    const s = await start({ script: ['drop', 'malformed'] });
    const h = harness(s);
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(s.requests.map((r) => r.fault)).toEqual(['drop', 'malformed', 'none']);
    expect(h.transport.stats()).toMatchObject({ delivered: 1, failed: 0, retried: 2, possiblyDuplicated: 2 });
  });

  it('the last attempt timing out is reported as possibly delivered', async () => {
    const s = await start({ script: ['slow', 'slow'], slowMs: 2000 });
    const h = harness(s, { timeout: 50, maxRetries: 1 });
    h.transport.enqueue(event(1));
    await h.transport.flush();
    expect(h.errors.map((e) => [e.reason, e.possiblyDelivered, e.message])).toEqual([
      ['RetriesExhausted', true, 'not delivered after 2 attempt(s); last: no reply within the timeout'],
    ]);
    expect(h.transport.stats()).toMatchObject({ delivered: 0, failed: 1, retried: 1, possiblyDuplicated: 1 });
  });
});

describe('per-record failures in a 200 reply', () => {
  it('hands each unprocessed record to onError with its code, and does not resend the processed ones', async () => {
    const s = await start();
    const h = harness(s, { batchSize: 8 });
    const records = [
      event(0),
      event(1, { evtName: '' }),
      event(2, { identity: '' }),
      event(3, { ts: 1_700_000_000_123 }),
      event(4, { evtName: 'App Launched' }),
      event(5, { evtData: [] as unknown as Record<string, unknown> }),
      profile(6, { profileData: { seq: 6, Email: 'not-an-email' } }),
      profile(7),
    ];
    for (const r of records) h.transport.enqueue(r);
    await h.transport.flush();
    expect(s.requests).toHaveLength(1);
    const indexOf = (r: unknown) => records.findIndex((x) => JSON.stringify(x) === JSON.stringify(r));
    expect(h.errors.map((e) => [e.reason, e.code, indexOf(e.records[0])])).toEqual([
      ['Rejected', 509, 1],
      ['Rejected', 523, 2],
      ['Rejected', 525, 3],
      ['Rejected', 513, 4],
      ['Rejected', 512, 5],
      ['Rejected', 514, 6],
    ]);
    expect(h.errors[0]?.message).toBe('CleverTap rejected the record (code 509): Event name is mandatory');
    expect(h.errors[1]?.records).toEqual([records[2]]);
    expect(h.delivered.map(seqOf)).toEqual([0, 7]);
    expect(h.transport.stats()).toMatchObject({ sent: 8, delivered: 2, failed: 6, retried: 0 });
  });

  it('a 200 with status "fail" and no unprocessed list reports every record', async () => {
    const h = harnessWithFetch(
      async () => new Response('{"status":"fail","error":"Invalid payload"}', { status: 200 }),
    );
    h.transport.enqueue(event(1));
    h.transport.enqueue(event(2));
    await h.transport.flush();
    expect(h.errors.map((e) => [e.reason, e.records.length, e.message])).toEqual([
      ['Rejected', 2, 'CleverTap refused the request (status "fail"): Invalid payload'],
    ]);
    expect(h.transport.stats()).toMatchObject({ delivered: 0, failed: 2, retried: 0 });
  });

  it('matches an echoed record whose keys come back in another order', async () => {
    const sent = event(2);
    const reordered = {
      evtData: sent.evtData,
      evtName: sent.evtName,
      ts: sent.ts,
      identity: sent.identity,
      type: sent.type,
    };
    const reply = {
      status: 'partial',
      processed: 1,
      unprocessed: [{ status: 'fail', code: 555, error: 'Server error', record: reordered }],
    };
    const h = harnessWithFetch(async () => new Response(JSON.stringify(reply), { status: 200 }));
    h.transport.enqueue(event(1));
    h.transport.enqueue(sent);
    await h.transport.flush();
    expect(h.errors.map((e) => [e.code, e.records])).toEqual([[555, [sent]]]);
    expect(h.delivered.map(seqOf)).toEqual([1]);
  });

  it('an echo that matches no record sent is still reported, and counted failed', async () => {
    const reply = {
      status: 'partial',
      processed: 1,
      unprocessed: [{ status: 'fail', code: 512, error: 'Bad', record: { type: 'event', identity: 'someone-else' } }],
    };
    const h = harnessWithFetch(async () => new Response(JSON.stringify(reply), { status: 200 }));
    h.transport.enqueue(event(1));
    h.transport.enqueue(event(2));
    await h.transport.flush();
    expect(h.errors.map((e) => [e.code, e.records])).toEqual([[512, [{ type: 'event', identity: 'someone-else' }]]]);
    expect(h.transport.stats()).toMatchObject({ sent: 2, delivered: 1, failed: 1 });
  });

  it('matches identical records one for one', async () => {
    const s = await start();
    const h = harness(s, { batchSize: 3 });
    const bad = event(1, { evtName: 'wzrk_fetch' });
    h.transport.enqueue(bad);
    h.transport.enqueue(event(2));
    h.transport.enqueue(bad);
    await h.transport.flush();
    expect(h.errors.map((e) => e.code)).toEqual([513, 513]);
    expect(h.transport.stats()).toMatchObject({ delivered: 1, failed: 2 });
  });
});

describe('the queue and its end', () => {
  it('refuses records past maxQueueSize with QueueFull, returned and reported', async () => {
    const s = await start({ delayMs: 30 });
    const h = harness(s, { batchSize: 50, maxQueueSize: 100, maxConcurrency: 1 });
    const results = Array.from({ length: 130 }, (_, i) => h.transport.enqueue(event(i)));
    const refused = results.filter((r) => r !== undefined);
    expect(refused).toHaveLength(30);
    expect(refused[0]?.reason).toBe('QueueFull');
    expect(refused[0]?.message).toBe(
      'the queue is full (100 records waiting or in flight): the record was not accepted; await drain() before sending more, or raise maxQueueSize',
    );
    expect(h.errors).toEqual(refused);
    expect(h.errors.map((e) => seqOf(e.records[0]))).toEqual(Array.from({ length: 30 }, (_, i) => 100 + i));
    await h.transport.close();
    expect(h.transport.stats()).toEqual({
      sent: 130,
      delivered: 100,
      failed: 30,
      retried: 0,
      possiblyDuplicated: 0,
      queued: 0,
      inFlight: 0,
    });
  });

  it('drain() resolves once there is room again', async () => {
    const s = await start({ delayMs: 5 });
    const h = harness(s, { batchSize: 20, maxQueueSize: 100, maxConcurrency: 2 });
    let sent = 0;
    for (let i = 0; i < 1000; i++) {
      let refused = h.transport.enqueue(event(i));
      while (refused?.reason === 'QueueFull') {
        h.errors.pop(); // the bulk sender retries these itself
        await h.transport.drain();
        const st = h.transport.stats();
        expect(st.queued + st.inFlight).toBeLessThanOrEqual(50);
        refused = h.transport.enqueue(event(i));
      }
      sent++;
    }
    await h.transport.close();
    expect(sent).toBe(1000);
    expect(h.errors).toEqual([]);
    expect(new Set(s.processed.map(seqOf)).size).toBe(1000);
  });

  it('close() sends what is queued, resolves when all is settled, then refuses records with Closed', async () => {
    const s = await start({ script: ['serverError'] });
    const h = harness(s, { batchSize: 100, flushInterval: 60_000 });
    for (let i = 0; i < 7; i++) h.transport.enqueue(profile(i));
    await h.transport.close();
    expect(s.processed.map(seqOf)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const after = h.transport.enqueue(event(99));
    expect(after?.reason).toBe('Closed');
    expect(after?.message).toBe('the client is closed: close() was called before this record');
    expect(h.transport.stats()).toMatchObject({ sent: 8, delivered: 7, failed: 1, queued: 0, inFlight: 0 });
    expect(s.requests).toHaveLength(2);
  });

  it('flush() waits only for what was queued before it', async () => {
    const s = await start({ delayMs: 10 });
    const h = harness(s, { batchSize: 5 });
    for (let i = 0; i < 5; i++) h.transport.enqueue(event(i));
    const first = h.transport.flush();
    for (let i = 5; i < 8; i++) h.transport.enqueue(event(i));
    await first;
    expect(h.delivered.map(seqOf).slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    await h.transport.flush();
    expect(h.delivered.map(seqOf)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reports a record JSON cannot carry', async () => {
    const s = await start();
    const h = harness(s);
    const error = h.transport.enqueue(event(1, { evtData: { big: 1n } }));
    expect(error?.reason).toBe('Unserializable');
    expect(error?.message).toMatch(/^the record cannot be serialized as JSON \(TypeError: .*BigInt/);
    expect(h.transport.stats()).toMatchObject({ sent: 1, failed: 1, queued: 0 });
  });

  it('a throwing onError does not stop delivery', async () => {
    const s = await start();
    const seen: string[] = [];
    const h = harness(s, {
      batchSize: 2,
      onError: (e) => {
        seen.push(e.reason);
        throw new Error('handler bug');
      },
    });
    h.transport.enqueue(event(1, { evtName: '' }));
    h.transport.enqueue(event(2));
    await h.transport.flush();
    expect(seen).toEqual(['Rejected']);
    expect(h.transport.stats()).toMatchObject({ delivered: 1, failed: 1 });
  });
});
