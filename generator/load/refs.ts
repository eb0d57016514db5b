/**
 * `$ref` resolution: a JSON pointer inside the plan (`#/$defs/X`) or in a file relative to the referring file
 * (`./common.json#/$defs/X`). Never fetches. Missing targets and cycles become diagnostics at the `$ref`.
 */
import { dirname, resolve, relative, isAbsolute } from 'node:path';
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readJson } from './read-json.js';
import { IoError } from '../core/io-error.js';
import { memberOrigin, originOf, unescapePointerToken } from './source.js';
import type { Origin, SourceFile } from '../core/source-file.js';

export interface Resolved {
  target: Record<string, unknown>;
}

export class RefResolver {
  /** Root value of each file read so far, by the file's path as displayed. */
  private readonly roots = new Map<SourceFile, unknown>();
  private readonly byPath = new Map<string, { file: SourceFile; value: unknown } | undefined>();
  readonly diagnostics: Diagnostic[] = [];
  /**
   * While set, each `$ref` followed is pushed as `site, ref, target` (core/memo.ts): what was built from a schema
   * stands for it again while each of its `$ref`s still leads to the same node (`leadsTo`).
   */
  trail: unknown[] | undefined;

  /** `sources`: the files the plan was read from; a `#/...` reference in any of them points into `plan`. */
  constructor(sources: readonly SourceFile[], plan: unknown) {
    for (const file of sources) {
      this.roots.set(file, plan);
      this.byPath.set(resolve(file.path), { file, value: plan });
    }
  }

  /**
   * Follows `$ref` from `schema` until a schema without one (its siblings are not merged here: see SchemaView).
   * Returns the chain of schemas, referring first; `undefined` when the chain is broken (a diagnostic says why).
   */
  chain(schema: Record<string, unknown>): Record<string, unknown>[] | undefined {
    const seen = new Set<object>();
    const out: Record<string, unknown>[] = [];
    let current = schema;
    for (;;) {
      if (seen.has(current)) {
        this.report('CT011', current, { ref: String(current.$ref) });
        return undefined;
      }
      seen.add(current);
      out.push(current);
      const ref = current.$ref;
      if (ref === undefined) return out;
      if (typeof ref !== 'string') {
        this.report('CT006', current, { key: '$ref', expected: 'a string', actual: typeof ref });
        return undefined;
      }
      const target = this.lookup(current, ref);
      this.trail?.push(current, ref, target);
      if (target === undefined) return undefined;
      if (typeof target !== 'object' || target === null || Array.isArray(target)) {
        this.report('CT016', current, {
          detail: `$ref "${ref}" points at ${Array.isArray(target) ? 'an array' : JSON.stringify(target)}, not a schema`,
        });
        return undefined;
      }
      current = target as Record<string, unknown>;
    }
  }

  /**
   * Whether `site`'s `$ref` leads to `target` in the plan as read now. Only a reference inside the same file is
   * followed here (a pure walk, no file read, nothing reported); one into another file is taken as changed.
   */
  leadsTo(site: Record<string, unknown>, ref: string, target: unknown): boolean {
    if (!ref.startsWith('#/') || target === undefined) return false;
    const file = originOf(site)?.file;
    const root = file && this.roots.get(file);
    if (root === undefined) return false;
    let pointer: string;
    try {
      pointer = decodeURIComponent(ref.slice(1));
    } catch {
      return false;
    }
    return walk(root, pointer) === target;
  }

  /** Refuses a schema the model will not follow (nested too deep), with a diagnostic at it. */
  refuse(site: Record<string, unknown>, detail: string): void {
    this.report('CT016', site, { detail });
  }

  private lookup(site: Record<string, unknown>, ref: string): unknown {
    const origin = originOf(site);
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    let pointer: string;
    try {
      pointer = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
    } catch {
      this.report('CT016', site, { detail: `$ref "${ref}" has a malformed %-escape` });
      return undefined;
    }
    let root: unknown;
    if (filePart === '') {
      root = origin ? this.roots.get(origin.file) : undefined;
    } else {
      if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) || isAbsolute(filePart)) {
        this.report('CT013', site, { ref });
        return undefined;
      }
      const base = origin ? dirname(origin.file.path) : '.';
      const loaded = this.load(site, resolve(base, filePart), filePart);
      if (!loaded) return undefined;
      root = loaded.value;
    }
    if (pointer !== '' && !pointer.startsWith('/')) {
      // `#name` is an $anchor, not a pointer that happens to lead nowhere
      this.report('CT016', site, {
        detail: `$ref "${ref}" names an $anchor, which the generator does not resolve: refer to the schema by its JSON pointer, such as "#/$defs/${pointer}"`,
      });
      return undefined;
    }
    const value = walk(root, pointer);
    if (value === undefined) {
      this.report('CT010', site, { ref, base: filePart === '' ? 'this file' : filePart });
    }
    return value;
  }

  private load(site: Record<string, unknown>, absolute: string, shown: string): { value: unknown } | undefined {
    if (!this.byPath.has(absolute)) {
      try {
        const read = readJson(relative(process.cwd(), absolute) || absolute);
        this.diagnostics.push(...read.diagnostics);
        this.byPath.set(absolute, read.value === undefined ? undefined : { file: read.file, value: read.value });
        if (read.value !== undefined) this.roots.set(read.file, read.value);
      } catch (e) {
        if (!(e instanceof IoError)) throw e;
        this.byPath.set(absolute, undefined);
        this.report('CT012', site, { path: shown, detail: e.message.replace(/^cannot read [^:]*: /, '') });
      }
    }
    return this.byPath.get(absolute);
  }

  private report(
    code: 'CT010' | 'CT011' | 'CT012' | 'CT013' | 'CT006' | 'CT016',
    site: Record<string, unknown>,
    args: Record<string, string>,
  ): void {
    this.diagnostics.push(diagnose(code, refOrigin(site), args));
  }
}

function refOrigin(site: Record<string, unknown>): Origin | undefined {
  return memberOrigin(site, '$ref') ?? originOf(site);
}

/** Follows an RFC 6901 pointer; own properties only, so `#/__proto__` finds nothing it should not. */
export function walk(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return pointer === '' ? root : undefined;
  if (!pointer.startsWith('/')) return undefined;
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = unescapePointerToken(raw);
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
