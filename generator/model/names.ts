/** Identifiers of the generated client, derived from plan names. */

/**
 * The words of a name: runs of characters an identifier may continue with (letters, digits and marks of any
 * script, as Unicode's ID_Continue says); everything else, and connectors such as `_`, separates.
 */
export function words(name: string): string[] {
  return (name.match(WORD) ?? []).flatMap((w) => w.split(SEPARATOR)).filter((w) => w !== '');
}

// Built once: the bundler turns these literals into `new RegExp(...)` calls, which would otherwise run per name
const WORD = /\p{ID_Continue}+/gu;
// TypeScript's identifier tables lag behind the Unicode of the Node running the generator, so characters it may not
// know separate too: everything beyond the Basic Multilingual Plane, and the BMP identifier characters that
// TypeScript 5.0 (the oldest version supported) rejects (Unicode 15.1 to 17 additions, ZWNJ/ZWJ, the katakana middle
// dots), listed by test/model/types.test.ts against typescript-5.0's own scanner.
const SEPARATOR =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: ZWNJ and ZWJ are listed alone on purpose (TypeScript 5.0 rejects them in identifiers)
  /[\p{Pc}\u{10000}-\u{10FFFF}\u0870-\u0887\u0889-\u088f\u0897-\u089f\u08b5\u08be-\u08d2\u0b55\u0c3c\u0c5c\u0c5d\u0cdc\u0cdd\u0cf3\u0d04\u0d81\u0ece\u170d\u1715\u171f\u180f\u1abf-\u1add\u1ae0-\u1aeb\u1b4c\u1c89\u1c8a\u1dfa\u200c\u200d\u2c2f\u2c5f\u30fb\u31bb-\u31bf\u4db6-\u4dbf\u9ff0-\u9fff\ua7c0\ua7c1\ua7c7-\ua7dc\ua7f1-\ua7f6\ua82c\uab68\uab69\uff65]+/u;
const ID_START = /^\p{ID_Start}/u;

/** PascalCase of the name's words (`"Product Viewed"`, `"product_viewed"` → `ProductViewed`); `''` if none. */
export function pascalCase(name: string): string {
  return (
    words(name)
      // toUpperCase is the same in every locale (Turkish i stays I), and needs no ICU locale lookup per call
      .map((w) => upperFirst(w))
      .join('')
  );
}

/** The word with its first letter upper-cased, unless the capital is a letter TypeScript 5.0 does not know (ƛ → U+A7DC). */
function upperFirst(w: string): string {
  const up = w.charAt(0).toUpperCase();
  return (SEPARATOR.test(up) ? w.charAt(0) : up) + w.slice(1);
}

/** `track` + PascalCase, or `''` when the name yields no identifier (a CT110 error). */
export function trackFunctionName(eventName: string): string {
  const p = pascalCase(eventName);
  return p === '' ? '' : 'track' + p;
}

export function propertiesTypeName(eventName: string): string {
  const p = pascalCase(eventName);
  if (p === '') return '';
  // A type name cannot start with a digit (`"3D View"`); `_` cannot collide with a PascalCase name
  return (ID_START.test(p) ? '' : '_') + p + 'Properties';
}

/** Whether `name` can be written unquoted as a property key (ASCII identifiers only: simpler to read and diff). */
export function isPlainKey(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}
