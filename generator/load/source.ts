/** A file the plan was read from, and where each JSON node in it came from. */
// json-index.ts imports offsetOf from here: the cycle is safe, as neither module calls the other while loading
import { findMembers } from './json-index.js';
import type { Origin, SourceFile } from '../core/source-file.js';

/**
 * What the registry knows of one object or array. Nodes record their parent and key and work out their pointer
 * (and, for files read with JSON.parse, their offsets) only when asked: most nodes of a large plan are never named
 * in a diagnostic.
 */
export interface NodeInfo {
  /**
   * The file, on the info of a tree's top node only (a file's root, an importer's node); the others take it from
   * their parent (fileOf). So an info kept across reads of a file (rehome) never holds an older text alive.
   */
  file: SourceFile | undefined;
  parent: NodeInfo | undefined;
  key: string;
  /** -1 until found (files read with JSON.parse). */
  offset: number;
  /** The read of its file that the positions here (offset, keyOffsets, valueOffsets, keyIndex) are for (`current`). */
  stamp: number;
  pointer?: string;
  /** Member keys and the offsets of their key tokens (of the values, in arrays), flat: [key, offset, key, offset, ...]. */
  keyOffsets?: Array<string | number> | undefined;
  /** The offset of each member's value, in the order of keyOffsets (members found on demand only). */
  valueOffsets?: number[] | undefined;
  keyIndex?: Map<string, number> | undefined;
  /** Whole origins of members, for objects built by an importer from another file's nodes. */
  members?: Map<string, Origin>;
  origin?: Origin;
}

const registry = new WeakMap<object, NodeInfo>();

function pointerOf(info: NodeInfo): string {
  if (info.pointer === undefined) info.pointer = info.parent ? joinPointer(pointerOf(info.parent), info.key) : '';
  return info.pointer;
}

/** Members in keyOffsets order, found in the text first when they are found on demand. */
function membersOf(info: NodeInfo): Array<string | number> | undefined {
  current(info);
  if (!info.keyOffsets && fileOf(info).offsetsOnDemand) findMembers(info);
  return info.keyOffsets;
}

/** The index of `key` among the node's members (a pair index into keyOffsets), or -1. */
function memberIndex(info: NodeInfo, key: string): number {
  const flat = membersOf(info);
  if (!flat) return -1;
  if (flat.length > 32) {
    if (!info.keyIndex) {
      info.keyIndex = new Map();
      for (let i = flat.length - 2; i >= 0; i -= 2) info.keyIndex.set(flat[i] as string, i >> 1);
    }
    return info.keyIndex.get(key) ?? -1;
  }
  for (let i = 0; i < flat.length; i += 2) if (flat[i] === key) return i >> 1;
  return -1;
}

function keyOffset(info: NodeInfo, key: string): number | undefined {
  const at = memberIndex(info, key);
  return at < 0 ? undefined : (info.keyOffsets![2 * at + 1] as number);
}

/** The offset of the node's value (its `{` or `[`). */
export function offsetOf(info: NodeInfo): number {
  current(info);
  if (info.offset < 0) {
    const parent = info.parent;
    if (!parent) {
      const text = fileOf(info).text;
      info.offset = text.length - text.trimStart().length;
    } else {
      const at = memberIndex(parent, info.key);
      info.offset = at < 0 ? offsetOf(parent) : parent.valueOffsets![at]!;
    }
  }
  return info.offset;
}

/** For the parser: registers a node before its members are parsed, so that they can name it as their parent. */
export function registerParsed(
  node: object,
  file: SourceFile,
  parent: object | undefined,
  key: string,
  offset: number,
): NodeInfo {
  const parentInfo = parent && registry.get(parent);
  const info: NodeInfo = { file: parentInfo ? undefined : file, parent: parentInfo, key, offset, stamp: stampOf(file) };
  registry.set(node, info);
  return info;
}

/**
 * A node of an earlier read of the same file, kept for a read of a newer text (json-parse-fast.ts, `previous`): its
 * info now stands for the same path in `file`, where its offsets are found when asked. The nodes below it follow
 * when next asked (`current`), so keeping a large subtree costs nothing until a diagnostic names a place in it.
 * Origins handed out before follow too, as they read the info. Undefined when the node was never registered.
 */
export function rehome(node: object, file: SourceFile, parent: NodeInfo | undefined): NodeInfo | undefined {
  const info = registry.get(node);
  if (!info || info.members) return undefined;
  if (parent) info.parent = parent;
  else info.file = file;
  forget(info);
  return info;
}

/** Drops the positions found in an older text. */
function forget(info: NodeInfo): void {
  info.stamp = 0;
  info.offset = -1;
  info.keyOffsets = undefined;
  info.valueOffsets = undefined;
  info.keyIndex = undefined;
}

/** The file a node was read from: its own info's, or its nearest ancestor's. */
export function fileOf(info: NodeInfo): SourceFile {
  let at = info;
  while (!at.file) at = at.parent!;
  return at.file;
}

const stamps = new WeakMap<SourceFile, number>();
let lastStamp = 0;

/** A number for each SourceFile (each read of a file), never 0: what `stamp` compares. */
function stampOf(file: SourceFile): number {
  let stamp = stamps.get(file);
  if (stamp === undefined) {
    stamp = ++lastStamp;
    stamps.set(file, stamp);
  }
  return stamp;
}

/** The info, its positions dropped first if they were found in another read of its file than its tree's now. */
function current(info: NodeInfo): NodeInfo {
  const stamp = stampOf(fileOf(info));
  if (info.stamp !== stamp) {
    forget(info);
    info.stamp = stamp;
  }
  return info;
}

/** Registers `node` under an info that stood for another node (rehome): the same path in a newer text. */
export function registerAs(node: object, info: NodeInfo): void {
  registry.set(node, info);
}

/** For a file read with JSON.parse: registers a node whose offsets are found when asked. */
export function registerOnDemand(node: object, file: SourceFile, parent: NodeInfo | undefined, key: string): NodeInfo {
  // No positions yet: the stamp is set when they are first found (current)
  const info: NodeInfo = { file: parent ? undefined : file, parent, key, offset: -1, stamp: 0 };
  registry.set(node, info);
  return info;
}

export function setOrigin(node: object, origin: Origin, keys?: Map<string, number>): void {
  const info: NodeInfo = {
    file: origin.file,
    parent: undefined,
    key: '',
    offset: origin.offset,
    stamp: stampOf(origin.file),
    pointer: origin.pointer,
    origin,
  };
  if (keys) info.keyOffsets = [...keys].flat();
  registry.set(node, info);
}

/** The origin of a node: its pointer and offset are worked out when first read. */
class NodeOrigin implements Origin {
  constructor(private readonly info: NodeInfo) {}
  /** Read from the node's info, which a later read of the same file may move to the new text (rehome). */
  get file(): SourceFile {
    return fileOf(this.info);
  }
  get pointer(): string {
    return pointerOf(this.info);
  }
  get offset(): number {
    return offsetOf(this.info);
  }
}

/** The origin of `node[key]`, the position of the key in the source text; worked out when first read. */
class MemberOrigin implements Origin {
  private foundPointer: string | undefined;
  constructor(
    private readonly info: NodeInfo,
    private readonly node: object,
    private readonly key: string,
  ) {}
  get file(): SourceFile {
    return fileOf(this.info);
  }
  get pointer(): string {
    this.foundPointer ??= joinPointer(pointerOf(this.info), this.key);
    return this.foundPointer;
  }
  get offset(): number {
    const child = (this.node as Record<string, unknown>)[this.key];
    return keyOffset(this.info, this.key) ?? originOf(child)?.offset ?? offsetOf(this.info);
  }
}

export function originOf(node: unknown): Origin | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const info = registry.get(node);
  if (!info) return undefined;
  info.origin ??= new NodeOrigin(info);
  return info.origin;
}

/** Says that `node[key]` came from `origin` (an importer maps a converted member back to the original file). */
export function setMemberOrigin(node: object, key: string, origin: Origin): void {
  const info = registry.get(node);
  if (!info) throw new Error('internal: setMemberOrigin before setOrigin');
  info.members ??= new Map();
  info.members.set(key, origin);
}

/** The origin of `node[key]`: the position of the key in the source text. */
export function memberOrigin(node: object, key: string | number): Origin | undefined {
  const info = registry.get(node);
  if (!info) return undefined;
  const k = typeof key === 'string' ? key : String(key);
  return info.members?.get(k) ?? new MemberOrigin(info, node, k);
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
