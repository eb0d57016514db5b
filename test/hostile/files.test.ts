/**
 * Hostile plan files: not an object, a BOM, other encodings, duplicate keys (JSON.parse would silently keep the
 * last), JSON that is not quite JSON, and a 50 MB plan. Each is a clear, located error or a working client.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { brief } from '../helpers/plan.js';
import { codesOf, compileProblems, expectClear, outcomeOfText, planJson, workingClient } from './support.js';
import { removeScratch, scratchFile } from '../property/support/harness.js';

afterAll(removeScratch);

const minimal = {
  name: 'Files',
  events: { 'App Opened': {}, 'Item Viewed': { properties: { sku: { type: 'string' } } } },
};

describe('a plan that is not an object', () => {
  it.each([
    ['an array', '[{"name": "x", "events": {}}]'],
    ['a string', '"name"'],
    ['a number', '42'],
    ['true', 'true'],
    ['null', 'null'],
    ['an empty array', '[]'],
  ])('%s is an error at 1:1', (_, text) => {
    expect(codesOf(text)).toEqual(['1:1 error CT003']);
  });

  it.each([
    ['an empty file', ''],
    ['only whitespace', ' \n\t\r\n '],
    ['only a BOM', '\ufeff'],
  ])('%s is a clear syntax error', (_, text) => {
    const outcome = outcomeOfText(text);
    expect(outcome.kind === 'error' && outcome.errors.map((d) => d.code)).toEqual(['CT001']);
    if (outcome.kind === 'error') expectClear(outcome.errors);
  });
});

describe('byte order marks and encodings', () => {
  it('a UTF-8 BOM before the plan is ignored: the client works', async () => {
    const outcome = outcomeOfText('\ufeff' + planJson(minimal));
    expect(outcome.kind).toBe('client');
    // the same client as without the BOM, which is checked in full
    if (outcome.kind === 'client') expect(outcome.client.source).toBe(generatedSource(planJson(minimal)));
    await workingClient(minimal);
  });

  it('a BOM in the middle of the plan is a syntax error at its place', () => {
    const text = '{\n  "name": "Files",\ufeff\n  "events": {}\n}\n';
    expect(codesOf(text)).toEqual(['2:19 error CT001']);
  });

  it('two BOMs are a syntax error', () => {
    expect(codesOf('\ufeff\ufeff' + planJson(minimal))).toEqual(['1:2 error CT001']);
  });

  it('a UTF-16 file (with its BOM) is a clear error, not a garbled client', () => {
    const outcome = outcomeOfText(Buffer.from('\ufeff' + planJson(minimal), 'utf16le'));
    expect(outcome.kind).toBe('error');
    if (outcome.kind === 'error') expectClear(outcome.errors);
  });

  it('invalid UTF-8 bytes in a name are a clear error or are sent exactly as read', () => {
    const text = Buffer.concat([
      Buffer.from('{"name": "Files", "events": {"Bad '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' Event": {}}}'),
    ]);
    const outcome = outcomeOfText(text);
    if (outcome.kind === 'error') expectClear(outcome.errors);
    else expect(outcome.client.plan.events.map((e) => e.name)).toEqual(['Bad \ufffd\ufffd\ufffd Event']);
  });
});

describe('duplicate keys (JSON.parse would silently keep the last)', () => {
  const cases: Array<[string, string, string[]]> = [
    ["the plan's name twice", '{\n  "name": "A",\n  "name": "B",\n  "events": {}\n}\n', ['3:3 error CT002']],
    [
      'an event twice',
      '{\n  "name": "A",\n  "events": {\n    "E": {},\n    "E": {"description": "second"}\n  }\n}\n',
      ['5:5 error CT002'],
    ],
    [
      'a property twice',
      '{\n  "name": "A",\n  "events": {\n    "E": {"properties": {\n      "p": {"type": "string"},\n      "p": {"type": "number"}\n    }}\n  }\n}\n',
      ['6:7 error CT002'],
    ],
    [
      'a keyword twice in one schema',
      '{\n  "name": "A",\n  "events": {\n    "E": {"properties": {\n      "p": {"type": "string", "type": "number"}\n    }}\n  }\n}\n',
      ['5:31 error CT002'],
    ],
    [
      'keys equal once unescaped ("a" and "\\u0061")',
      '{\n  "name": "A",\n  "events": {\n    "a": {},\n    "\\u0061": {}\n  }\n}\n',
      ['5:5 error CT002'],
    ],
    [
      '__proto__ twice',
      '{\n  "name": "A",\n  "events": {\n    "__proto__": {},\n    "__proto__": {}\n  }\n}\n',
      ['5:5 error CT002'],
    ],
    [
      'a $defs entry twice',
      '{\n  "name": "A",\n  "events": {},\n  "$defs": {\n    "X": {"type": "string"},\n    "X": {"type": "object"}\n  }\n}\n',
      ['6:5 error CT002'],
    ],
    [
      'three times: the second and the third are reported',
      '{\n  "name": "A",\n  "name": "B",\n  "name": "C",\n  "events": {}\n}\n',
      ['3:3 error CT002', '4:3 error CT002'],
    ],
    [
      'a key twice inside an example value',
      '{\n  "name": "A",\n  "events": {"E": {"examples": [{"k": 1, "k": 2}]}}\n}\n',
      ['3:42 error CT002'],
    ],
  ];
  it.each(cases)('%s is an error at the repeated key', (_, text, want) => {
    expect(codesOf(text).filter((c) => c.endsWith('CT002'))).toEqual(want);
    expect(outcomeOfText(text).kind).toBe('error');
  });
});

describe('text that is almost JSON', () => {
  it.each([
    ['a comment', '{\n  // the plan\n  "name": "A", "events": {}\n}', '2:3'],
    ['a block comment', '{ /* */ "name": "A", "events": {} }', '1:3'],
    ['a trailing comma', '{"name": "A", "events": {},}', '1:27'],
    ['single quotes', "{'name': 'A', 'events': {}}", '1:2'],
    ['NaN', '{"name": "A", "events": {"E": {"properties": {"p": {"type": "number", "maximum": NaN}}}}}', '1:82'],
    ['a raw line break in a string', '{"name": "A\nB", "events": {}}', '1:10'],
    ['a raw tab in a string', '{"name": "A\tB", "events": {}}', '1:12'],
    ['an invalid escape', '{"name": "A\\x41", "events": {}}', '1:12'],
    ['a short \\u escape', '{"name": "A\\u41", "events": {}}', '1:12'],
    ['text after the plan', '{"name": "A", "events": {}} {"name": "B"}', '1:29'],
    ['an unterminated plan', '{"name": "A", "events": {', '1:26'],
  ])('%s is a syntax error at its place', (_, text, at) => {
    expect(codesOf(text)).toEqual([`${at} error CT001`]);
  });

  it.each([
    ['an enum', '"enum": [1e400, 1]'],
    ['a const', '"const": -1e400'],
  ])('a number too large for a double (1e400) in %s is an error or a client that compiles', (_, keyword) => {
    const text = `{"name": "A", "events": {"E": {"properties": {"p": {"type": "number", ${keyword}}}}}}`;
    const outcome = outcomeOfText(text);
    if (outcome.kind === 'error') return expectClear(outcome.errors);
    expect(compileProblems(outcome.client)).toBe('');
  });

  it('a bound too large for a double (maximum 1e400) is an error or a warning, not silently dropped', () => {
    const outcome = outcomeOfText(
      '{"name": "A", "events": {"E": {"properties": {"p": {"type": "number", "maximum": 1e400}}}}}',
    );
    expect(outcome.diagnostics.map((d) => d.origin?.pointer)).toContainEqual(
      expect.stringMatching(/^\/events\/E\/properties\/p/),
    );
  });
});

function generatedSource(text: string): string {
  const path = scratchFile('.json');
  writeFileSync(path, text);
  return generate(path).files.find((f) => f.path === 'index.ts')!.content;
}

describe('a 50 MB plan', () => {
  /** Runs the pipeline on `text`, reporting time and memory. */
  function measured(text: string, label: string) {
    global.gc?.();
    const before = process.memoryUsage();
    const started = performance.now();
    const outcome = outcomeOfText(text);
    const ms = performance.now() - started;
    const after = process.memoryUsage();
    console.info(
      `${label}: ${(text.length / 1e6).toFixed(1)} M characters in ${(ms / 1000).toFixed(2)} s; ` +
        `heap ${((after.heapUsed - before.heapUsed) / 1e6).toFixed(0)} MB more, rss ${(after.rss / 1e6).toFixed(0)} MB; ${outcome.kind}` +
        (outcome.kind === 'error'
          ? ` (${[...new Set(outcome.errors.map((d) => d.code))].join(', ')})`
          : ` (${outcome.client.files.map((f) => `${f.path} ${(f.content.length / 1e6).toFixed(1)} MB`).join(', ')})`),
    );
    return { outcome, ms };
  }

  it('500 events with 50 KB descriptions full of */ and U+2028: a client with every event, descriptions inside comments', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax as hostile text
    const description = 'Hostile */ text \u2028 with `${x}` and <!-- -->. '.repeat(1_200).slice(0, 52_000);
    const events: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++)
      events[`Event ${i}`] = { description, properties: { [`key ${i}`]: { type: 'string', description } } };
    const text = planJson({ name: 'Big', events });
    expect(text.length).toBeGreaterThan(50_000_000);
    const { outcome } = measured(text, '500 events x 2 x 50 KB');
    expect(outcome.kind).toBe('client');
    if (outcome.kind !== 'client') return;
    const source = outcome.client.source;
    // every event's function, and no description outside a comment: the only `*/` are the comments' own ends
    // (`trackEventN<T extends …>(` for an event with properties: its keys are exact)
    for (let i = 0; i < 500; i++)
      expect(
        source.includes(`export function trackEvent${i}<`) || source.includes(`export function trackEvent${i}(`),
      ).toBe(true);
    const ends = source.split('*/').length - 1;
    const starts = source.split('/*').length - 1;
    expect(ends).toBe(starts);
    expect(source).not.toMatch(/[\u2028\u2029]/);
  });

  it('one description of 50 MB', () => {
    const text = planJson({ name: 'Big', events: { 'Big Event': { description: 'x*/'.repeat(17_000_000) } } });
    expect(text.length).toBeGreaterThan(50_000_000);
    const { outcome } = measured(text, 'one 50 MB description');
    expect(outcome.kind).toBe('client');
    if (outcome.kind === 'client') expect(outcome.client.source).toContain('export function trackBigEvent(');
  });

  it('200 000 events (50 MB): an error for too many events, quickly', () => {
    const events: Record<string, unknown> = {};
    for (let i = 0; i < 200_000; i++)
      events[`Event number ${i} with a long name to fill the plan`] = {
        properties: { p: { type: 'string', description: 'x'.repeat(150) } },
      };
    const text = planJson({ name: 'Big', events });
    expect(text.length).toBeGreaterThan(50_000_000);
    const { outcome, ms } = measured(text, '200 000 events');
    expect(outcome.kind === 'error' && [...new Set(outcome.errors.map(brief).map((b) => b.split(' ').pop()))]).toEqual([
      'CT108',
    ]);
    expect(ms).toBeLessThan(60_000);
  });
});
