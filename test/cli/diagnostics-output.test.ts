/**
 * What a diagnostic shows: related places (text, JSON, GitHub), the docs link per code, code frames cut at the
 * cached line starts, and "did you mean" for misspelt types, formats and keywords.
 */
import { describe, expect, it } from 'vitest';
import { diagnose, type Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { docsBase, docsLink, docsLinkFor } from '../../generator/diagnostics/docs-link.js';
import { codeFrame, formatDiagnostics } from '../../generator/diagnostics/format.js';
import { editDistance, nearest } from '../../generator/diagnostics/nearest.js';
import type { SourceFile } from '../../generator/core/source-file.js';
import { brief, planJson, validateText } from '../helpers/plan.js';

const file: SourceFile = {
  path: 'plan.json',
  text: '{\n  "events": {\n    "Signed Up": {},\n    "signed up": {}\n  }\n}\n',
};
const twice = (): Diagnostic =>
  diagnose(
    'CT107',
    { file, pointer: '/events/signed up', offset: file.text.indexOf('"signed up"') },
    { name: 'signed up', other: 'Signed Up' },
    [{ file, pointer: '/events/Signed Up', offset: file.text.indexOf('"Signed Up"') }],
  );

describe('related places', () => {
  it('text: one line per related place, after the diagnostic (and its frame)', () => {
    expect(formatDiagnostics([twice()], 'text').split('\n')).toEqual([
      'plan.json:4:5 error CT107 /events/signed up: "signed up" and "Signed Up" are one event in CleverTap (names are compared ignoring case) (remove or rename one of them)',
      '  related: plan.json:3:5 /events/Signed Up',
      '',
    ]);
    expect(formatDiagnostics([twice()], 'text', { frames: true }).split('\n').slice(1)).toEqual([
      '  4 |     "signed up": {}',
      '    |     ^',
      '  related: plan.json:3:5 /events/Signed Up',
      '',
    ]);
  });

  it('JSON: a related array of places, and the docs link of the code', () => {
    const [d] = JSON.parse(formatDiagnostics([twice()], 'json')) as Array<Record<string, unknown>>;
    expect(d!.related).toEqual([{ file: 'plan.json', line: 3, column: 5, pointer: '/events/Signed Up' }]);
    expect(d!.docs).toBe(docsLink('CT107'));
  });

  it('GitHub: the related place in the annotation text', () => {
    expect(formatDiagnostics([twice()], 'github')).toContain(
      '(related: plan.json%3A3%3A5 /events/Signed Up)\n'.replace(/%3A/g, ':'),
    );
  });

  it('duplicate JSON keys (CT002) and duplicate imported events (CT054) name the first place as related', () => {
    const dup = validateText('{\n  "name": "A",\n  "name": "B",\n  "events": {}\n}\n').filter(
      (d) => d.code === 'CT002',
    );
    expect(dup.map((d) => d.related.map((r) => r.offset))).toEqual([[4]]);
  });
});

describe('docs links', () => {
  it("is the path of the code's section in docs/clevertap-rules.md without a repository in package.json", () => {
    expect(docsLinkFor('CT301', undefined)).toBe('docs/clevertap-rules.md#ct301');
  });

  it.each([
    [
      { repository: { type: 'git', url: 'git+https://github.com/acme/clevertap-codegen.git' } },
      'https://github.com/acme/clevertap-codegen/blob/HEAD/',
    ],
    [{ repository: 'github:acme/codegen' }, 'https://github.com/acme/codegen/blob/HEAD/'],
    [{ repository: 'acme/codegen' }, 'https://github.com/acme/codegen/blob/HEAD/'],
    [
      { repository: { url: 'git@github.com:acme/mono.git', directory: 'packages/codegen' } },
      'https://github.com/acme/mono/blob/HEAD/packages/codegen/',
    ],
    [{ homepage: 'https://codegen.example.com/#readme' }, 'https://codegen.example.com/'],
    [{ repository: { url: 'https://gitlab.com/acme/x.git' } }, undefined],
    [{}, undefined],
  ])('package.json %j: base %s', (pkg, base) => {
    expect(docsBase(pkg)).toBe(base);
  });
});

describe('code frames', () => {
  /** The frame as it was made before: the whole file split into lines for each diagnostic. */
  function splitFrame(d: Diagnostic, line: number, column: number): string {
    const text = (d.origin!.file.text.split('\n')[line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
    return `  ${line} | ${text}\n  ${' '.repeat(String(line).length)} | ${' '.repeat(column - 1)}^`;
  }

  it.each([
    ['the first line', '{"a": 1}', 0],
    ['a middle line with CRLF and a tab', '{\r\n\t"a": 1,\r\n  "b": 2\r\n}', 4],
    ['the last line without a newline', '{\n  "a": 1}', 10],
    ['the end of the file', '{\n  "a": 1\n', 10],
  ])('%s: the same frame as splitting the file', (_, text, offset) => {
    const f: SourceFile = { path: 'p.json', text };
    const d = diagnose('CT001', { file: f, pointer: '', offset }, { detail: 'x' });
    const before = text.slice(0, offset).split('\n');
    expect(codeFrame(d)).toBe(splitFrame(d, before.length, before.at(-1)!.length + 1));
  });

  it("a trailing comma is framed on the comma's line", () => {
    const [d] = validateText('{\n  "name": "A",\n  "events": {},\n}\n');
    expect(codeFrame(d!)).toBe('  3 |   "events": {},\n    |               ^');
  });
});

describe('did you mean', () => {
  it.each([
    ['nubmer', 'number', 1],
    ['emial', 'email', 1],
    ['requried', 'required', 1],
    ['maxLenght', 'maxLength', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('suggests only near words, ignoring case, and nothing for short or far ones', () => {
    const types = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'];
    expect(nearest('nubmer', types)).toBe('number');
    expect(nearest('Strign', types)).toBe('string');
    expect(nearest('String', types)).toBe('string');
    expect(nearest('bool', types)).toBeUndefined();
    expect(nearest('int', types)).toBeUndefined();
    expect(nearest('date', types)).toBeUndefined();
  });

  const plan = (property: Record<string, unknown>) =>
    planJson({ name: 'P', events: { E: { properties: { p: property } } } });
  const messages = (property: Record<string, unknown>) =>
    validateText(plan(property)).map((d) => `${d.code}: ${d.message}`);

  it('a misspelt type: one error that names the nearest type (no second "has no type" error)', () => {
    expect(messages({ type: 'nubmer' })).toEqual(['CT016: unknown type "nubmer"; did you mean "number"?']);
    expect(messages({ type: ['strng', 'null'] })).toContain('CT016: unknown type "strng"; did you mean "string"?');
    expect(messages({ type: 'text' })).toEqual(['CT016: unknown type "text"']);
  });

  it('a misspelt format: the nearest format', () => {
    expect(messages({ type: 'string', format: 'emial' })).toEqual([
      'CT015: unknown format "emial" is treated as a plain string; did you mean "email"?',
    ]);
    expect(messages({ type: 'string', format: 'currency' })).toEqual([
      'CT015: unknown format "currency" is treated as a plain string',
    ]);
  });

  it("a misspelt keyword (CT017) on a property and on an event; other unknown keys are the plan's own", () => {
    expect(messages({ type: 'string', maxLenght: 10 })).toEqual([
      'CT017: "maxLenght" is no keyword the generator reads, so it has no effect; did you mean "maxLength"?',
    ]);
    expect(messages({ type: 'string', label: 'x', owner: 'growth', 'x-maxLenght': 1 })).toEqual([]);
    const event = validateText(
      planJson({ name: 'P', events: { E: { properties: { p: { type: 'string' } }, requried: ['p'] } } }),
    );
    expect(event.map(brief)).toEqual(['10:7 warning CT017']);
    expect(event[0]!.message).toContain('did you mean "required"?');
  });
});
