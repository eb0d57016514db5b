/**
 * What a long-lived process (`--watch`) keeps from one generation for the next, so that a one-event edit of a large
 * plan costs about one event's work. Every entry is keyed by a value of the plan as read: an entry is only found
 * again when the part of the plan it was made from is unchanged, so a memo can never change what is generated.
 */
import type { EventNode } from '../model/ir.js';
import type { Written } from '../write/write-files.js';
import type { ReadJson } from '../load/read-json.js';

export interface Memo {
  /** Each file's last read, by path: the same text is not read again, a newer one keeps its unchanged parts. */
  readonly files: Map<string, ReadJson>;
  /** An event's IR by its schema value, for events built without a diagnostic (model/build-plan.ts). */
  readonly events: WeakMap<object, MemoizedEvent>;
  /** The client files this process wrote, with their stat then, so that they are not read back (write/write-files.ts). */
  readonly written: Written;
}

export interface MemoizedEvent {
  event: EventNode;
  /** The `$ref`s its build followed, flat: `[site, ref, target, ...]`; it stands while each still leads there. */
  refs: unknown[];
}

export function newMemo(): Memo {
  return { files: new Map(), events: new WeakMap(), written: new Map() };
}
