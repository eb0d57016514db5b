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
// Characters beyond the Basic Multilingual Plane separate too: TypeScript's identifier tables lag behind the
// Unicode of the Node running the generator (a letter added in Unicode 16 would make an invalid name)
const SEPARATOR = /[\p{Pc}\u{10000}-\u{10FFFF}]+/u;
const ID_START = /^\p{ID_Start}/u;

/** PascalCase of the name's words (`"Product Viewed"`, `"product_viewed"` → `ProductViewed`); `''` if none. */
export function pascalCase(name: string): string {
  return words(name)
    // toUpperCase is the same in every locale (Turkish i stays I), and needs no ICU locale lookup per call
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
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
