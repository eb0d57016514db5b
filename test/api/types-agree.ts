// The library API declares its own types (so that dist/api.d.ts stands alone); this file, type-checked by
// `npm run typecheck`, fails when they drift from the generator's own.
import type * as api from '../../generator/api.js';
import type { ChangeKind } from '../../generator/diff/diff-plans.js';
import type { JsonChange } from '../../generator/diff/format-changes.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T | undefined => undefined;

export const checks = [agree<Same<api.ChangeKind, ChangeKind>>(), agree<Same<api.Change, JsonChange>>()];
