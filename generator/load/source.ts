/** A file the plan was read from, and where each JSON node in it came from. */

export interface SourceFile {
  /** The path as the user named it (relative paths stay relative, so diagnostics read like the command line). */
  readonly path: string;
  readonly text: string;
  lineStarts?: number[];
}

/** Where a node of the plan came from: a file, a JSON pointer in it, and the offset of its key (or value). */
export interface Origin {
  readonly file: SourceFile;
  readonly pointer: string;
  readonly offset: number;
}

export interface Location {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

interface NodeInfo {
  origin: Origin;
  /** Offsets of each member's key, for objects parsed from text. */
  keys?: Map<string, number>;
  /** Whole origins of members, for objects built by an importer from another file's nodes. */
  members?: Map<string, Origin>;
}

const registry = new WeakMap<object, NodeInfo>();

export function setOrigin(node: object, origin: Origin, keys?: Map<string, number>): void {
  registry.set(node, keys ? { origin, keys } : { origin });
}

export function originOf(node: unknown): Origin | undefined {
  return typeof node === 'object' && node !== null ? registry.get(node)?.origin : undefined;
}

/** Says that `node[key]` came from `origin` (an importer maps a converted member back to the original file). */
export function setMemberOrigin(node: object, key: string, origin: Origin): void {
  const info = registry.get(node);
  if (!info) throw new Error('internal: setMemberOrigin before setOrigin');
  (info.members ??= new Map()).set(key, origin);
}

/** The origin of `node[key]`: the position of the key in the source text. */
export function memberOrigin(node: object, key: string | number): Origin | undefined {
  const info = registry.get(node);
  if (!info) return undefined;
  const k = String(key);
  const mapped = info.members?.get(k);
  if (mapped) return mapped;
  const child = (node as Record<string, unknown>)[k];
  const childOrigin = originOf(child);
  const offset = info.keys?.get(k) ?? childOrigin?.offset ?? info.origin.offset;
  return { file: info.origin.file, pointer: joinPointer(info.origin.pointer, k), offset };
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  let out = base;
  for (const t of tokens) out += '/' + escapePointerToken(String(t));
  return out;
}

function lineStarts(file: SourceFile): number[] {
  if (!file.lineStarts) {
    const starts = [0];
    const text = file.text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    file.lineStarts = starts;
  }
  return file.lineStarts;
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function locate(file: SourceFile, offset: number): Location {
  const starts = lineStarts(file);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { path: file.path, line: lo + 1, column: offset - starts[lo]! + 1 };
}
