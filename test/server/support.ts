/** Shared set-up of the server tests: a transport wired to a fake server, with a recording sleep and error log. */
import { Transport } from '../../templates/node/transport.js';
import type { TransportOptions, UploadError, UploadRecord } from '../../templates/node/upload-types.js';
import { API } from './api-facts.js';
import type { FakeUploadServer } from './fake-upload-server.js';

export const ACCOUNT = { accountId: 'TEST-ACC-ID', passcode: 'TEST-PASSCODE' };

export interface Harness {
  transport: Transport;
  errors: UploadError[];
  delivered: UploadRecord[];
  /** Every backoff the transport asked for, in ms. */
  sleeps: number[];
}

/** A transport to `server` whose retries wait no real time (the wait is recorded) and whose jitter is fixed. */
export function harness(server: FakeUploadServer, options: TransportOptions = {}, account = ACCOUNT): Harness {
  const errors: UploadError[] = [];
  const delivered: UploadRecord[] = [];
  const sleeps: number[] = [];
  const transport = new Transport(
    {
      url: server.uploadUrl,
      ...account,
      maxRecordsPerRequest: API.maxRecordsPerRequest,
      maxConcurrentRequests: API.maxConcurrentRequests,
    },
    {
      onError: (e) => errors.push(e),
      onDelivered: (records) => delivered.push(...records),
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((resolve) => setImmediate(resolve));
      },
      random: () => 0.5,
      ...options,
    },
  );
  return { transport, errors, delivered, sleeps };
}

/** An event record carrying a sequence number in its data, so the server's log can be matched to it. */
export function event(seq: number, extra: Partial<UploadRecord> = {}): UploadRecord {
  return {
    type: 'event',
    identity: `user-${seq % 97}`,
    ts: 1_700_000_000 + seq,
    evtName: 'Order Completed',
    evtData: { seq, total: seq / 4 },
    ...extra,
  };
}

export function profile(seq: number, extra: Partial<UploadRecord> = {}): UploadRecord {
  return {
    type: 'profile',
    identity: `user-${seq % 97}`,
    ts: 1_700_000_000 + seq,
    profileData: { seq, Name: `User ${seq}` },
    ...extra,
  };
}

/** The sequence number of a record built by event() or profile() (as sent, or as the server received it). */
export function seqOf(record: unknown): number {
  const r = record as UploadRecord;
  return (r.evtData?.seq ?? r.profileData?.seq) as number;
}
