/**
 * A fresh clone's view of the docs: every relative link in README.md, docs/*.md and the other top-level docs
 * resolves to a file git tracks (not one that happens to exist beside the repository, as ../shared does here),
 * with the anchor where one is given, and none leads outside the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { anchorsOf, linksOf } from './markdown.js';

const DOCS = [
  'README.md',
  'CHANGELOG.md',
  'CONTRIBUTING.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
].filter((f) => existsSync(join(ROOT, f)));

/** The files a clone has: git's tracked files, or (outside a git checkout) whatever exists. */
function trackedFiles(): ((path: string) => boolean) | undefined {
  try {
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
    const set = new Set(files);
    const dirs = new Set(
      files.flatMap((f) =>
        f
          .split('/')
          .slice(0, -1)
          .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
      ),
    );
    return (path) => set.has(path) || dirs.has(path);
  } catch {
    return undefined;
  }
}

const inClone = trackedFiles();

/** What is wrong with a link from `doc`, or undefined when it resolves. */
function problem(doc: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto: ... are not checked offline
  const [path = '', anchor] = target.split('#', 2) as [string, string?];
  const file = path === '' ? join(ROOT, doc) : resolve(dirname(join(ROOT, doc)), decodeURIComponent(path));
  const rel = relative(ROOT, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return 'points outside the repository';
  const exists = inClone ? inClone(rel.split('\\').join('/')) : existsSync(file);
  if (!exists) return 'no such file in a fresh clone';
  if (
    anchor !== undefined &&
    statSync(file).isFile() &&
    file.endsWith('.md') &&
    !anchorsOf(readFileSync(file, 'utf8')).has(anchor)
  ) {
    return `no heading gives the anchor #${anchor}`;
  }
  return undefined;
}

describe('links in the docs resolve in a fresh clone', () => {
  it.each(DOCS)('%s', (doc) => {
    const links = linksOf(readFileSync(join(ROOT, doc), 'utf8'));
    const broken = links
      .map((l) => ({ ...l, why: problem(doc, l.target) }))
      .filter((l) => l.why)
      .map((l) => `${doc}:${l.line} ${l.target}: ${l.why}`);
    expect(broken).toEqual([]);
  });

  it('README.md links both user docs', () => {
    const targets = linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.target.split('#')[0]);
    expect(targets).toContain('docs/plan-format.md');
    expect(targets).toContain('docs/clevertap-rules.md');
  });

  it('the checker finds what it must: a link out of the repository, a missing file, a missing anchor', () => {
    expect(problem('README.md', '../shared/plan-format.md')).toBe('points outside the repository');
    expect(problem('README.md', 'docs/nope.md')).toBe('no such file in a fresh clone');
    expect(problem('README.md', 'docs/clevertap-rules.md#ct999')).toBe('no heading gives the anchor #ct999');
    expect(problem('docs/plan-format.md', 'clevertap-rules.md#ct301')).toBeUndefined();
    expect(problem('README.md', '#the-plan')).toBeUndefined();
    expect(problem('README.md', 'https://example.com/x')).toBeUndefined();
  });
});
