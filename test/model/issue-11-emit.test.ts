/**
 * Issue 11, the parts decided by the model and the shared renderers: identifiers every supported TypeScript knows,
 * unions without duplicate literals, and an Items union that declares its ChargedItem.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { typeText } from '../../generator/emit/render-types.js';
import type { TypeNode } from '../../generator/model/ir.js';
import { propertiesTypeName, trackFunctionName } from '../../generator/model/names.js';
import { generateText, planJson } from '../helpers/plan.js';

const require = createRequire(import.meta.url);
/** The oldest TypeScript the project supports: its identifier tables are the oldest too. */
const ts50 = require('typescript-5.0') as typeof import('typescript');

const origin = { file: { path: 'p.json', text: '' }, pointer: '', offset: 0 } as unknown as TypeNode['origin'];

describe('identifiers', () => {
  it('are valid for TypeScript 5.0 whatever letters a name has (Node knows newer Unicode than TypeScript)', () => {
    const rejected: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const name of [trackFunctionName(`a${ch}b`), propertiesTypeName(`${ch}b`)]) {
        const chars = [...name];
        const ok = chars.every((x, i) =>
          (i === 0 ? ts50.isIdentifierStart : ts50.isIdentifierPart)(x.codePointAt(0)!, ts50.ScriptTarget.ESNext),
        );
        if (!ok) rejected.push(`U+${c.toString(16).padStart(4, '0')} in ${name}`);
      }
    }
    expect(rejected).toEqual([]);
  });
});

describe('union types', () => {
  it('write each literal once (1 | 1 is 1)', () => {
    const t: TypeNode = {
      kind: 'union',
      origin,
      members: [
        { kind: 'number', integer: false, enum: [1, 2], origin },
        { kind: 'number', integer: true, enum: [1, -0, 0], origin },
      ],
    };
    expect(typeText(t)).toBe('1 | 2 | 0');
  });

  it('write an empty enum as never, not as the whole type', () => {
    expect(typeText({ kind: 'string', enum: [], origin })).toBe('never');
  });

  it('an enum of integers and numbers together in one plan reads once', () => {
    const { files, diagnostics } = generateText(
      planJson({ name: 'T', events: { A: { properties: { p: { type: ['number', 'integer'], enum: [1, 2] } } } } }),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(files.find((f) => f.path === 'index.ts')!.content).toContain('p?: 1 | 2;');
  });
});

describe('Charged Items given as a union', () => {
  it.each([
    [
      'a type array with null',
      { type: ['array', 'null'], items: { type: 'object', properties: { sku: { type: 'string' } } } },
    ],
    [
      'oneOf with one array branch',
      {
        oneOf: [
          { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
          { type: 'null' },
        ],
      },
    ],
  ])('%s declares ChargedItem', (_, items) => {
    const { files } = generateText(
      planJson({
        name: 'T',
        events: { Charged: { properties: { Amount: { type: 'number' }, Items: { ...items, maxItems: 5 } } } },
      }),
    );
    const index = files.find((f) => f.path === 'index.ts')!.content;
    expect(index).toContain('export interface ChargedItem {');
    expect(index).toMatch(/Items\?: readonly ChargedItem\[\] \| null;/);
  });
});
