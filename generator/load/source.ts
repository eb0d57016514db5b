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

/**
 * What the registry knows of one object or array. Parsed nodes record their parent and key and work out their
 * pointer only when asked: most nodes of a large plan are never named in a diagnostic.
 */
export interface NodeInfo {
  file: SourceFile;
  parent: NodeInfo | undefined;
  key: string;
  offset: number;
  pointer?: string;
  /** Member keys and the offsets of their key tokens, flat: [key, offset, key, offset, ...]. */
  keyOffsets?: Array<string | number>;
  keyIndex?: Map<string, number>;
  /** Whole origins of members, for objects built by an importer from another file's nodes. */
  members?: Map<string, Origin>;
  origin?: Origin;
}

const registry = new WeakMap<object, NodeInfo>();

function pointerOf(info: NodeInfo): string {
  if (info.pointer === undefined) info.pointer = info.parent ? joinPointer(pointerOf(info.parent), info.key) : '';
  return info.pointer;
}

function keyOffset(info: NodeInfo, key: string): number | undefined {
  const flat = info.keyOffsets;
  if (!flat) return undefined;
  if (flat.length > 32) {
    if (!info.keyIndex) {
      info.keyIndex = new Map();
      for (let i = flat.length - 2; i >= 0; i -= 2) info.keyIndex.set(flat[i] as string, flat[i + 1] as number);
    }
    return info.keyIndex.get(key);
  }
  for (let i = 0; i < flat.length; i += 2) if (flat[i] === key) return flat[i + 1] as number;
  return undefined;
}

/** For the parser: registers a node before its members are parsed, so that they can name it as their parent. */
export function registerParsed(node: object, file: SourceFile, parent: object | undefined, key: string, offset: number): NodeInfo {
  const info: NodeInfo = { file, parent: parent && registry.get(parent), key, offset };
  registry.set(node, info);
  return info;
}

export function setOrigin(node: object, origin: Origin, keys?: Map<string, number>): void {
  const info: NodeInfo = { file: origin.file, parent: undefined, key: '', offset: origin.offset, pointer: origin.pointer, origin };
  if (keys) info.keyOffsets = [...keys].flat();
  registry.set(node, info);
}

export function originOf(node: unknown): Origin | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const info = registry.get(node);
  if (!info) return undefined;
  return (info.origin ??= { file: info.file, pointer: pointerOf(info), offset: info.offset });
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
  const offset = keyOffset(info, k) ?? originOf(child)?.offset ?? info.offset;
  return { file: info.file, pointer: joinPointer(pointerOf(info), k), offset };
}

export function escapePointerToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
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
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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
