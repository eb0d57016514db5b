// codegen --watch: regenerates after an edit (also a rename-save, a $ref'd file, the config), keeps the last good
// client after a bad edit, and stops cleanly (AbortSignal in-process; SIGTERM and SIGINT for the real process).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runWatch } from '../../generator/cli/commands/watch.js';
import type { Flags } from '../../generator/cli/commands/config.js';
import { planJson } from '../helpers/plan.js';
import { BIN, scratch } from '../helpers/paths.js';

const flags: Flags = { format: 'text', check: false, force: false, verify: false };
const here = process.cwd();
afterEach(() => process.chdir(here));

const planWith = (event: string, extra: Record<string, unknown> = {}) =>
  planJson({ name: 'W', events: { [event]: { properties: { id: { $ref: './common.json#/$defs/Id' } }, ...extra } } });

/** A watch running in this process, with a way to wait for its next generation. */
function start(dir: string, setup: { plan?: string; flags?: Flags } = {}) {
  const controller = new AbortController();
  let log = '';
  const codes: number[] = [];
  const waiters: Array<() => void> = [];
  const done = runWatch(
    {
      ...setup,
      flags: setup.flags ?? { ...flags, out: join(dir, 'out') },
      signal: controller.signal,
      debounceMs: 20,
      onCycle: (c) => {
        codes.push(c);
        for (const w of waiters.splice(0)) w();
      },
    },
    { out: (s) => (log += s), err: (s) => (log += s), color: false },
  );
  /**
   * Resolves with the code of the first generation, from now on, after which `ready()` holds: a save can come as
   * several events (truncate, then write), and a generation may run between them on a busy machine. Bounded: the
   * test fails rather than hangs.
   */
  const next = (what: string, ready: () => boolean = () => true) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no generation after ${what} within 10 s; log:\n${log}`)),
        10_000,
      );
      const wait = () =>
        waiters.push(() => {
          if (!ready()) return wait();
          clearTimeout(timer);
          resolve(codes[codes.length - 1]!);
        });
      wait();
    });
  return { controller, done, next, log: () => log };
}

function setupPlan() {
  const dir = scratch('watch');
  writeFileSync(join(dir, 'common.json'), JSON.stringify({ $defs: { Id: { type: 'string' } } }));
  writeFileSync(join(dir, 'plan.json'), planWith('First Event'));
  return dir;
}

describe('codegen --watch (in-process)', () => {
  it("regenerates after an edit, a rename-save and a $ref'd file's edit; keeps the last good client after a bad edit", async () => {
    const dir = setupPlan();
    const w = start(dir, { plan: join(dir, 'plan.json') });
    const first = w.next('start');
    expect(await first).toBe(0);
    const client = () => readFileSync(join(dir, 'out', 'index.ts'), 'utf8');
    expect(client()).toContain('trackFirstEvent');

    // an edit in place
    const has = (text: string) => () => existsSync(join(dir, 'out', 'index.ts')) && client().includes(text);
    let next = w.next('an edit', has('trackSecondEvent'));
    writeFileSync(join(dir, 'plan.json'), planWith('Second Event'));
    expect(await next).toBe(0);
    expect(client()).toContain('trackSecondEvent');

    // a save by rename, as vim and IntelliJ do: the new text goes to another file that replaces the plan
    next = w.next('a rename-save', has('trackThirdEvent'));
    writeFileSync(join(dir, 'plan.json.tmp'), planWith('Third Event'));
    renameSync(join(dir, 'plan.json.tmp'), join(dir, 'plan.json'));
    expect(await next).toBe(0);
    expect(client()).toContain('trackThirdEvent');

    // the $ref'd file
    next = w.next('an edit of common.json', () => /id\?: number/.test(client()));
    writeFileSync(join(dir, 'common.json'), JSON.stringify({ $defs: { Id: { type: 'number' } } }));
    expect(await next).toBe(0);
    expect(client()).toMatch(/id\?: number/);

    // a bad edit: errors printed with the time, the client untouched
    const good = client();
    next = w.next('a bad edit', () => w.log().includes('CT102'));
    writeFileSync(join(dir, 'plan.json'), planWith('Bad.Event'));
    expect(await next).toBe(1);
    expect(client()).toBe(good);
    expect(w.log()).toMatch(/^\[\d\d:\d\d:\d\d\] .*plan\.json:\d+:\d+ error CT102/m);
    expect(w.log()).toMatch(/^\[\d\d:\d\d:\d\d\] .*not written \(the client in .* is unchanged\)$/m);

    // and back to good
    next = w.next('a fix', has('trackFourthEvent'));
    writeFileSync(join(dir, 'plan.json'), planWith('Fourth Event'));
    expect(await next).toBe(0);
    expect(client()).toContain('trackFourthEvent');

    w.controller.abort();
    expect(await w.done).toBe(0);
    expect(w.log()).toMatch(/stopped watching\n$/);
  });

  it('a plan that disappears and comes back: says so, then generates again', async () => {
    const dir = setupPlan();
    const w = start(dir, { plan: join(dir, 'plan.json') });
    await w.next('start');
    let next = w.next('removal', () => w.log().includes('no such file'));
    renameSync(join(dir, 'plan.json'), join(dir, 'moved.json'));
    expect(await next).toBe(2);
    expect(w.log()).toContain('no such file');
    next = w.next('return', () => readFileSync(join(dir, 'out', 'index.ts'), 'utf8').includes('trackBackAgain'));
    writeFileSync(join(dir, 'plan.json'), planWith('Back Again'));
    expect(await next).toBe(0);
    expect(readFileSync(join(dir, 'out', 'index.ts'), 'utf8')).toContain('trackBackAgain');
    w.controller.abort();
    expect(await w.done).toBe(0);
  });

  it('with a config: an edit of the config regenerates into the new folder; a config with errors generates nothing', async () => {
    const dir = setupPlan();
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ plan: 'plan.json', out: 'a' }));
    process.chdir(dir);
    const w = start(dir, { flags });
    expect(await w.next('start')).toBe(0);
    expect(existsSync(join(dir, 'a', 'index.ts'))).toBe(true);
    let next = w.next('config edit', () => existsSync(join(dir, 'b', 'index.ts')));
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ plan: 'plan.json', out: 'b' }));
    expect(await next).toBe(0);
    expect(existsSync(join(dir, 'b', 'index.ts'))).toBe(true);
    next = w.next('bad config', () => w.log().includes('CT901'));
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ plan: 'plan.json', out: 'c', typo: 1 }));
    expect(await next).toBe(2);
    expect(w.log()).toContain('error CT901');
    expect(existsSync(join(dir, 'c'))).toBe(false);
    w.controller.abort();
    expect(await w.done).toBe(0);
  });

  it('a plan that is a folder of Iglu schemas: a new schema in it regenerates', async () => {
    const dir = scratch('watch-iglu');
    const schema = (name: string) =>
      JSON.stringify({
        $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
        self: { vendor: 'com.acme', name, format: 'jsonschema', version: '1-0-0' },
        type: 'object',
        properties: { id: { type: 'string' } },
      });
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas', 'first_thing.json'), schema('first_thing'));
    const w = start(dir, { plan: join(dir, 'schemas'), flags: { ...flags, out: join(dir, 'out'), from: 'iglu' } });
    expect(await w.next('start')).toBe(0);
    const client = () => readFileSync(join(dir, 'out', 'index.ts'), 'utf8');
    expect(client()).toContain('trackFirstThing');
    const next = w.next('a new schema', () => client().includes('trackSecondThing'));
    writeFileSync(join(dir, 'schemas', 'second_thing.json'), schema('second_thing'));
    expect(await next).toBe(0);
    w.controller.abort();
    expect(await w.done).toBe(0);
  });

  it('refuses --check, and a missing config, before it starts', async () => {
    const dir = setupPlan();
    await expect(
      runWatch(
        { plan: join(dir, 'plan.json'), flags: { ...flags, check: true }, signal: new AbortController().signal },
        { out: () => {}, err: () => {}, color: false },
      ),
    ).rejects.toThrow(/--check/);
    process.chdir(scratch('watch-empty'));
    await expect(
      runWatch({ flags, signal: new AbortController().signal }, { out: () => {}, err: () => {}, color: false }),
    ).rejects.toThrow(/no plan given/);
  });
});

describe('codegen --watch (the process)', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops on ${signal} with exit 0`, async () => {
      const dir = setupPlan();
      mkdirSync(join(dir, 'out'), { recursive: true });
      const child = spawn(process.execPath, [BIN, join(dir, 'plan.json'), '--watch', '--out', join(dir, 'out')], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.setEncoding('utf8');
      const watching = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "watching" within 20 s:\n${err}`)), 20_000);
        child.stderr.on('data', (s: string) => {
          err += s;
          if (err.includes('watching ')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        await watching;
      } finally {
        child.kill(signal);
      }
      const code = await Promise.race([
        exited,
        new Promise<string>((r) => setTimeout(() => r('still running after 10 s'), 10_000)),
      ]);
      if (code === 'still running after 10 s') child.kill('SIGKILL');
      expect(code).toBe(0);
      expect(err).toContain('stopped watching');
      expect(readFileSync(join(dir, 'out', 'index.ts'), 'utf8')).toContain('trackFirstEvent');
    });
  }
});
