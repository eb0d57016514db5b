/** The only ways a plan's text reaches the catalogue page: as HTML text or as a quoted attribute value. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a double-quoted attribute: every character HTML gives a meaning escaped. */
export function escapeHtml(s: string): string {
  return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : s;
}

/** A JSON value as text (examples, defaults, enum values), escaped. */
export const jsonText = (v: unknown): string => escapeHtml(JSON.stringify(v) ?? 'undefined');
