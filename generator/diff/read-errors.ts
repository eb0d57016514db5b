/** Which diagnostics of a plan's run keep it from being diffed (`codegen diff` and the library's `diff()`). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Errors that mean the plan, or its transformation policy, was not read as written (a JSON error in one schema of
 * a folder, a `$ref` to nothing, an unknown policy key): the model is built from what was read, and a diff of that
 * would report the unread parts as removed or changed. CleverTap's rules (the other codes) do not stop a diff.
 */
const NOT_READ_AS_WRITTEN = /^CT(0\d\d|60\d)$/;

/** The errors that stop a diff: every error when no plan was built, else those of a plan read only in part. */
export function readErrors<D extends Pick<Diagnostic, 'code' | 'severity'>>(built: boolean, diagnostics: D[]): D[] {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return built ? errors.filter((d) => NOT_READ_AS_WRITTEN.test(d.code)) : errors;
}
