import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../generator/pipeline.js';
import { brief, planJson, validateText } from '../helpers/plan.js';
import { scratch } from '../helpers/paths.js';

const plan = (events: unknown, extra: Record<string, unknown> = {}) => planJson({ name: 'T', events, ...extra });

describe('$ref', () => {
  it('resolves a pointer inside the plan', () => {
    const ds = validateText(
      plan(
        { A: { properties: { tier: { $ref: '#/$defs/Tier' } } } },
        { $defs: { Tier: { type: 'string', enum: ['a'] } } },
      ),
    );
    expect(ds).toEqual([]);
  });

  it("resolves a chain of references and keeps the referring schema's own keywords", () => {
    const text = plan(
      { A: { properties: { p: { $ref: '#/$defs/B', description: 'own' } } } },
      { $defs: { B: { $ref: '#/$defs/C' }, C: { type: 'integer' } } },
    );
    expect(validateText(text)).toEqual([]);
  });

  it('reports a missing target at the $ref', () => {
    const text = plan({ A: { properties: { p: { $ref: '#/$defs/Nope' } } } });
    expect(validateText(text).map(brief)).toEqual(['7:11 error CT010']);
  });

  it('says that a $ref to an $anchor names an anchor, not that it points at nothing', () => {
    const text = plan(
      { A: { properties: { p: { $ref: '#price' } } } },
      { $defs: { price: { $anchor: 'price', type: 'number' } } },
    );
    const ds = validateText(text);
    expect(ds.map((d) => d.code)).toEqual(['CT016']);
    expect(ds[0]!.message).toContain('names an $anchor');
    expect(ds[0]!.message).toContain('#/$defs/price');
  });

  it('reports a cycle at the $ref', () => {
    const text = plan(
      { A: { properties: { p: { $ref: '#/$defs/X' } } } },
      { $defs: { X: { $ref: '#/$defs/Y' }, Y: { $ref: '#/$defs/X' } } },
    );
    const ds = validateText(text);
    expect(ds.map((d) => d.code)).toEqual(['CT011']);
  });

  it('refuses URLs: the generator works offline', () => {
    const text = plan({ A: { properties: { p: { $ref: 'https://example.com/schema.json' } } } });
    expect(validateText(text).map((d) => d.code)).toEqual(['CT013']);
  });

  it('resolves a file relative to the plan, and locates problems in that file', () => {
    const dir = scratch('refs');
    mkdirSync(join(dir, 'shared'));
    writeFileSync(
      join(dir, 'shared', 'common.json'),
      '{\n  "$defs": {\n    "Price": { "type": "number" },\n    "Bad": { "type": "object", "properties": {} }\n  }\n}\n',
    );
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, plan({ A: { properties: { price: { $ref: './shared/common.json#/$defs/Price' } } } }));
    expect(validate(ok).diagnostics).toEqual([]);
    const missing = join(dir, 'missing.json');
    writeFileSync(missing, plan({ A: { properties: { price: { $ref: './nope.json#/$defs/Price' } } } }));
    expect(validate(missing).diagnostics.map((d) => d.code)).toEqual(['CT012']);
  });
});
