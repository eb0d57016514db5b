/** Type names other tools write (Segment's "any", Avo-style "int"/"float"/"bool") in imported plans: read, with a warning. */
import { describe, expect, it } from 'vitest';
import { validate } from '../../generator/pipeline.js';
import { brief, planJson, writePlan } from '../helpers/plan.js';

/** A Segment plan (rules.events[]) with one event "Done" whose properties are these, one per line. */
function segmentPlan(props: Record<string, unknown>): string {
  const lines = Object.entries(props).map(([k, v]) => `        ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{
  "rules": { "events": [
    { "name": "Done", "rules": { "type": "object", "properties": { "properties": { "type": "object", "properties": {
${lines.join(',\n')}
    } } } } }
  ] }
}
`;
}

function run(props: Record<string, unknown>) {
  const r = validate(writePlan(segmentPlan(props)));
  const e = r.plan?.events[0];
  const types = (e?.properties ?? []).map((p) =>
    p.type.kind === 'union'
      ? p.type.members.map((m) => m.kind).join('|')
      : p.type.kind === 'number' && p.type.integer
        ? 'integer'
        : p.type.kind,
  );
  return { diagnostics: r.diagnostics.map((d) => `${brief(d)} ${d.message}`), types };
}

describe('non-standard type names in imported plans', () => {
  it.each([
    [
      '"any" is any scalar',
      { a: { type: 'any' } },
      ['string|number|boolean'],
      ['4:15 warning CT056 "type": "any" is not a JSON Schema type; read as any scalar (a string, number or boolean)'],
    ],
    [
      '"any" in a type list, with null',
      { a: { type: ['any', 'null'] } },
      ['string|number|boolean|null'],
      ['4:9 warning CT304', '4:15 warning CT056'],
    ],
    [
      '"int"',
      { a: { type: 'int' } },
      ['integer'],
      ['4:15 warning CT056 "type": "int" is not a JSON Schema type; read as "integer"'],
    ],
    ['"float"', { a: { type: 'float' } }, ['number'], ['4:15 warning CT056']],
    ['"bool"', { a: { type: 'bool' } }, ['boolean'], ['4:15 warning CT056']],
    ['a standard type is left alone', { a: { type: 'string' } }, ['string'], []],
    [
      'an unknown name is still an error (the model reports it)',
      { a: { type: 'strnig' } },
      ['untyped'],
      ['4:15 error CT016'],
    ],
  ])('%s', (_, props, types, diagnostics) => {
    const r = run(props);
    expect(r.types).toEqual(types);
    expect(
      r.diagnostics.map((d) => (diagnostics.some((w) => w.length > 22) ? d : d.split(' ').slice(0, 3).join(' '))),
    ).toEqual(diagnostics);
  });

  it('a native plan is not rewritten: "any" there is an unknown type', () => {
    const r = validate(writePlan(planJson({ name: 'T', events: { E: { properties: { a: { type: 'any' } } } } })));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CT016']);
  });

  it('the converted plan carries the standard names', async () => {
    const { loadPlan } = await import('../../generator/load/load-plan.js');
    const loaded = loadPlan(writePlan(segmentPlan({ a: { type: 'any' }, b: { type: 'int' } })));
    expect(JSON.stringify((loaded.value as { events: unknown }).events)).toBe(
      '{"Done":{"type":"object","properties":{"a":{"type":["string","number","boolean"]},"b":{"type":"integer"}}}}',
    );
  });
});
