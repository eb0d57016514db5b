/** The fake upload server itself: the documented checks the transport tests rely on. */
import { afterEach, describe, expect, it } from 'vitest';
import { API } from './api-facts.js';
import {
  type FakeServerOptions,
  type FakeUploadServer,
  startFakeUploadServer,
  validateRecord,
} from './fake-upload-server.js';
import { ACCOUNT, event, profile } from './support.js';

let server: FakeUploadServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async (options: FakeServerOptions = {}) => (server = await startFakeUploadServer(options));

const HEADERS = {
  'X-CleverTap-Account-Id': ACCOUNT.accountId,
  'X-CleverTap-Passcode': ACCOUNT.passcode,
  'Content-Type': 'application/json; charset=utf-8',
};
const post = (s: FakeUploadServer, body: string, headers: Record<string, string> = HEADERS) =>
  fetch(s.uploadUrl, { method: 'POST', headers, body });

describe('the fake upload server', () => {
  it.each([
    ['a wrong passcode', { ...HEADERS, 'X-CleverTap-Passcode': 'nope' }, 401],
    ['a wrong account', { ...HEADERS, 'X-CleverTap-Account-Id': 'OTHER' }, 401],
    ['no credentials', { 'Content-Type': HEADERS['Content-Type'] }, 401],
    ['a text body', { ...HEADERS, 'Content-Type': 'text/plain' }, 400],
    ['another charset', { ...HEADERS, 'Content-Type': 'application/json; charset=latin1' }, 400],
    ['the right headers', HEADERS, 200],
  ])('answers %s with %i', async (_, headers, status) => {
    const s = await start();
    const res = await post(s, JSON.stringify({ d: [event(1)] }), headers);
    expect(res.status).toBe(status);
  });

  it(`refuses more than ${API.maxRecordsPerRequest} records a request, and a body without d`, async () => {
    const s = await start();
    const many = Array.from({ length: API.maxRecordsPerRequest + 1 }, (_, i) => event(i));
    expect((await post(s, JSON.stringify({ d: many }))).status).toBe(400);
    expect((await post(s, JSON.stringify({ d: many.slice(1) }))).status).toBe(200);
    expect((await post(s, JSON.stringify({ records: [] }))).status).toBe(400);
    expect((await post(s, '{"d": [')).status).toBe(400);
    expect(s.processed).toHaveLength(API.maxRecordsPerRequest);
  });

  it('replies success, partial and fail with the unprocessed records', async () => {
    const s = await start();
    const bad = event(2, { evtName: '' });
    expect(await (await post(s, JSON.stringify({ d: [event(1)] }))).json()).toEqual({
      status: 'success',
      processed: 1,
      unprocessed: [],
    });
    expect(await (await post(s, JSON.stringify({ d: [event(1), bad] }))).json()).toEqual({
      status: 'partial',
      processed: 1,
      unprocessed: [{ status: 'fail', code: 509, error: 'Event name is mandatory', record: bad }],
    });
    expect((await (await post(s, JSON.stringify({ d: [bad] }))).json()).status).toBe('fail');
  });

  it('answers 429 past its concurrency limit', async () => {
    const s = await start({ maxConcurrent: 2, delayMs: 100 });
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => post(s, JSON.stringify({ d: [event(i)] }))));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((x) => x === 200).length).toBeGreaterThanOrEqual(2);
    expect(replies.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('0');
  });

  it('chooses the same faults for the same seed and bodies', async () => {
    const faultsOf = async (seed: number) => {
      const s = await startFakeUploadServer({
        seed,
        faults: { serverError: 0.3, tooManyRequests: 0.2, malformed: 0.2 },
      });
      for (let i = 0; i < 30; i++) await post(s, JSON.stringify({ d: [event(i % 10)] }));
      await s.close();
      return s.requests.map((r) => r.fault).join(',');
    };
    const a = await faultsOf(7);
    expect(await faultsOf(7)).toBe(a);
    expect(await faultsOf(8)).not.toBe(a);
  });

  it.each([
    ['a valid event', event(1), undefined],
    ['a valid profile', profile(1), undefined],
    ['not an object', 'x', 512],
    ['an unknown type', { ...event(1), type: 'page' }, 512],
    ['no identity', { ...event(1), identity: undefined }, 523],
    ['a blank identity', event(1, { identity: '  ' }), 523],
    ['milliseconds for ts', event(1, { ts: Date.now() }), 525],
    ['a fractional ts', event(1, { ts: 1.5 }), 525],
    ['no event name', event(1, { evtName: undefined }), 509],
    ['a system event', event(1, { evtName: ' app launched ' }), 513],
    ['a wzrk_ event', event(1, { evtName: 'wzrk_x' }), 513],
    ['evtData not an object', event(1, { evtData: 'x' as unknown as Record<string, unknown> }), 512],
    [
      '257 properties',
      event(1, { evtData: Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`p${i}`, i])) }),
      522,
    ],
    ['no profileData', { ...profile(1), profileData: undefined }, 512],
    ['a bad Email', profile(1, { profileData: { Email: 'x@' } }), 514],
  ])('validates %s', (_, record, code) => {
    expect(validateRecord(record)?.code).toBe(code);
  });
});
