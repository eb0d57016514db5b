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

/** The compiler options of the small apps the bench type-checks against a generated client (tsc, status). */
export const APP_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  lib: ['ES2022', 'DOM'],
  types: [],
};
