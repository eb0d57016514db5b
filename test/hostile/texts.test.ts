/**
 * Hostile texts: descriptions, titles, deprecation notes, examples, defaults, patterns, enum values, the plan's
 * name and version. None may break out of the comment or string it is written into: each plan must give a client
 * that reads back as the plan (each text whole inside its JSDoc), compiles under strict and sends the exact names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { jsdocText, sourceProblems } from '../property/support/harness.js';
import { expectClear, outcomeOfText, planJson, workingClient } from './support.js';
import { removeScratch } from '../property/support/harness.js';

afterAll(removeScratch);

/** Puts `text` everywhere a plan carries free text. */
function everywhere(text: string) {
  return {
    name: text,
    version: text,
    description: text,
    events: {
      'Text Event': {
        description: text,
        deprecated: text,
        examples: [{ note: text }, text],
        properties: {
          note: {
            type: 'string',
            description: text,
            title: `${text}!`,
            examples: [text],
            default: text,
            deprecated: text,
          },
          // the hostile text is in the type and the rules, never sent ('plain' is: see the enum tests below)
          choice: { type: 'string', enum: ['plain', text], description: text },
          shaped: { type: 'string', pattern: '^[\\s\\S]*$', description: text },
        },
        required: ['note'],
      },
      'Other Event': { description: text },
    },
    identify: {
      description: text,
      properties: {
        email: { type: 'string', description: text },
        nickname: { type: 'string', description: text, examples: [text] },
      },
    },
  };
}

const TEXTS: Array<[string, string]> = [
  ['a description containing */', 'ends here */ export const pwned = true; /* and resumes'],
  ['a description containing /*', 'a /* nested comment start'],
  ['a description containing /** */ and a JSDoc tag', '/** @type {any} */ @param x {@link https://example.com}'],
  ['a description containing <!-- and -->', '<!-- html comment --> <script>alert(1)</script>'],
  ['a description containing backticks', 'use `code` and ``` fences ```'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax as hostile text
  ['a description containing ${} template syntax', '${process.exit(1)} and ${} and `${`'],
  ['a description containing U+2028 and U+2029', 'line\u2028separator\u2029paragraph\u2028*/\u2028export const x = 1;'],
  ['a description containing double and single quotes', `"double" 'single' "unterminated ' mixed`],
  ['a description containing backslashes', 'C:\\path\\ \\u002a/ \\*/ ends with a backslash \\'],
  ['a description containing line breaks of every kind', 'lf\ncrlf\r\ncr\rnel\u0085vt\u000bff\u000cend\n */\n'],
  ['a description containing NUL and control characters', 'nul\u0000bell\u0007esc\u001b[31mdel\u007f'],
  ['a description containing lone surrogates and a BOM', 'lone \ud800 high, lone \udc00 low, bom \ufeff'],
  [
    'a description containing RTL overrides and zero-width characters',
    'abc\u202etxt.exe\u202c \u200b\u200d\u2066isolate\u2069',
  ],
  ['a description that is only */', '*/'],
  ['a description that is only a backslash', '\\'],
  ['a description of one line separator', '\u2028'],
];

describe('hostile texts stay inside their comments and strings', () => {
  it.each(TEXTS)('%s', async (_, text) => {
    const client = await workingClient(everywhere(text));
    // the header is one line, however the plan's name and version are written
    const lines = client.source.split('\n');
    expect(lines[0]).toMatch(/^\/\/ CleverTap client for the tracking plan /);
    expect(lines[1]).toMatch(/^\/\/ @generated /);
    expect(client.source).not.toMatch(/^export const pwned/m);
  });

  it('a very long description (1 MB, with */ every 1000 characters) stays whole inside its JSDoc', async () => {
    const chunk = 'x'.repeat(997) + '*/ ';
    const text = chunk.repeat(1000);
    const client = await workingClient({
      name: 'Long',
      events: { 'Long Event': { description: text, properties: { a: { type: 'string', description: text } } } },
    });
    const sf = ts.createSourceFile('index.ts', client.source, ts.ScriptTarget.ES2022, true);
    const fn = sf.statements.find(
      (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'trackLongEvent',
    )!;
    expect(jsdocText(sf, fn)).toContain(text.replace(/\*\//g, '*\\/').trimEnd());
  });

  it('a very long plan name and version stay on the header line', async () => {
    const name = 'n\n*/'.repeat(10_000);
    const client = await workingClient({ name, version: name, events: { A: {} } });
    expect(client.source.split('\n')[1]).toMatch(/^\/\/ @generated /);
  });

  it.each(TEXTS)('an enum and a const value: %s', async (_, text) => {
    // Only the types and the code are checked: the value itself is not sent (see the next test)
    const outcome = outcomeOfText(
      planJson({
        name: 'Enum',
        events: { E: { properties: { choice: { type: 'string', enum: [text, 'plain'] }, fixed: { const: text } } } },
      }),
    );
    if (outcome.kind === 'error') return expectClear(outcome.errors);
    const client = { ...outcome.client, rendered: { ...outcome.client.rendered, calls: [] } };
    expect(sourceProblems(client)).toEqual([]);
    const sf = ts.createSourceFile('index.ts', client.source, ts.ScriptTarget.ES2022, true);
    const decl = sf.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'EProperties',
    )!;
    const literals = decl.members.filter(ts.isPropertySignature).map((m) => {
      const t = m.type!;
      const parts = ts.isUnionTypeNode(t) ? t.types : [t];
      return parts.map((p) => (ts.isLiteralTypeNode(p) && ts.isStringLiteral(p.literal) ? p.literal.text : '?'));
    });
    expect(literals).toEqual([[text, 'plain'], [text]]);
  });

  it('an enum value CleverTap would change (a quote, a backslash, outer whitespace) is reported when the plan is read', () => {
    // The client's type accepts "it's", while its development checks refuse every such value and CleverTap deletes
    // the quote: the plan says something CleverTap cannot store, which the generator can tell without running.
    const text = planJson({
      name: 'Enum',
      events: {
        E: {
          properties: {
            quote: { type: 'string', enum: ["it's"] },
            slash: { const: 'a\\b' },
            padded: { type: 'string', enum: [' x '] },
          },
        },
      },
    });
    const outcome = outcomeOfText(text);
    const pointers = outcome.diagnostics.map((d) => d.origin?.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/events/E/properties/quote',
        '/events/E/properties/slash',
        '/events/E/properties/padded',
      ]),
    );
  });

  it('a numeric version is written as text', async () => {
    const client = await workingClient({ name: 'V', version: 2.5, events: { A: {} } });
    expect(client.source.split('\n')[0]).toContain('2.5');
  });
});
