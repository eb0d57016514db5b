import { describe, expect, it } from 'vitest';
import { validate } from '../../generator/pipeline.js';
import { brief, planJson, writePlan } from '../helpers/plan.js';

const withProperty = (schema: unknown) => planJson({ name: 'T', events: { A: { properties: { p: schema } } } });
const model = (schema: unknown) => {
  const { plan, diagnostics } = validate(writePlan(withProperty(schema)));
  return {
    type: plan!.events[0]!.properties[0]!.type,
    ignored: plan!.events[0]!.properties[0]!.ignored,
    diagnostics: diagnostics.map(brief),
  };
};

describe('property types', () => {
  it('reads oneOf/anyOf branches together with the keywords around them', () => {
    const { type, diagnostics } = model({ type: 'string', anyOf: [{ maxLength: 5 }, { pattern: '^x' }] });
    expect(diagnostics).toEqual([]);
    expect(type).toMatchObject({
      kind: 'union',
      members: [
        { kind: 'string', maxLength: 5 },
        { kind: 'string', patterns: ['^x'] },
      ],
    });
  });

  it('drops null from a type array when the enum has no null', () => {
    const { type, diagnostics } = model({ type: ['string', 'null'], enum: ['a'] });
    expect(diagnostics).toEqual([]);
    expect(type).toMatchObject({ kind: 'string', enum: ['a'] });
  });

  it('keeps null when the enum lists it', () => {
    const { type } = model({ type: ['string', 'null'], enum: ['a', null] });
    expect(type).toMatchObject({ kind: 'union', members: [{ kind: 'string' }, { kind: 'null' }] });
  });

  it('reports an enum value of no declared type, at the enum', () => {
    expect(model({ type: 'string', enum: ['a', 5] }).diagnostics).toEqual(['8:11 error CT305']);
  });

  it('collects unsupported keywords inside branches and items for the property', () => {
    const { ignored } = model({ oneOf: [{ type: 'string', not: { const: 'x' } }, { type: 'number' }] });
    expect(ignored.map((k) => k.keyword)).toEqual(['not']);
  });
});

describe('names', () => {
  it('builds identifiers only from characters identifiers allow', async () => {
    const { trackFunctionName, propertiesTypeName, words } = await import('../../generator/model/names.js');
    expect(words('order_completed')).toEqual(['order', 'completed']);
    expect(trackFunctionName('① Sale */')).toBe('trackSale'); // ① is a number sign, not an identifier character
    expect(trackFunctionName('①')).toBe('');
    expect(propertiesTypeName('3D View')).toBe('_3DViewProperties');
    expect(propertiesTypeName('Ürün Görüntülendi')).toBe('ÜrünGörüntülendiProperties');
  });

  it('reports a $ref with a malformed %-escape instead of crashing', () => {
    const { diagnostics } = validate(writePlan(withProperty({ $ref: '#/$defs/%E0%A4%A' })));
    expect(diagnostics.map((d) => d.code)).toEqual(['CT016']);
    expect(diagnostics[0]!.message).toContain('malformed %-escape');
  });
});

describe('an event whose schema is unreadable', () => {
  it('is reported, and its name is still checked', () => {
    const { diagnostics } = validate(writePlan(planJson({ name: 'T', events: { 'Bad.Name': 5 } })));
    expect(diagnostics.map(brief)).toEqual(['4:5 error CT007', '4:5 error CT102']);
  });
});
