/**
 * Text arbitraries: names and keys drawn from everything CleverTap allows (unicode, emoji, punctuation that means
 * something to JavaScript, line separators, lone surrogates), and hostile free text for descriptions.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { PROHIBITED_CHARACTERS, RESERVED_PREFIX, RESTRICTED_EVENTS } from '../../../generator/clevertap/facts.js';

export const PROHIBITED = new Set<string>(PROHIBITED_CHARACTERS);

/** Fragments that mean something to JavaScript, TypeScript, JSDoc or a text editor (none of them prohibited). */
export const NAME_BITS = [
  '*/',
  '/*',
  '/**',
  '//',
  '`',
  '{}',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '#',
  '@',
  '-',
  '_',
  '/',
  '*',
  '?',
  '^',
  '~',
  '|',
  ';',
  ',',
  '+',
  '=',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u202e',
  '\ufeff',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0301',
  '\u0308',
  '\ud800',
  '\udfff',
  '@param',
  '@type {x}',
  '{@link x}',
  '<',
  '>', // < and > are prohibited: they are filtered out again, exercising the filter
];

/** Words: JavaScript's own names, other scripts, emoji, digits and number-ish letters. */
export const NAME_WORDS = [
  'Product',
  'Viewed',
  'order',
  'delete',
  'class',
  'default',
  'new',
  'function',
  'return',
  'let',
  'await',
  'yield',
  'enum',
  'interface',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'then',
  'undefined',
  'NaN',
  'Infinity',
  'null',
  'true',
  'track',
  'init',
  'identify',
  'Rules',
  'CleverTapScalar',
  'Items',
  'ürün',
  'Ürün',
  'İstanbul',
  'straße',
  'ǅemal',
  'Ωmega',
  'ﬀ',
  '名前',
  '注文',
  'مرحبا',
  'שלום',
  'हिन्दी',
  'ไทย',
  'Ελλάδα',
  'Кириллица',
  '한국어',
  'ᚠᚢᚦ',
  '𝒜𝓁𝓅𝒽𝒶',
  '𐐷',
  '👍',
  '👍🏽',
  '👨‍👩‍👧',
  '🏳️‍🌈',
  '🎉',
  'é',
  'e\u0301',
  'a\u0308',
  'x',
  'Z',
  '0',
  '7',
  '42',
  '3D',
  '٣',
  '१२',
  'Ⅻ',
];

const ARB_PIECE = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAME_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...NAME_BITS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }) },
);

export const stripProhibited = (s: string): string => [...s].filter((c) => !PROHIBITED.has(c)).join('');

/** A name made of pieces, prohibited characters removed, trimmed, at most `max` UTF-16 units (maybe exactly `max`). */
function rawName(max: number): fc.Arbitrary<string> {
  const short = fc.array(ARB_PIECE, { minLength: 1, maxLength: 6 }).map((ps) => ps.join(''));
  const long = fc.array(ARB_PIECE, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('').repeat(200));
  return fc
    .oneof({ weight: 9, arbitrary: short }, { weight: 1, arbitrary: long })
    .map((s) => stripProhibited(s).trim().slice(0, max).trim())
    .filter((s) => s.length > 0);
}

/** The same fold as the checker: trimmed, lower case. */
export const fold = (s: string): string => s.trim().toLowerCase();

const RESTRICTED = new Set(RESTRICTED_EVENTS.map((n) => n.toLowerCase()));

/** What CleverTap allows as a property key (and a trait key): no prohibited characters, no outer whitespace, ≤ 120, not wzrk_. */
export const isValidKey = (s: string): boolean =>
  s.length > 0 &&
  s.length <= 120 &&
  s === s.trim() &&
  ![...s].some((c) => PROHIBITED.has(c)) &&
  !fold(s).startsWith(RESERVED_PREFIX);

export const keyArb: fc.Arbitrary<string> = rawName(120).filter(isValidKey);

/** An event name: a valid key that is no system event, not any spelling of Charged, and has a word to name a function after. */
export const eventNameArb: fc.Arbitrary<string> = rawName(120).filter(
  (s) => isValidKey(s) && !RESTRICTED.has(fold(s)) && fold(s) !== 'charged' && /[\p{L}\p{N}]/u.test(s),
);

/** Whether TypeScript reads `s` as one identifier (its own Unicode tables, which can be older than Node's). */
export function isIdentifier(s: string): boolean {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  return (
    cps.length > 0 &&
    ts.isIdentifierStart(cps[0]!, ts.ScriptTarget.ES2022) &&
    cps.every((c) => ts.isIdentifierPart(c, ts.ScriptTarget.ES2022))
  );
}

/** Free text for descriptions, titles and examples: everything, with the fragments that could end a comment or a string. */
export const HOSTILE_TEXT_BITS = [
  '*/',
  '/*',
  '/**',
  '*/ export const pwned = 1; /*',
  '<!--',
  '-->',
  '`',
  '${',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: `${` is hostile text, not a template
  '${}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: `${` is hostile text, not a template
  '${process.exit(1)}',
  '}',
  '\u2028',
  '\u2029',
  '"',
  "'",
  '\\',
  '\\u002a/',
  '*\\/',
  '\n',
  '\r',
  '\r\n',
  '\n */\n',
  ' * ',
  '@param x',
  '@deprecated',
  '@example',
  '{@link https://x}',
  '</script>',
  '\u0000',
  '\u0007',
  '\u000b',
  '\u000c',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udc00',
  '\ufeff',
  '\u202e',
  '// ',
  '#!',
  '\t',
  '   ',
];

export const textArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT_BITS) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      { weight: 1, arbitrary: fc.constantFrom(...NAME_WORDS) },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((ps) => ps.join(''));

/** A JSON value that may carry hostile strings anywhere (for examples and defaults). */
export const jsonWithTextArb: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { maxDepth: 2 },
    textArb,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(textArb, tie('v'), { maxKeys: 3 }),
  ),
})).v;
