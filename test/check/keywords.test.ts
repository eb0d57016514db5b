/** Keywords the generator cannot express: a CT014 warning at the keyword itself, wherever the model records one. */
import { describe, expect, it } from 'vitest';
import { briefs, check, eventsPlan, propsPlan } from './helpers.js';

type Case = [string, { plan: string; want: string[] }];

const IDENTIFY = `{
  "name": "T", "events": {},
  "identify": {
    "minProperties": 1,
    "properties": {
      "tags": { "type": "array", "maxItems": 5, "uniqueItems": true, "items": { "type": "string" } }
    }
  }
}
`;

const CHARGED = `{
  "name": "T", "events": {
    "Charged": { "properties": {
      "Items": { "type": "array", "maxItems": 5, "minItems": 1, "items": { "type": "object", "properties": {
        "sku": { "type": "string", "not": { "const": "" } }
      } } }
    } }
  }
}
`;

const REF = `{
  "name": "T", "events": {
    "E": { "properties": { "code": { "$ref": "#/$defs/Code" } } }
  },
  "$defs": {
    "Code": { "type": "string", "not": { "const": "none" } }
  }
}
`;

const cases: Case[] = [
  [
    'a property keyword',
    { plan: propsPlan('"k": { "type": "string", "not": { "const": "x" } }'), want: ['4:32 warning CT014'] },
  ],
  [
    'event keywords, each at its own position',
    { plan: eventsPlan('"E": { "if": {}, "then": {} }'), want: ['3:12 warning CT014', '3:22 warning CT014'] },
  ],
  ['identify and trait keywords', { plan: IDENTIFY, want: ['4:5 warning CT014', '6:49 warning CT014'] }],
  ['Charged Items and item property keywords', { plan: CHARGED, want: ['4:50 warning CT014', '5:36 warning CT014'] }],
  ['a keyword reached through $ref is reported where it is written', { plan: REF, want: ['6:33 warning CT014'] }],
  [
    'supported keywords are silent',
    {
      plan: propsPlan(
        '"k": { "type": "string", "title": "K", "default": "a", "examples": ["a"], "deprecated": true, "description": "d" }',
      ),
      want: [],
    },
  ],
];

describe('unsupported keywords', () => {
  it.each(cases)('%s', (_, { plan, want }) => {
    expect(briefs(plan)).toEqual(want);
  });

  it('names the keyword and points at it', () => {
    const [d] = check(propsPlan('"k": { "type": "string", "not": { "const": "x" } }'));
    expect(d!.message).toBe('"not" restricts values but the generator cannot express or check it; it is ignored');
    expect(d!.origin!.pointer).toBe('/events/E/properties/k/not');
  });
});
