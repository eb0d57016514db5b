/**
 * The transport's timers do not hold a process open that forgot its client, but an awaited flush/close does hold
 * it until every record is settled. Each case runs in a child Node process (the transport bundled by esbuild).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../helpers/paths.js';
import { API } from './api-facts.js';
import { type FakeUploadServer, startFakeUploadServer } from './fake-upload-server.js';
import { ACCOUNT, event, seqOf } from './support.js';

const run = promisify(execFile);
let dir: string;
let server: FakeUploadServer;

beforeAll(async () => {
  dir = scratch('transport-lifetime');
  await build({
    entryPoints: [join(ROOT, 'templates/node/transport.ts')],
    outfile: join(dir, 'transport.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  server = await startFakeUploadServer({ script: ['tooManyRequests'], retryAfter: '1' });
});
afterAll(() => server.close());

async function child(body: string): Promise<{ stdout: string; code: number }> {
  const file = join(dir, `child-${Math.random().toString(36).slice(2)}.mjs`);
  const endpoint = JSON.stringify({
    url: server.uploadUrl,
    ...ACCOUNT,
    maxRecordsPerRequest: API.maxRecordsPerRequest,
    maxConcurrentRequests: API.maxConcurrentRequests,
  });
  writeFileSync(
    file,
    `import { Transport } from './transport.mjs';\nconst t = new Transport(${endpoint}, { flushInterval: 60000 });\n${body}\n`,
  );
  // The 20 s bound only stops a child that hangs; the cases finish in about a second.
  const { stdout } = await run(process.execPath, [file], { timeout: 20_000 });
  return { stdout, code: 0 };
}

describe('process lifetime', () => {
  it('a forgotten client with queued records does not keep the process alive', async () => {
    const before = server.requests.length;
    const { stdout } = await child(`t.enqueue(${JSON.stringify(event(1))});\nconsole.log('done');`);
    expect(stdout).toBe('done\n');
    expect(server.requests.length).toBe(before);
  });

  it('an awaited close() keeps the process alive through a Retry-After wait until all is delivered', async () => {
    const records = [event(10), event(11), event(12)];
    const { stdout } = await child(
      `${records.map((r) => `t.enqueue(${JSON.stringify(r)});`).join('\n')}\nawait t.close();\nconsole.log(JSON.stringify(t.stats()));`,
    );
    expect(JSON.parse(stdout)).toEqual({
      sent: 3,
      delivered: 3,
      failed: 0,
      retried: 1,
      possiblyDuplicated: 0,
      queued: 0,
      inFlight: 0,
    });
    expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(server.processed.map(seqOf)).toEqual([10, 11, 12]);
  });
});
