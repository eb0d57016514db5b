// Small helpers shared by bench/run.mjs and bench/profile.mjs (both run after `npm run build`).
import { trackFunctionName } from '../dist/model/names.js';

/** The track function of event `name` in the generated client `source`. */
export function fnOf(source, name) {
  const fn = trackFunctionName(name);
  // `fn<T extends …>(` since calls take exact keys (issue 11), `fn(` for an event without properties
  if (!source.includes(`export function ${fn}(`) && !source.includes(`export function ${fn}<`))
    throw new Error(`the client has no ${fn} for "${name}"`);
  return fn;
}
