/**
 * A JSON parser that records where every object and array came from (see source.ts), reports duplicate keys
 * (JSON.parse silently keeps the last) and never lets a key named `__proto__` touch a prototype.
 */
import { joinPointer, originOf, registerParsed } from './source.js';
import type { SourceFile } from '../core/source-file.js';

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export interface DuplicateKey {
  key: string;
  pointer: string;
  offset: number;
  firstOffset: number;
}

/** A number too large for a 64-bit float (1e400): JSON.parse would silently read Infinity. */
export interface HugeNumber {
  text: string;
  pointer: string;
  offset: number;
}

export interface ParsedJson {
  value: unknown;
  duplicates: DuplicateKey[];
  hugeNumbers: HugeNumber[];
}

/** Deeper than this is no tracking plan; it would only exhaust the stack. */
export const MAX_DEPTH = 256;

// biome-ignore lint/suspicious/noControlCharactersInRegex: a JSON string may not contain U+0000-U+001F raw
const SLOW_STRING = /[\\\u0000-\u001f]/;

export function parseJson(file: SourceFile): ParsedJson {
  const text = file.text;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM is harmless: skip it
  const duplicates: DuplicateKey[] = [];
  const hugeNumbers: HugeNumber[] = [];

  // At the end of the file, the place to show is just after its last character (not a blank last line)
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at >= text.length ? text.trimEnd().length : at);
  };
  /** After a ',': a closing bracket next is a trailing comma, reported at the comma (not on the bracket's line). */
  const noTrailingComma = (comma: number, close: string): void => {
    skipWs();
    if (text[i] === close)
      fail(
        `trailing comma before '${close}': JSON allows no comma after the last ${close === '}' ? 'member' : 'element'}`,
        comma,
      );
  };
  const describe = (at: number): string =>
    at >= text.length ? 'end of file' : `'${text[at] === '\n' ? '\\n' : text[at]}'`;

  const skipWs = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42))
        fail('comments are not allowed in JSON');
      else return;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    // Fast path: no escapes and no control characters before the closing quote
    const end = text.indexOf('"', i);
    if (end > 0) {
      const raw = text.slice(i, end);
      if (!SLOW_STRING.test(raw)) {
        i = end + 1;
        return raw;
      }
    }
    let out = '';
    let chunk = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape in string', i);
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            fail('invalid escape in string', i);
        }
        i += 2;
        chunk = i;
        continue;
      }
      if (Number.isNaN(c) || c === 10) fail('unterminated string (write a line break inside a string as \\n)', start);
      if (c < 32) fail('control character in string (escape it)', i);
      i++;
    }
  };

  const parseNumber = (): number => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const r = m.exec(text);
    if (!r || r[0] === '-') return fail(`unexpected ${describe(i)}`);
    i += r[0].length;
    return Number(r[0]);
  };

  const parseValue = (parent: object | undefined, key: string, depth: number): unknown => {
    skipWs();
    const c = text[i];
    if (c === '{') return parseObject(parent, key, depth);
    if (c === '[') return parseArray(parent, key, depth);
    if (c === '"') return parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const start = i;
      const n = parseNumber();
      if (!Number.isFinite(n)) {
        const base = parent === undefined ? '' : joinPointer(originOf(parent)!.pointer, key);
        hugeNumbers.push({ text: text.slice(start, i), pointer: base, offset: start });
      }
      return n;
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(`unexpected ${describe(i)}: expected a JSON value`);
  };

  const parseObject = (parent: object | undefined, parentKey: string, depth: number): object => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const obj: Record<string, unknown> = {};
    const info = registerParsed(obj, file, parent, parentKey, i);
    const keys: Array<string | number> = [];
    i++;
    skipWs();
    if (text[i] === '}') {
      i++;
    } else {
      for (;;) {
        skipWs();
        if (text[i] !== '"') fail(`unexpected ${describe(i)}: expected a property name in double quotes`);
        const keyOffset = i;
        const key = parseString();
        skipWs();
        if (text[i] !== ':') fail(`unexpected ${describe(i)}: expected ':' after property name`);
        i++;
        const value = parseValue(obj, key, depth + 1);
        if (Object.hasOwn(obj, key)) {
          duplicates.push({
            key,
            pointer: joinPointer(originOf(obj)!.pointer, key),
            offset: keyOffset,
            firstOffset: keys[keys.indexOf(key) + 1] as number,
          });
        } else {
          keys.push(key, keyOffset);
          // defineProperty: plain assignment of "__proto__" would replace the prototype instead of adding a key
          if (key === '__proto__')
            Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
          else obj[key] = value;
        }
        skipWs();
        if (text[i] === ',') {
          noTrailingComma(i++, '}');
          continue;
        }
        if (text[i] === '}') {
          i++;
          break;
        }
        fail(`unexpected ${describe(i)}: expected ',' or '}'`);
      }
    }
    info.keyOffsets = keys;
    return obj;
  };

  const parseArray = (parent: object | undefined, parentKey: string, depth: number): unknown[] => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const arr: unknown[] = [];
    const info = registerParsed(arr, file, parent, parentKey, i);
    const keys: Array<string | number> = [];
    i++;
    skipWs();
    if (text[i] === ']') {
      i++;
    } else {
      for (;;) {
        skipWs();
        keys.push(String(arr.length), i);
        arr.push(parseValue(arr, String(arr.length), depth + 1));
        skipWs();
        if (text[i] === ',') {
          noTrailingComma(i++, ']');
          continue;
        }
        if (text[i] === ']') {
          i++;
          break;
        }
        fail(`unexpected ${describe(i)}: expected ',' or ']'`);
      }
    }
    info.keyOffsets = keys;
    return arr;
  };

  skipWs();
  if (i >= text.length) fail('the file is empty');
  const value = parseValue(undefined, '', 0);
  skipWs();
  if (i < text.length) fail(`unexpected ${describe(i)} after the JSON value`);
  return { value, duplicates, hugeNumbers };
}
