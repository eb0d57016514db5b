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
    expect(changes.map((c) => `${brief(c)} ${c.property}`)).toEqual(['type-changed app data address_city']);
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
