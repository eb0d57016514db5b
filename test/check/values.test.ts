/** Property values: CT301–CT306. propsPlan puts event "E" at 3:5 and its properties on lines 4, 5, ... at column 7. */
import { describe, expect, it } from 'vitest';
import { briefs, check, eventsPlan, propsPlan, traitsPlan } from './helpers.js';

const p = (schema: string, key = 'v'): string => `${JSON.stringify(key)}: ${schema}`;

type Case = [string, { plan: string; want: string[] }];

const scalars: Case[] = [
  [
    'every scalar form passes',
    {
      plan: propsPlan(
        p('{ "type": "string" }', 's'),
        p('{ "type": "number", "minimum": 0 }', 'n'),
        p('{ "type": "integer", "enum": [1, 2] }', 'i'),
        p('{ "type": "boolean" }', 'b'),
        p('{ "type": "string", "format": "date" }', 'd'),
        p('{ "type": "string", "format": "date-time" }', 'dt'),
        p('{ "const": "x" }', 'c'),
        p('{ "enum": ["a", 1, true] }', 'e'),
        p('{ "oneOf": [{ "type": "string" }, { "type": "number" }] }', 'o'),
        p('{ "type": ["string", "integer"] }', 't'),
      ),
      want: [],
    },
  ],
  [
    'an object',
    {
      plan: propsPlan(p('{ "type": "object", "properties": { "city": { "type": "string" } } }')),
      want: ['4:7 error CT301'],
    },
  ],
  [
    '"properties" without a type is an object',
    { plan: propsPlan(p('{ "properties": {} }')), want: ['4:7 error CT301'] },
  ],
  ['an array', { plan: propsPlan(p('{ "type": "array", "items": { "type": "string" } }')), want: ['4:7 error CT301'] }],
  [
    '"items" without a type is an array',
    { plan: propsPlan(p('{ "items": { "type": "string" } }')), want: ['4:7 error CT301'] },
  ],
  [
    'a type array that includes object',
    { plan: propsPlan(p('{ "type": ["string", "object"] }')), want: ['4:7 error CT301'] },
  ],
  [
    'a oneOf with an array branch',
    { plan: propsPlan(p('{ "oneOf": [{ "type": "string" }, { "type": "array" }] }')), want: ['4:7 error CT301'] },
  ],
  ['an untyped {}', { plan: propsPlan(p('{}')), want: ['4:7 error CT302'] }],
  [
    'a description alone has no type',
    { plan: propsPlan(p('{ "description": "anything" }')), want: ['4:7 error CT302'] },
  ],
  ['a boolean schema has no type', { plan: propsPlan(p('true')), want: ['4:7 error CT302'] }],
  [
    'an anyOf with an untyped branch',
    { plan: propsPlan(p('{ "anyOf": [{ "type": "string" }, {}] }')), want: ['4:7 error CT302'] },
  ],
  [
    'a non-scalar additionalProperties (at the keyword)',
    { plan: eventsPlan('"E": { "additionalProperties": { "type": "object" } }'), want: ['3:12 error CT301'] },
  ],
  [
    'additionalProperties true, {} or a scalar schema pass',
    {
      plan: eventsPlan(
        '"A": { "additionalProperties": true }',
        '"B": { "additionalProperties": {} }',
        '"C": { "additionalProperties": { "type": "number" } }',
      ),
      want: [],
    },
  ],
  [
    'a custom trait that is an object',
    { plan: traitsPlan(p('{ "type": "object" }', 'address')), want: ['3:5 error CT301'] },
  ],
  ['an untyped custom trait', { plan: traitsPlan(p('{}', 'anything')), want: ['3:5 error CT302'] }],
];

const constraints: Case[] = [
  ['maxLength 512 passes', { plan: propsPlan(p('{ "type": "string", "maxLength": 512 }')), want: [] }],
  ['maxLength 513 fails', { plan: propsPlan(p('{ "type": "string", "maxLength": 513 }')), want: ['4:7 error CT303'] }],
  [
    'maxLength in a type array',
    { plan: propsPlan(p('{ "type": ["string", "number"], "maxLength": 4096 }')), want: ['4:7 error CT303'] },
  ],
  [
    'maxLength of a trait',
    { plan: traitsPlan(p('{ "type": "string", "maxLength": 1000 }', 'bio')), want: ['3:5 error CT303'] },
  ],
  [
    'null in a type array: a warning',
    { plan: propsPlan(p('{ "type": ["string", "null"] }')), want: ['4:7 warning CT304'] },
  ],
  [
    'a null branch of oneOf',
    { plan: propsPlan(p('{ "oneOf": [{ "type": "number" }, { "type": "null" }] }')), want: ['4:7 warning CT304'] },
  ],
  ['type null alone', { plan: propsPlan(p('{ "type": "null" }')), want: ['4:7 warning CT304'] }],
  ['an empty enum', { plan: propsPlan(p('{ "type": "string", "enum": [] }')), want: ['4:7 error CT305'] }],
  ['an empty enum with no type', { plan: propsPlan(p('{ "enum": [] }')), want: ['4:7 error CT305'] }],
  ['a const of the wrong type', { plan: propsPlan(p('{ "type": "string", "const": 5 }')), want: ['4:7 error CT305'] }],
  [
    'an integer enum with no integers',
    { plan: propsPlan(p('{ "type": "integer", "enum": [1.5, 2.5] }')), want: ['4:7 error CT305'] },
  ],
  [
    'a boolean enum of strings',
    { plan: propsPlan(p('{ "type": "boolean", "enum": ["yes"] }')), want: ['4:7 error CT305'] },
  ],
  [
    'an enum that fits one member of a type array passes',
    { plan: propsPlan(p('{ "type": ["string", "number"], "enum": ["a"] }')), want: [] },
  ],
  [
    'a valid pattern passes',
    { plan: propsPlan(p('{ "type": "string", "pattern": "^[A-Z]{2}-\\\\d{4}$" }')), want: [] },
  ],
  [
    'a pattern with Unicode property escapes and named groups passes',
    { plan: propsPlan(p('{ "type": "string", "pattern": "^(?<word>\\\\p{L}+)$" }')), want: [] },
  ],
  [
    'an unbalanced pattern',
    { plan: propsPlan(p('{ "type": "string", "pattern": "[a-z" }')), want: ['4:7 error CT306'] },
  ],
  [
    'a needless escape is an error with the u flag',
    { plan: propsPlan(p('{ "type": "string", "pattern": "a\\\\-b" }')), want: ['4:7 error CT306'] },
  ],
  [
    "a bad pattern in a multi-value trait's items",
    {
      plan: traitsPlan(p('{ "type": "array", "maxItems": 5, "items": { "type": "string", "pattern": "(" } }', 'tags')),
      want: ['3:5 error CT306'],
    },
  ],
];

describe('property values', () => {
  it.each(scalars)('%s', (_, { plan, want }) => {
    expect(briefs(plan)).toEqual(want);
  });

  it('CT301 says what the value is, and a fix that fits it', () => {
    const [union] = check(propsPlan(p('{ "type": ["string", "object"] }', 'address')));
    expect(union!.message).toBe(
      'property "address" is a union that includes an object; CleverTap accepts only scalars (string, number, boolean, date) here',
    );
    expect(union!.hint).toBe('flatten it into scalar properties (e.g. "address_city" for address.city)');
    const [array] = check(propsPlan(p('{ "type": "array" }', 'tags')));
    expect(array!.hint).toBe(
      'CleverTap takes an array only as Charged "Items"; send the values as one string, or one event per element',
    );
  });

  it('Charged "items" in the wrong case is told to be "Items"', () => {
    const ds = check(
      eventsPlan('"Charged": { "properties": { "items": { "type": "array", "items": { "type": "object" } } } }'),
    );
    expect(ds.map((d) => `${d.code} ${d.origin!.pointer}`)).toEqual(['CT301 /events/Charged/properties/items']);
    expect(ds[0]!.hint).toBe('rename it to "Items": CleverTap takes an array only as Charged "Items"');
  });
});

describe('value constraints', () => {
  it.each(constraints)('%s', (_, { plan, want }) => {
    expect(briefs(plan)).toEqual(want);
  });

  it('CT306 quotes the JavaScript error', () => {
    const [d] = check(propsPlan(p('{ "type": "string", "pattern": "[a-z" }', 'code')));
    expect(d!.message).toMatch(
      /^the pattern of "code" is not a valid JavaScript regular expression with the u flag: Invalid regular expression/,
    );
  });
});
