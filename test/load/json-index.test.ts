/**
 * A valid plan is read with JSON.parse and its positions are found in the text on demand (json-parse-fast.ts,
 * json-index.ts); the positioned parser (json-parse.ts) reads every node's position as it goes. Both must name the
 * same offset and pointer for every node and every member.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countKeys } from '../../generator/load/json-index.js';
import { parseJson } from '../../generator/load/json-parse.js';
import { parseJsonFast } from '../../generator/load/json-parse-fast.js';
import { parseJsonText } from '../../generator/load/read-json.js';
import { memberOrigin, originOf } from '../../generator/load/source.js';
import { params, runs } from '../property/support/runs.js';
import { CORPUS, corpusSuite } from '../helpers/corpus.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every difference between the positions of the two readings of `text`, as readable lines. */
function differences(text: string): string[] {
  const eager = parseJson({ path: 'p.json', text }).value;
  const fast = parseJsonFast({ path: 'p.json', text });
  if (!fast) return ['the fast reader refused a valid text'];
  const out: string[] = [];
  const walk = (a: unknown, b: unknown): void => {
    if (typeof a !== 'object' || a === null) return;
    const oa = originOf(a)!;
    const ob = originOf(b)!;
    if (oa.pointer !== ob.pointer || oa.offset !== ob.offset)
      out.push(`node ${oa.pointer}@${oa.offset} read as ${ob.pointer}@${ob.offset}`);
    for (const key of Object.keys(a)) {
      const ma = memberOrigin(a, key)!;
      const mb = memberOrigin(b as object, key)!;
      if (ma.pointer !== mb.pointer || ma.offset !== mb.offset)
        out.push(`member ${ma.pointer}@${ma.offset} read as ${mb.pointer}@${mb.offset}`);
      walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
    }
  };
  walk(eager, fast.value);
  return out;
}

describe('positions found on demand', () => {
  it.each([
    [
      'a plan laid out by hand',
      '{\n  "name": "Shop",\n  "events": {\n    "A": { "properties": { "p": { "type": "string", "enum": ["x", "y"] } } }\n  }\n}\n',
    ],
    ['no white space', '{"a":{"b":[1,{"c":true},[null,"d"]],"e":{}},"f":[]}'],
    ['white space everywhere', ' \t\r\n{ "a" :\n[ 1 , { "b" : "c" } ] ,\r\n "d" : { } }\n '],
    ['escapes in keys and values', '{"a\\"b": {"c\\\\": {"x": "\\"}{]["}}, "\\u0041": [{"y": "\\\\"}], "z/~": {}}'],
    ['strings that look like JSON', '{"a": "{\\"b\\": 1}", "c": {"d": "[,:]"}, "e": ["}", "]"]}'],
    ['keys that look like array indexes', '{"1": {"a": 1}, "0": {"b": 2}, "x": {"10": {}, "2": {}}}'],
    ['a key named __proto__', '{"__proto__": {"a": {"b": 1}}, "c": {}}'],
    ['numbers of every shape', '{"a": [-0, 1.5e3, -2E-2, 0.25], "b": {"c": 123456789012345678901234567890}}'],
    ['non-ASCII text', '{"ğüşı": {"名前": {"x": "–"}}, "😀": [{"é": 1}]}'],
    ['a top-level array', '[{"a": 1}, [{"b": 2}], "c"]'],
  ])('%s', (_name, text) => {
    expect(differences(text)).toEqual([]);
  });

  it('the example plans', () => {
    for (const name of ['shop', 'saas']) {
      expect(differences(readFileSync(join(ROOT, 'examples', name, 'plan.json'), 'utf8'))).toEqual([]);
    }
  });

  const corpus = corpusSuite('the fast parser over the corpus', 'every JSON file of ../shared/corpus');
  corpus.it(corpus.title, () => {
    const files: string[] = [];
    const visit = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) visit(p);
        else if (f.endsWith('.json')) files.push(p);
      }
    };
    visit(CORPUS);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!parseJsonFast({ path: file, text })) continue; // not JSON, or needs the positioned parser's diagnostics
      read++;
      expect(differences(text), file).toEqual([]);
    }
    expect(read).toBeGreaterThan(50);
  });

  it('random JSON texts, compact and indented', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const problems = differences(text);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\ntext: ${text}`);
      }),
      params(runs(300)),
    );
  });
});

describe('texts left to the positioned parser', () => {
  it.each([
    ['a duplicate key', '{"a": 1, "b": {"c": 1, "c": 2}}', 'CT002'],
    ['a number too large for a float', '{"a": {"b": 1e400}}', 'CT016'],
    ['a syntax error', '{"a": 1,}', 'CT001'],
    ['nesting deeper than 256 levels', `${'['.repeat(300)}${']'.repeat(300)}`, 'CT001'],
  ])('%s', (_name, text, code) => {
    expect(parseJsonFast({ path: 'p.json', text })).toBeUndefined();
    expect(parseJsonText('p.json', text).diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it('a byte order mark: the positioned parser skips it, and positions count it', () => {
    const read = parseJsonText('p.json', '\ufeff{"a": {"b": 1}}');
    expect(read.diagnostics).toEqual([]);
    expect(memberOrigin(read.value as object, 'a')?.offset).toBe(2);
  });
});

describe('countKeys', () => {
  it.each([
    ['{}', 0],
    ['{"a": 1, "b": {"c": [{"d": null}]}}', 4],
    ['{"a" \n : "b:", "c": "\\"d\\":", "e\\\\": ":"}', 3],
    ['["a", "b", {"c": "d"}]', 1],
    ['{"a": 1, "a": 2}', 2],
  ])('%s has %d', (text, count) => {
    expect(countKeys(text)).toBe(count);
  });
});
