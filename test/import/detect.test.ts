import { describe, expect, it } from 'vitest';
import { detectFormat, formatOf, type PlanFormat } from '../../generator/load/import/index.js';
import { brief, parse } from './fixtures/helpers.js';
import { planJson, validateText } from '../helpers/plan.js';

const schema = { type: 'object', properties: { a: { type: 'string' } } };
const self = { vendor: 'com.acme', name: 'a', format: 'jsonschema', version: '1-0-0' };

const cases: Array<[string, unknown, PlanFormat | undefined]> = [
  ['a native plan', { name: 'Shop', events: { 'App Opened': {} } }, 'native'],
  ['a native plan with a typo at the top', { name: 'Shop', events: {}, idenitfy: {} }, 'native'],
  // An empty list is no Segment plan by itself: the native reader then says events must be an object (CT006)
  ['a native plan whose events are an empty list', { name: 'Shop', events: [] }, 'native'],
  ['an empty RudderStack event list', { name: 'P', workspaceId: 'w', events: [] }, 'rudderstack'],
  ['an Iglu schema', { self, ...schema }, 'iglu'],
  [
    'a Segment Public API plan',
    { name: 'P', rules: [{ key: 'A', type: 'TRACK', jsonSchema: schema, version: 1 }] },
    'segment',
  ],
  ['a Segment Public API plan without rules', { name: 'P', rules: [] }, 'segment'],
  [
    'a Segment Config API plan',
    { display_name: 'P', rules: { events: [{ name: 'A', rules: schema, version: 1 }] } },
    'segment',
  ],
  ['an older local Segment plan', { name: 'P', events: [{ name: 'A', rules: schema }] }, 'segment'],
  [
    'a RudderStack plan with eventType',
    { name: 'R', rules: { events: [{ name: 'A', eventType: 'track', rules: schema }] } },
    'rudderstack',
  ],
  [
    'a RudderStack plan by its top level',
    { creationType: 'Data catalog', rules: { events: [{ name: 'A', rules: schema }] } },
    'rudderstack',
  ],
  [
    'a RudderStack plan by its ev_ ids',
    { rules: { events: [{ id: 'ev_1', name: 'A', rules: schema }] } },
    'rudderstack',
  ],
  [
    'a RudderStack plan by SchemaVer versions',
    { rules: { events: [{ name: 'A', rules: schema, version: '1-0-0' }] } },
    'rudderstack',
  ],
  [
    'a rudder-cli plan',
    { name: 'T', events: [{ name: 'A', eventType: 'track', identitySection: 'properties', rules: schema }] },
    'rudderstack',
  ],
  [
    'an Avo export (eventType "event")',
    { name: 'Avo', events: [{ name: 'A', eventType: 'event', rules: schema }] },
    undefined,
  ],
  [
    'an early Avo plan (events keyed by id)',
    { types: [], properties: {}, events: { 'a-1': { name: 'A' } } },
    undefined,
  ],
  ['an Ampli JSON Schema', { $id: 'x', type: 'object', properties: {}, definitions: {} }, undefined],
  ['a bare JSON Schema', schema, undefined],
  ['rules that are neither', { rules: { global: {} } }, undefined],
  ['rules that are not rules', { rules: [1, 2] }, undefined],
  ['events that are not events', { events: [{ title: 'x' }] }, undefined],
  ['self without a name', { self: { vendor: 'v' }, properties: {} }, undefined],
  ['an array', [], undefined],
  ['null', null, undefined],
  ['a string', 'plan', undefined],
];

describe('detectFormat', () => {
  it.each(cases)('%s', (_, value, expected) => {
    expect(detectFormat(value)).toBe(expected);
  });
});

describe('formatOf', () => {
  it('reports CT050 at the top of a file whose format it cannot tell', () => {
    const { file, value } = parse('{\n  "type": "object"\n}');
    const { format, diagnostics } = formatOf(value, file);
    expect(format).toBeUndefined();
    expect(brief(diagnostics)).toEqual(['CT050@1:1 cannot tell which kind of tracking plan this is']);
  });

  it('reads a plan whose "events" is null as a native plan with a wrong "events", not as a plan of unknown kind', () => {
    const ds = validateText(planJson({ name: 'T', events: null }));
    expect(ds.map((d) => `${d.code} ${d.message}`)).toEqual([
      'CT006 "events" must be an object of event schemas, not null',
    ]);
  });

  it('says nothing when it can', () => {
    const { file, value } = parse('{"name": "x", "events": {}}');
    expect(formatOf(value, file)).toEqual({ format: 'native', diagnostics: [] });
  });
});
