/**
 * Where a diagnostic code is explained: its section of docs/clevertap-rules.md. That file ships in the package,
 * so the path works offline from the package folder; when package.json names a GitHub repository (or a homepage),
 * the link is a URL instead, which terminals and CI logs make clickable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export const RULES_DOC = 'docs/clevertap-rules.md';

export interface PackageLinks {
  repository?: string | { url?: string; directory?: string };
  homepage?: string;
}

/** The web page of docs/ for a GitHub repository or a homepage in package.json, or undefined. */
export function docsBase(pkg: PackageLinks): string | undefined {
  const repo = typeof pkg.repository === 'string' ? { url: pkg.repository } : pkg.repository;
  const m =
    repo?.url?.match(
      /^(?:git\+)?(?:https?:\/\/|git:\/\/|ssh:\/\/git@|git@)?github\.com[/:]([^/]+)\/([^/#]+?)(?:\.git)?\/?$/,
    ) ??
    repo?.url?.match(/^github:([^/]+)\/([^/#]+)$/) ??
    (typeof pkg.repository === 'string' ? pkg.repository.match(/^([\w.-]+)\/([\w.-]+)$/) : null);
  if (m)
    return `https://github.com/${m[1]}/${m[2]}/blob/HEAD/${repo?.directory ? `${repo.directory.replace(/\/$/, '')}/` : ''}`;
  if (pkg.homepage && /^https?:\/\//.test(pkg.homepage)) return pkg.homepage.replace(/#.*$/, '').replace(/\/?$/, '/');
  return undefined;
}

/** `docs/clevertap-rules.md#ct301`, or that path under `base`. The anchor is the code's heading, lower-cased. */
export function docsLinkFor(code: string, base: string | undefined): string {
  return `${base ?? ''}${RULES_DOC}#${code.toLowerCase()}`;
}

let base: string | undefined | null = null;

export function docsLink(code: string): string {
  if (base === null) {
    base = docsBase(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as PackageLinks);
  }
  return docsLinkFor(code, base);
}
