/** Property keys: CT201–CT208. propsPlan puts event "E" at 3:5 and its properties on lines 4, 5, ... at column 7. */
import { describe, expect, it } from 'vitest';
import { briefs, check, eventsPlan, propsPlan, traitsPlan } from './helpers.js';

const prop = (key: string, schema = '{ "type": "string" }'): string => `${JSON.stringify(key)}: ${schema}`;
const many = (n: number): string[] => Array.from({ length: n }, (_, i) => prop(`p${i}`));

type Case = [string, { plan: string; want: string[] }];

const cases: Case[] = [
  ['ordinary keys pass', { plan: propsPlan(prop('product_id'), prop('Payment mode'), prop('discount-pct')), want: [] }],
  ['an empty key', { plan: propsPlan(prop('')), want: ['4:7 error CT201'] }],
  ['a blank key is empty too', { plan: propsPlan(prop(' ')), want: ['4:7 error CT201'] }],
  ['a dot', { plan: propsPlan(prop('address.city')), want: ['4:7 error CT202'] }],
  ['a percent sign', { plan: propsPlan(prop('discount %')), want: ['4:7 error CT202'] }],
  ...[...'&$"\\%><!.:\''].map(
    (c): Case => [`the prohibited character ${c}`, { plan: propsPlan(prop(`a${c}b`)), want: ['4:7 error CT202'] }],
  ),
  ['leading whitespace', { plan: propsPlan(prop(' price')), want: ['4:7 error CT203'] }],
  ['120 characters pass', { plan: propsPlan(prop('k'.repeat(120))), want: [] }],
  ['121 characters fail', { plan: propsPlan(prop('k'.repeat(121))), want: ['4:7 error CT204'] }],
  ['the reserved prefix', { plan: propsPlan(prop('wzrk_source')), want: ['4:7 error CT205'] }],
  ['the reserved prefix in another case', { plan: propsPlan(prop('WZRK_pivot')), want: ['4:7 error CT205'] }],
  ['wzrk_ inside a key passes', { plan: propsPlan(prop('my_wzrk_key')), want: [] }],
  [
    'keys equal ignoring case: a warning at the second',
    { plan: propsPlan(prop('Plan'), prop('plan')), want: ['5:7 warning CT208'] },
  ],
  [
    'keys differing only in outer whitespace get CT203, not CT208',
    { plan: propsPlan(prop('plan'), prop('plan ')), want: ['5:7 error CT203'] },
  ],
  ['100 properties pass', { plan: propsPlan(...many(100)), want: [] }],
  ['101 properties: a warning at the event', { plan: propsPlan(...many(101)), want: ['3:5 warning CT207'] }],
  ['256 properties: still the warning', { plan: propsPlan(...many(256)), want: ['3:5 warning CT207'] }],
  ['257 properties: an error, and no warning', { plan: propsPlan(...many(257)), want: ['3:5 error CT206'] }],
  [
    'trait keys follow the key rules',
    {
      plan: traitsPlan(prop('plan:tier'), prop('wzrk_x'), prop(' tier')),
      want: ['3:5 error CT202', '4:5 error CT205', '5:5 error CT203'],
    },
  ],
  [
    'more than 100 traits is no CT207 (profiles have their own limit, CT504)',
    { plan: traitsPlan(...many(101)), want: [] },
  ],
  [
    'Charged item keys follow the key rules',
    {
      plan: eventsPlan(
        `"Charged": { "properties": { "Items": { "type": "array", "maxItems": 10, "items": { "properties": {\n      "a.b": { "type": "string" },\n      "A.B": { "type": "string" }\n    } } } } }`,
      ),
      want: ['4:7 error CT202', '5:7 error CT202', '5:7 warning CT208'],
    },
  ],
];

describe('property keys', () => {
  it.each(cases)('%s', (_, { plan, want }) => {
    expect(briefs(plan)).toEqual(want);
  });

  it('CT207 and CT206 name the event and the count', () => {
    expect(check(propsPlan(...many(101)))[0]!.message).toBe(
      'event "E" has 101 properties; newer CleverTap accounts accept 100 and the web SDK reports an error past 100',
    );
    expect(check(propsPlan(...many(300)))[0]!.message).toBe(
      'event "E" has 300 properties; CleverTap accepts at most 256',
    );
  });

  it('CT208 points related at the first spelling', () => {
    const [d] = check(propsPlan(prop('Plan'), prop('PLAN')));
    expect(d!.message).toBe('property keys "PLAN" and "Plan" differ only in case');
    expect(d!.related.map((o) => o.pointer)).toEqual(['/events/E/properties/Plan']);
  });

  it('the same key in two events is no duplicate', () => {
    expect(
      briefs(
        eventsPlan(
          '"A": { "properties": { "plan": { "type": "string" } } }',
          '"B": { "properties": { "Plan": { "type": "string" } } }',
        ),
      ),
    ).toEqual([]);
  });
});
