/**
 * The Charged event: CT401–CT403, and CT301 for its items' own properties. chargedPlan puts "Charged" at 3:5,
 * "Amount" at 4:7, "Items" at 5:7 and the item's properties on lines 6, 7, ... at column 9.
 */
import { describe, expect, it } from 'vitest';
import { briefs, check } from './helpers.js';

/** `items` is the Items schema up to (not including) its item properties; `props` the item properties. */
function chargedPlan(items: string, ...props: string[]): string {
  const body =
    props.length > 0
      ? `, "items": { "type": "object", "properties": {\n${props.map((x) => `        ${x}`).join(',\n')}\n      } } }`
      : ' }';
  return `{\n  "name": "T", "events": {\n    "Charged": { "properties": {\n      "Amount": { "type": "number" },\n      "Items": { ${items}${body}\n    } }\n  }\n}\n`;
}

const ARRAY50 = '"type": "array", "maxItems": 50';
const sku = '"sku": { "type": "string" }';

type Case = [string, { plan: string; want: string[] }];

const cases: Case[] = [
  [
    'flat items with maxItems 50 pass',
    { plan: chargedPlan(ARRAY50, sku, '"quantity": { "type": "integer", "minimum": 1 }'), want: [] },
  ],
  [
    'Charged without Items passes',
    {
      plan: '{\n  "name": "T", "events": {\n    "Charged": { "properties": { "Amount": { "type": "number" } } }\n  }\n}\n',
      want: [],
    },
  ],
  ['Items that is a string', { plan: chargedPlan('"type": "string"'), want: ['5:7 error CT401'] }],
  ['Items that is one object', { plan: chargedPlan('"type": "object"'), want: ['5:7 error CT401'] }],
  ['Items with no items schema', { plan: chargedPlan(ARRAY50), want: ['5:7 error CT401'] }],
  ['Items of strings', { plan: chargedPlan(`${ARRAY50}, "items": { "type": "string" }`), want: ['5:7 error CT401'] }],
  [
    'maxItems 256: over 50 is a warning',
    { plan: chargedPlan('"type": "array", "maxItems": 256', sku), want: ['5:7 warning CT403'] },
  ],
  [
    'maxItems 257 is an error',
    { plan: chargedPlan('"type": "array", "maxItems": 257', sku), want: ['5:7 error CT402'] },
  ],
  [
    'maxItems 51 is a warning',
    { plan: chargedPlan('"type": "array", "maxItems": 51', sku), want: ['5:7 warning CT403'] },
  ],
  ['no maxItems is a warning', { plan: chargedPlan('"type": "array"', sku), want: ['5:7 warning CT403'] }],
  [
    'an item property that is an object (at the item property)',
    { plan: chargedPlan(ARRAY50, sku, '"dims": { "type": "object" }'), want: ['7:9 error CT301'] },
  ],
  [
    'an item property that is an array',
    {
      plan: chargedPlan(ARRAY50, '"tags": { "type": "array", "items": { "type": "string" } }'),
      want: ['6:9 error CT301'],
    },
  ],
  ['an untyped item property', { plan: chargedPlan(ARRAY50, '"x": {}'), want: ['6:9 error CT302'] }],
  [
    'item values follow the constraint rules',
    {
      plan: chargedPlan(
        ARRAY50,
        '"name": { "type": "string", "maxLength": 600 }',
        '"note": { "type": ["string", "null"] }',
      ),
      want: ['6:9 error CT303', '7:9 warning CT304'],
    },
  ],
  [
    'nullable Items: a warning',
    { plan: chargedPlan('"type": ["array", "null"], "maxItems": 50', sku), want: ['5:7 warning CT304'] },
  ],
  [
    'Items elsewhere than Charged is an ordinary array',
    {
      plan: '{\n  "name": "T", "events": {\n    "Order": { "properties": { "Items": { "type": "array", "items": { "type": "object" } } } }\n  }\n}\n',
      want: ['3:32 error CT301'],
    },
  ],
];

describe('Charged', () => {
  it.each(cases)('%s', (_, { plan, want }) => {
    expect(briefs(plan)).toEqual(want);
  });

  it('an item property is reported with its own pointer', () => {
    const [d] = check(chargedPlan(ARRAY50, '"dims": { "type": "object" }'));
    expect(d!.origin!.pointer).toBe('/events/Charged/properties/Items/items/properties/dims');
    expect(d!.message).toBe(
      'Charged item property "dims" is an object; CleverTap accepts only scalars (string, number, boolean, date) here',
    );
  });

  it('CT401 says what Items is', () => {
    expect(check(chargedPlan(`${ARRAY50}, "items": { "type": "integer" }`))[0]!.message).toBe(
      'Charged "Items" must be an array of objects, not an array of integer',
    );
    expect(check(chargedPlan(ARRAY50))[0]!.message).toBe(
      'Charged "Items" must be an array of objects, not an array with no "items" schema',
    );
  });

  it('CT403 says why', () => {
    expect(check(chargedPlan('"type": "array"', sku))[0]!.message).toBe(
      'Charged "Items" has no maxItems; the web SDK reports error 522 past 50 items',
    );
    expect(check(chargedPlan('"type": "array", "maxItems": 100', sku))[0]!.message).toBe(
      'Charged "Items" allows 100 items; the web SDK reports error 522 past 50 items',
    );
  });
});
