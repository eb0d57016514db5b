/** Identifiers of the generated client, derived from plan names. */

/** The words of a name: runs of letters and digits (any script); everything else separates. */
export function words(name: string): string[] {
  return name.match(/[\p{L}\p{N}\p{Mn}\p{Mc}]+/gu) ?? [];
}

/** PascalCase of the name's words (`"Product Viewed"`, `"product_viewed"` → `ProductViewed`); `''` if none. */
export function pascalCase(name: string): string {
  return words(name)
    .map((w) => w.charAt(0).toLocaleUpperCase('en-US') + w.slice(1))
    .join('');
}

/** `track` + PascalCase, or `''` when the name yields no identifier (a CT110 error). */
export function trackFunctionName(eventName: string): string {
  const p = pascalCase(eventName);
  return p === '' ? '' : 'track' + p;
}

export function propertiesTypeName(eventName: string): string {
  const p = pascalCase(eventName);
  return p === '' ? '' : p + 'Properties';
}

/** Whether `name` can be written unquoted as a property key (ASCII identifiers only: simpler to read and diff). */
export function isPlainKey(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}
