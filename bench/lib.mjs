// Small helpers shared by bench/run.mjs and bench/profile.mjs.

// Mirrors generator/model/names.ts; fnOf checks the result against the generated source, so a change there fails loudly.
const words = (name) => name.match(/[\p{L}\p{N}\p{Mn}\p{Mc}]+/gu) ?? [];
export const trackFn = (name) => 'track' + words(name).map((w) => w.charAt(0).toLocaleUpperCase('en-US') + w.slice(1)).join('');

/** The track function of event `name` in the generated client `source`. */
export function fnOf(source, name) {
  const fn = trackFn(name);
  if (!source.includes(`export function ${fn}(`)) throw new Error(`the client has no ${fn} for "${name}": did the naming change?`);
  return fn;
}
