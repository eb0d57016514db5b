/** The only ways a plan's text reaches generated code: as a string literal, a property key or a comment. */
import { isPlainKey } from '../model/names.js';

/** A TypeScript string literal. JSON.stringify plus the two line separators older tools choke on. */
export function stringLiteral(s: string): string {
  return escapeLineSeparators(JSON.stringify(s));
}

/**
 * JSON text with U+2028 and U+2029 escaped. They are rare: two substring searches say whether to replace
 * (cheaper than a regex, for the many short strings and for the megabyte of rules alike).
 */
function escapeLineSeparators(json: string): string {
  return json.includes('\u2028') || json.includes('\u2029')
    ? json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
    : json;
}

/** A property key in a type or object literal: bare when a plain ASCII identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  // `__proto__` as a bare key in an object literal sets the prototype; quoted in a type it is just a key
  return isPlainKey(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/** Whatever commentText would change (CR, a line separator, `*\/`, a control character): most text has none. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: a comment must not hold control characters
const COMMENT_UNSAFE = /[\r\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\*\//;

/** Text for a block comment: `*\/` cannot end it, and no line break escapes into code. */
export function commentText(s: string): string {
  if (!COMMENT_UNSAFE.test(s)) return s;
  return s
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: escapes the control characters COMMENT_UNSAFE found
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/** Text for a single-line `//` comment. */
export function lineCommentText(s: string): string {
  return commentText(s).replace(/\n/g, ' ');
}

/** A JSDoc block from lines (already plain text), indented; '' when there is nothing to say. */
export function jsdoc(lines: string[], indent = ''): string {
  if (lines.length === 0) return '';
  const body: string[] = [];
  for (const line of lines) {
    const text = commentText(line);
    if (text.includes('\n')) body.push(...text.split('\n'));
    else body.push(text);
  }
  while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
  if (body.length === 0) return '';
  let out = `${indent}/**\n`;
  for (const l of body) out += l === '' ? `${indent} *\n` : `${indent} * ${l}\n`;
  return `${out}${indent} */\n`;
}

/** A JSON value as a TypeScript literal (for examples and defaults in docs, and literal types). */
export function jsonLiteral(v: unknown): string {
  return escapeLineSeparators(JSON.stringify(v) ?? 'undefined');
}
