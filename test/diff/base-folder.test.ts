// codegen diff <folder> --base <ref>: a Snowplow Iglu plan (a folder of schemas) against the folder at a commit.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../helpers/paths.js';
import { brief, changesOf, commitAll, git, hasGit, N, run, S, write } from './helpers.js';

const schema = (name: string, properties: Record<string, unknown>, required: string[] = []) => ({
  self: { vendor: 'com.acme', name, format: 'jsonschema', version: '1-0-0' },
  type: 'object',
  properties,
  ...(required.length > 0 && { required }),
});

/** A repository whose schemas/ folder holds two schemas (one in Iglu's extension-less layout), and files the reader skips. */
function igluRepo(): string {
  const repo = scratch('diff-iglu');
  const dir = join(repo, 'schemas', 'com.acme', 'add_to_cart', 'jsonschema');
  mkdirSync(dir, { recursive: true });
  write(dir, '1-0-0', schema('add_to_cart', { sku: S, qty: { type: 'integer' } }, ['sku']));
  write(join(repo, 'schemas'), 'page_view.json', schema('page_view', { url: S }));
  // skipped on the disk, so skipped at the commit too: neither is a schema (the hidden one would be an error)
  writeFileSync(join(repo, 'schemas', 'README.md'), '# schemas\n');
  mkdirSync(join(repo, 'schemas', '.drafts'));
  writeFileSync(join(repo, 'schemas', '.drafts', 'broken.json'), '{ not json');
  commitAll(repo);
  return repo;
}

if (!hasGit) console.warn('test/diff/base-folder.test.ts: skipped, git is not installed');

describe.skipIf(!hasGit)('codegen diff <Iglu folder> --base <git-ref>', () => {
  it('a schema removed, one added and one changed since the commit', async () => {
    const repo = igluRepo();
    rmSync(join(repo, 'schemas', 'page_view.json'));
    write(join(repo, 'schemas'), 'search.json', schema('search', { query: S }));
    write(
      join(repo, 'schemas', 'com.acme', 'add_to_cart', 'jsonschema'),
      '1-0-0',
      schema('add_to_cart', { sku: N, qty: { type: 'integer' } }, ['sku']),
    );
    const r = await run(['diff', 'schemas', '--base', 'main', '--format', 'json'], repo);
    expect(r.err).toBe('');
    const parsed = changesOf(r.out);
    expect(parsed.changes.map((c) => `${brief(c)} ${c.event}`).sort()).toEqual([
      'event-added safe search',
      'event-removed app page_view',
      'type-changed app data add_to_cart',
    ]);
    expect(r.code).toBe(1);
  });

  it('unchanged since the commit: no changes, also from inside the folder', async () => {
    const repo = igluRepo();
    const r = await run(['diff', 'schemas', '--base', 'HEAD'], repo);
    expect(r.out).toContain('no changes');
    expect(r.code).toBe(0);
    const inside = await run(['diff', '.', '--base', 'main', '--format', 'json'], join(repo, 'schemas'));
    expect(changesOf(inside.out).changes).toEqual([]);
    expect(inside.code).toBe(0);
  });

  it('only a schema added: safe (exit 0), and the old schemas are read as committed', async () => {
    const repo = igluRepo();
    write(join(repo, 'schemas'), 'search.json', schema('search', { query: S }));
    const r = await run(['diff', 'schemas', '--base', 'main'], repo);
    expect(r.out).toMatch(/search\.json:\d+:\d+ safe: event "search" added\n/);
    expect(r.out).toContain('0 breaking changes (app: 0, data: 0), 1 safe change');
    expect(r.code).toBe(0);
  });

  it('--readable-names: events named as a client generated with it names them', async () => {
    const repo = igluRepo();
    write(join(repo, 'schemas'), 'search_done.json', schema('search_done', { query: S }));
    const r = await run(['diff', 'schemas', '--base', 'main', '--readable-names', '--format', 'json'], repo);
    expect(changesOf(r.out).changes.map((c) => `${brief(c)} ${c.event}`)).toEqual(['event-added safe Search Done']);
    expect(r.code).toBe(0);
  });

  it('a folder that does not exist at the commit: every schema is new', async () => {
    const repo = igluRepo();
    mkdirSync(join(repo, 'more'));
    write(join(repo, 'more'), 'signup.json', schema('signup', { plan: S }));
    const r = await run(['diff', 'more', '--base', 'main'], repo);
    expect(r.err).toContain('more does not exist at main');
    expect(r.out).toContain('safe: event "signup" added');
    expect(r.code).toBe(0);
  });

  it('a schema broken at the commit: its diagnostics, at the commit, and exit 1', async () => {
    const repo = igluRepo();
    writeFileSync(join(repo, 'schemas', 'page_view.json'), '{ "self": ');
    git(repo, 'commit', '-qam', 'broken');
    write(join(repo, 'schemas'), 'page_view.json', schema('page_view', { url: S }));
    const r = await run(['diff', 'schemas', '--base', 'HEAD'], repo);
    expect(r.err).toContain('as it is at HEAD');
    expect(r.err).toMatch(/page_view\.json:1:\d+ error CT001/);
    expect(r.code).toBe(1);
  });
});
