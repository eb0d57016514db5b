// codegen diff --transform: the policy applies to both plans; with --base, the policy as the commit has it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../helpers/paths.js';
import { brief, changesOf, commitAll, ev, git, hasGit, N, plan, run, S, write } from './helpers.js';

const address = (city: unknown) => ({ type: 'object', properties: { city }, required: ['city'] });
const nested = (city: unknown) => plan({ 'Order Completed': ev({ id: S, address: address(city) }, ['id', 'address']) });

describe('codegen diff old.json new.json --transform policy.json', () => {
  it('compares the plans as the policy makes them: a nested property under its flat CleverTap key', async () => {
    const dir = scratch('diff-transform');
    const policy = write(dir, 'policy.json', { flatten: '_' });
    const r = await run([
      'diff',
      write(dir, 'old.json', nested(S)),
      write(dir, 'new.json', nested(N)),
      '--transform',
      policy,
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    const { changes } = changesOf(r.out);
    // the track function takes { address: { city } }: its code breaks there; CleverTap receives address_city
    expect(changes.map((c) => `${brief(c)} ${c.property}`).sort()).toEqual([
      'type-changed app address.city',
      'type-changed data address_city',
    ]);
    const app = changes.find((c) => c.app);
    expect(app?.message).toBe(
      'property "address.city" of event "Order Completed": no longer accepts strings; now also accepts numbers',
    );
    expect(r.code).toBe(1);
  });

  it('one policy for both plans: what it renames is renamed on both sides, so it is no change', async () => {
    const dir = scratch('diff-transform-same');
    const policy = write(dir, 'policy.json', { rename: { events: { 'Order Completed': 'order_completed' } } });
    const old = write(dir, 'old.json', nested(S));
    const r = await run(['diff', old, write(dir, 'new.json', nested(S)), '--transform', policy]);
    expect(r.out).toContain('no changes');
    expect(r.code).toBe(0);
  });

  it('a policy file that does not exist: exit 2 in words; one that is not a policy: its diagnostics, exit 1', async () => {
    const dir = scratch('diff-transform-bad');
    const old = write(dir, 'old.json', nested(S));
    const missing = await run(['diff', old, old, '--transform', join(dir, 'nope.json')]);
    expect(missing.err).toMatch(/cannot read .*nope\.json: no such file/);
    expect(missing.code).toBe(2);
    const typo = await run(['diff', old, old, '--transform', write(dir, 'typo.json', { flaten: '_' })]);
    expect(typo.err).toMatch(/typo\.json:2:3 error CT601/);
    expect(typo.code).toBe(1);
  });
});

/** Each case: two native plans with their own "transform", and how the diff classifies each change. */
const VIEWS: Array<{ name: string; old: unknown; new: unknown; changes: string[]; exit: 0 | 1 }> = [
  {
    name: "a policy's event rename: CleverTap's data only (the track function keeps its name)",
    old: plan({ A: ev({ x: S }) }),
    new: plan({ A: ev({ x: S }) }, undefined, { transform: { rename: { events: { A: 'a' } } } }),
    changes: ['event-renamed data'],
    exit: 1,
  },
  {
    name: "a policy's function name: the app's code only (CleverTap receives the same event)",
    old: plan({ A: ev({ x: S }) }),
    new: plan({ A: ev({ x: S }) }, undefined, { transform: { rename: { functions: { A: 'trackAlpha' } } } }),
    changes: ['function-renamed app'],
    exit: 1,
  },
  {
    name: "a policy's function name on a flattened event: the app's code only, once",
    old: plan({ E: ev({ address: address(S) }) }, undefined, { transform: { flatten: '_' } }),
    new: plan({ E: ev({ address: address(S) }) }, undefined, {
      transform: { flatten: '_', rename: { functions: { E: 'trackEvent' } } },
    }),
    changes: ['function-renamed app'],
    exit: 1,
  },
  {
    name: "a policy's new flatten separator: the keys CleverTap receives are renamed, the app's code is not",
    old: plan({ E: ev({ address: address(S) }) }, undefined, { transform: { flatten: '_' } }),
    new: plan({ E: ev({ address: address(S) }) }, undefined, { transform: { flatten: '__' } }),
    changes: ['property-renamed data'],
    exit: 1,
  },
  {
    name: "arrays joined: the items' type changed breaks the app's code; CleverTap still receives a string",
    old: plan({ E: ev({ tags: { type: 'array', items: S } }) }, undefined, { transform: { arrays: 'join' } }),
    new: plan({ E: ev({ tags: { type: 'array', items: N } }) }, undefined, { transform: { arrays: 'join' } }),
    changes: ['type-narrowed app', 'type-widened safe'],
    exit: 1,
  },
  {
    name: 'arrays dropped: a property CleverTap never receives, removed, still breaks the code that passes it',
    old: plan({ E: ev({ x: S, tags: { type: 'array', items: S } }) }, undefined, { transform: { arrays: 'drop' } }),
    new: plan({ E: ev({ x: S }) }, undefined, { transform: { arrays: 'drop' } }),
    changes: ['property-removed app'],
    exit: 1,
  },
  {
    name: 'an event the policy leaves as it is: each change once, classified as without a policy',
    old: plan({ E: ev({ x: S, y: S }), F: ev({ address: address(S) }) }, undefined, { transform: { flatten: '_' } }),
    new: plan({ E: ev({ x: N }), F: ev({ address: address(S) }) }, undefined, { transform: { flatten: '_' } }),
    changes: ['type-changed app data', 'property-removed app'],
    exit: 1,
  },
  {
    name: 'an optional nested property added: safe, as the plan writes it and as CleverTap receives it',
    old: plan({ E: ev({ address: address(S) }) }, undefined, { transform: { flatten: '_' } }),
    new: plan({ E: ev({ address: { ...address(S), properties: { city: S, zip: S } } }) }, undefined, {
      transform: { flatten: '_' },
    }),
    changes: ['property-added safe', 'property-added safe'],
    exit: 0,
  },
];

describe("a transformed plan: the app's code compared as the plan writes it, CleverTap's data as the policy makes it", () => {
  it.each(VIEWS)('$name', async (c) => {
    const dir = scratch('diff-views');
    const r = await run(['diff', write(dir, 'old.json', c.old), write(dir, 'new.json', c.new), '--format', 'json']);
    expect(r.err).toBe('');
    const { changes, breaking } = changesOf(r.out);
    expect(changes.map(brief).sort()).toEqual([...c.changes].sort());
    // a side the change does not break is not named in its words
    for (const x of changes) {
      if (!x.app) expect(x.message).not.toMatch(/no longer compiles|is gone/);
      if (!x.data) expect(x.message).not.toMatch(/CleverTap records|CleverTap keeps/);
    }
    expect(breaking).toBe(c.exit === 1);
    expect(r.code).toBe(c.exit);
  });
});

if (!hasGit) console.warn('test/diff/transform.test.ts: the --base tests are skipped, git is not installed');

describe.skipIf(!hasGit)('codegen diff plan.json --base <ref> --transform policy.json', () => {
  const two = plan({ A: ev({ x: S }), B: ev({ y: N }) });

  it('the policy is read as the commit has it: an event the policy now leaves out is removed', async () => {
    const repo = scratch('diff-transform-git');
    write(repo, 'plan.json', two);
    write(repo, 'policy.json', { sanitize: true });
    commitAll(repo);
    write(repo, 'policy.json', { sanitize: true, events: { exclude: ['B'] } });
    const r = await run(
      ['diff', 'plan.json', '--base', 'main', '--transform', 'policy.json', '--format', 'json'],
      repo,
    );
    expect(r.err).toBe('');
    expect(changesOf(r.out).changes.map((c) => `${brief(c)} ${c.event}`)).toEqual(['event-removed app B']);
    expect(r.code).toBe(1);
    // committed: the same policy on both sides
    git(repo, 'commit', '-qam', 'exclude B');
    const same = await run(['diff', 'plan.json', '--base', 'HEAD', '--transform', 'policy.json'], repo);
    expect(same.out).toContain('no changes');
    expect(same.code).toBe(0);
  });

  it('a policy the commit does not have: the plan there is read without one, saying so', async () => {
    const repo = scratch('diff-transform-git-new');
    write(repo, 'plan.json', two);
    commitAll(repo);
    write(repo, 'policy.json', { events: { exclude: ['B'] } });
    const r = await run(['diff', 'plan.json', '--base', 'main', '--transform', 'policy.json'], repo);
    expect(r.err).toBe('policy.json does not exist at main: the plan there is read without a policy\n');
    expect(r.out).toContain('breaking (app): event "B" removed');
    expect(r.code).toBe(1);
  });
});
