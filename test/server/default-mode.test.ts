/**
 * The server client's mode without a `mode` option: development (the checks run) when NODE_ENV is `development` or
 * `test`, production otherwise, and production where there is no `process` at all (the client is bundled and run
 * in a context without one). The shared defaultMode partial (templates/shared/default-mode.hbs) decides it.
 */
import { createContext, runInContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../out/shop-node/index.js';
import { ROOT } from '../helpers/paths.js';
import { ACCOUNT } from './support.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A fetch that accepts every upload without a network. */
const accept = async (_url: string, init: RequestInit): Promise<Response> => {
  const records = JSON.parse(new TextDecoder().decode(init.body as Uint8Array)) as { d: unknown[] };
  return new Response(JSON.stringify({ status: 'success', processed: records.d.length, unprocessed: [] }));
};

type Create = typeof createClient;

/** The rules the client reports for one call that breaks a check only development mode runs (a too-short query). */
async function reportedBy(create: Create): Promise<string[]> {
  const seen: string[] = [];
  const ct = create(
    { endpoint: 'http://127.0.0.1:9', ...ACCOUNT },
    { onViolation: (v) => void seen.push(v.rule), fetch: accept },
  );
  ct.trackSearchPerformed('user-1', { query: '' });
  await ct.close();
  return seen;
}

describe('the server client, without a mode option', () => {
  it.each([
    ['development', ['minLength']],
    ['test', ['minLength']],
    ['production', []],
    ['staging', []],
    [undefined, []],
  ] as const)('NODE_ENV=%s', async (env, rules) => {
    vi.stubEnv('NODE_ENV', env);
    expect(await reportedBy(createClient)).toEqual(rules);
  });

  it('is production where there is no process, and development where process says so', async () => {
    const bundle = await esbuild.build({
      entryPoints: [join(ROOT, 'out', 'shop-node', 'index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'client',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    const globals = { console, setTimeout, clearTimeout, TextEncoder, TextDecoder, AbortController, Response, URL };
    const load = (extra: object): Create => {
      const context = createContext({ ...globals, ...extra });
      runInContext(code, context);
      return (context as { client: { createClient: Create } }).client.createClient;
    };
    const none = load({});
    expect(runInContext('typeof process', createContext({}))).toBe('undefined');
    expect(await reportedBy(none)).toEqual([]);
    expect(await reportedBy(load({ process: { env: { NODE_ENV: 'development' } } }))).toEqual(['minLength']);
    // A process without env (a partial shim) is production too, not a TypeError
    expect(await reportedBy(load({ process: {} }))).toEqual([]);
  });
});
