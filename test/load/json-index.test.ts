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
  const fast = parseJsonFast({ path: 'p.json', text });
  if (!fast) return ['the fast reader refused a valid text'];
  return positionDifferences(text, fast.value);
}

/** Every difference between the positions the positioned parser finds in `text` and those of `value`'s nodes. */
function positionDifferences(text: string, value: unknown): string[] {
  const eager = parseJson({ path: 'p.json', text }).value;
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
  walk(eager, value);
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

describe('a newer text read with the nodes of an earlier read kept (--watch)', () => {
  /** Every origin of every node and member of `value`, by pointer, asked for now (so they are worked out now). */
  const originsOf = (value: unknown): Array<[object, string | undefined, { pointer: string; offset: number }]> => {
    const out: Array<[object, string | undefined, { pointer: string; offset: number }]> = [];
    const walk = (v: unknown): void => {
      if (typeof v !== 'object' || v === null) return;
      out.push([v, undefined, originOf(v)!]);
      for (const k of Object.keys(v)) {
        out.push([v, k, memberOrigin(v, k)!]);
        walk((v as Record<string, unknown>)[k]);
      }
    };
    walk(value);
    return out;
  };
  const prototypesUntouched = (v: unknown): boolean =>
    typeof v !== 'object' ||
    v === null ||
    (Object.getPrototypeOf(v) === (Array.isArray(v) ? Array.prototype : Object.prototype) &&
      Object.values(v).every(prototypesUntouched));

  it("the value is the newer text's, its positions are, and so are those handed out for kept nodes before", () => {
    const member = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', '__proto__', 'events', 'x y'), member, { maxKeys: 4 }),
        fc.dictionary(fc.constantFrom('E1', 'E2', 'E3', '__proto__'), member, { maxKeys: 4 }),
        fc.dictionary(fc.constantFrom('E1', 'E2', 'E4', '__proto__'), member, { maxKeys: 4 }),
        fc.constantFrom(0, 1, 2, '\t'),
        fc.nat({ max: 3 }),
        (top, before, after, indent, pad) => {
          const textA = JSON.stringify({ ...top, events: before }, null, 2);
          const kept = { ...before };
          for (const [k, v] of Object.entries(after)) if (k !== 'E1') kept[k] = v;
          const textB = `${'\n'.repeat(pad)}${JSON.stringify({ ...top, events: kept }, null, indent)}`;
          const first = parseJsonFast({ path: 'p.json', text: textA })!.value;
          const handedOut = originsOf(first);
          const second = parseJsonFast({ path: 'p.json', text: textB }, first)!.value;
          expect(JSON.stringify(second)).toBe(JSON.stringify(JSON.parse(textB)));
          expect(prototypesUntouched(second)).toBe(true);
          expect(positionDifferences(textB, second)).toEqual([]);
          // An origin handed out before for a node that is still in the value now names its place in textB
          const now = new Map(originsOf(second).map(([node, key, o]) => [`${o.pointer}|${key ?? ''}`, { node, o }]));
          for (const [node, key, o] of handedOut) {
            const same = now.get(`${o.pointer}|${key ?? ''}`);
            if (same?.node !== node) continue;
            expect({ pointer: o.pointer, offset: o.offset }, o.pointer).toEqual({
              pointer: same.o.pointer,
              offset: same.o.offset,
            });
          }
        },
      ),
      params(runs(300)),
    );
  });

  it('keeps an unchanged event as the very same object, and a changed one not; "__proto__" stays an own key', () => {
    type Plan = { events: Record<string, unknown> };
    const read = (text: string, previous?: unknown): Plan =>
      parseJsonFast({ path: 'p.json', text }, previous)!.value as Plan;
    const a = read('{"events": {"A": {"p": 1}, "B": {"q": [1]}, "__proto__": {"r": 1}}}');
    const b = read('{\n"events": {"A": {"p": 2}, "B": {"q": [1]}, "__proto__": {"r": 1}}}', a);
    expect(b.events.B).toBe(a.events.B);
    expect(Object.getOwnPropertyDescriptor(b.events, '__proto__')?.value).toBe(
      Object.getOwnPropertyDescriptor(a.events, '__proto__')?.value,
    );
    expect(Object.getPrototypeOf(b.events)).toBe(Object.prototype);
    expect(b.events.A).not.toBe(a.events.A);
    expect(b).not.toBe(a);
    const c = read('{"events":{"A":{"p":2},"B":{"q":[1]},"__proto__":{"r":1}}}', b);
    expect(c).toBe(b);
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
