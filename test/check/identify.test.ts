/** identify traits: CT501–CT507 (and CT208 for traits). traitsPlan puts the traits on lines 3, 4, ... at column 5. */
import { describe, expect, it } from 'vitest';
import { briefs, check, traitsPlan } from './helpers.js';

const t = (key: string, schema: string): string => `${JSON.stringify(key)}: ${schema}`;
const STR = '{ "type": "string" }';
const custom = (n: number): string[] => Array.from({ length: n }, (_, i) => t(`c${i}`, STR));

type Case = [string, { plan: string; want: string[] }];

const standard: Case[] = [
  [
    'every standard field with its allowed schema passes',
    {
      plan: traitsPlan(
        t('name', STR),
        t('email', '{ "type": "string", "format": "email" }'),
        t('phone', STR),
        t('gender', '{ "type": "string", "enum": ["M", "F"] }'),
        t('birthday', '{ "type": "string", "format": "date" }'),
        t('avatar', '{ "type": "string", "format": "uri" }'),
        t('Employed', '{ "type": "string", "enum": ["Y", "N"] }'),
        t('Married', '{ "const": "Y" }'),
        t('Education', '{ "type": "string", "enum": ["School", "College", "Graduate"] }'),
        t('Age', '{ "type": "integer", "minimum": 0 }'),
        t('MSG-email', '{ "type": "boolean" }'),
        t('MSG-push', '{ "type": "boolean" }'),
        t('MSG-sms', '{ "type": "boolean" }'),
        t('MSG-whatsapp', '{ "type": "boolean" }'),
      ),
      want: [],
    },
  ],
  [
    "CleverTap's own spellings pass",
    {
      plan: traitsPlan(
        t('Name', STR),
        t('Email', STR),
        t('Phone', STR),
        t('Gender', '{ "enum": ["M", "F", "O", "U"] }'),
        t('DOB', '{ "type": "string", "format": "date-time" }'),
        t('Photo', STR),
      ),
      want: [],
    },
  ],
  ['phone as a number', { plan: traitsPlan(t('phone', '{ "type": "number" }')), want: ['3:5 error CT501'] }],
  ['Phone as an integer', { plan: traitsPlan(t('Phone', '{ "type": "integer" }')), want: ['3:5 error CT501'] }],
  [
    'a nullable phone string is a string (and a null warning)',
    { plan: traitsPlan(t('phone', '{ "type": ["string", "null"] }')), want: ['3:5 warning CT304'] },
  ],
  ['gender as a free string', { plan: traitsPlan(t('gender', STR)), want: ['3:5 error CT501'] }],
  [
    'gender with a value CleverTap does not take',
    { plan: traitsPlan(t('gender', '{ "type": "string", "enum": ["M", "F", "X"] }')), want: ['3:5 error CT501'] },
  ],
  [
    'gender of all four letters passes',
    { plan: traitsPlan(t('gender', '{ "type": "string", "enum": ["M", "F", "O", "U"] }')), want: [] },
  ],
  [
    'gender as a oneOf of consts passes',
    { plan: traitsPlan(t('gender', '{ "oneOf": [{ "const": "M" }, { "const": "F" }] }')), want: [] },
  ],
  ['birthday without a date format', { plan: traitsPlan(t('birthday', STR)), want: ['3:5 error CT501'] }],
  ['DOB as a number', { plan: traitsPlan(t('DOB', '{ "type": "number" }')), want: ['3:5 error CT501'] }],
  ['name as a number', { plan: traitsPlan(t('name', '{ "type": "number" }')), want: ['3:5 error CT501'] }],
  [
    'email as an object is CT501, not CT301',
    { plan: traitsPlan(t('email', '{ "type": "object" }')), want: ['3:5 error CT501'] },
  ],
  ['Employed as a boolean', { plan: traitsPlan(t('Employed', '{ "type": "boolean" }')), want: ['3:5 error CT501'] }],
  [
    'Married with Yes/No',
    { plan: traitsPlan(t('Married', '{ "type": "string", "enum": ["Yes", "No"] }')), want: ['3:5 error CT501'] },
  ],
  [
    'Education outside the three values',
    { plan: traitsPlan(t('Education', '{ "type": "string", "enum": ["College", "PhD"] }')), want: ['3:5 error CT501'] },
  ],
  ['Age as a string', { plan: traitsPlan(t('Age', STR)), want: ['3:5 error CT501'] }],
  ['Age as a number passes', { plan: traitsPlan(t('Age', '{ "type": "number" }')), want: [] }],
  [
    'MSG-push as a string',
    { plan: traitsPlan(t('MSG-push', '{ "type": "string", "enum": ["yes", "no"] }')), want: ['3:5 error CT501'] },
  ],
  ['an untyped standard field', { plan: traitsPlan(t('email', '{}')), want: ['3:5 error CT501'] }],
  [
    'both spellings of one field: at the second',
    { plan: traitsPlan(t('email', STR), t('Email', STR)), want: ['4:5 error CT502'] },
  ],
  ['name and Name', { plan: traitsPlan(t('Name', STR), t('name', STR)), want: ['4:5 error CT502'] }],
  [
    'birthday and DOB',
    {
      plan: traitsPlan(
        t('birthday', '{ "type": "string", "format": "date" }'),
        t('DOB', '{ "type": "string", "format": "date" }'),
      ),
      want: ['4:5 error CT502'],
    },
  ],
  ['userId as a trait', { plan: traitsPlan(t('userId', STR)), want: ['3:5 error CT505'] }],
  ['Identity as a trait', { plan: traitsPlan(t('Identity', STR)), want: ['3:5 error CT505'] }],
  [
    'a custom look-alike of an unused standard field: a warning',
    {
      plan: traitsPlan(t('dob', '{ "type": "string", "format": "date" }'), t('EMAIL', STR)),
      want: ['3:5 warning CT507', '4:5 warning CT507'],
    },
  ],
  [
    'a case variant next to the standard field is a case-only duplicate',
    { plan: traitsPlan(t('email', STR), t('EMAIL', STR)), want: ['4:5 warning CT208'] },
  ],
  [
    'custom traits equal ignoring case',
    { plan: traitsPlan(t('plan', STR), t('Plan', STR)), want: ['4:5 warning CT208'] },
  ],
];

const multiValue: Case[] = [
  [
    'strings with maxItems 100 and items of 512 pass',
    {
      plan: traitsPlan(
        t('tags', '{ "type": "array", "maxItems": 100, "items": { "type": "string", "maxLength": 512 } }'),
      ),
      want: [],
    },
  ],
  [
    'string enum items pass',
    { plan: traitsPlan(t('tags', '{ "type": "array", "maxItems": 3, "items": { "enum": ["a", "b"] } }')), want: [] },
  ],
  [
    'maxItems 101',
    {
      plan: traitsPlan(t('tags', '{ "type": "array", "maxItems": 101, "items": { "type": "string" } }')),
      want: ['3:5 error CT503'],
    },
  ],
  [
    'no maxItems: a warning',
    { plan: traitsPlan(t('tags', '{ "type": "array", "items": { "type": "string" } }')), want: ['3:5 warning CT506'] },
  ],
  [
    'items of 513 characters',
    {
      plan: traitsPlan(
        t('tags', '{ "type": "array", "maxItems": 10, "items": { "type": "string", "maxLength": 513 } }'),
      ),
      want: ['3:5 error CT503'],
    },
  ],
  [
    'items that are numbers',
    {
      plan: traitsPlan(t('scores', '{ "type": "array", "maxItems": 10, "items": { "type": "number" } }')),
      want: ['3:5 error CT503'],
    },
  ],
  [
    'items that are dates',
    {
      plan: traitsPlan(
        t('visits', '{ "type": "array", "maxItems": 10, "items": { "type": "string", "format": "date" } }'),
      ),
      want: ['3:5 error CT503'],
    },
  ],
  [
    'items that are objects',
    {
      plan: traitsPlan(t('addresses', '{ "type": "array", "maxItems": 10, "items": { "type": "object" } }')),
      want: ['3:5 error CT503'],
    },
  ],
  [
    'no items schema, no maxItems',
    { plan: traitsPlan(t('tags', '{ "type": "array" }')), want: ['3:5 error CT503', '3:5 warning CT506'] },
  ],
  [
    'a nullable multi-value trait is still multi-value',
    {
      plan: traitsPlan(t('tags', '{ "type": ["array", "null"], "maxItems": 5, "items": { "type": "string" } }')),
      want: ['3:5 warning CT304'],
    },
  ],
  [
    'a union of an array and a string is no multi-value property',
    {
      plan: traitsPlan(t('tags', '{ "type": ["array", "string"], "items": { "type": "string" } }')),
      want: ['3:5 error CT301'],
    },
  ],
];

describe('identify: standard fields', () => {
  it.each(standard)('%s', (_, { plan, want }) => {
    expect(briefs(plan)).toEqual(want);
  });

  it('CT501 says what the field must be and how to get there', () => {
    const [phone] = check(traitsPlan(t('phone', '{ "type": "number" }')));
    expect(phone!.message).toBe(
      'trait "phone" is CleverTap\'s Phone, which must be a string with "+" and the country code (a number loses both)',
    );
    expect(phone!.hint).toBe('declare it as "type": "string", for example "+14155552671"');
    const [gender] = check(traitsPlan(t('gender', '{ "type": "string", "enum": ["M", "F", "X", "Y"] }')));
    expect(gender!.hint).toBe('remove "X" and "Y": CleverTap accepts only M, F, O, U');
  });

  it('CT502 points related at the first spelling', () => {
    const [d] = check(traitsPlan(t('email', STR), t('Email', STR)));
    expect(d!.message).toBe('traits "Email" and "email" are both CleverTap\'s Email');
    expect(d!.related.map((o) => o.pointer)).toEqual(['/identify/properties/email']);
  });
});

describe('identify: multi-value and custom traits', () => {
  it.each(multiValue)('%s', (_, { plan, want }) => {
    expect(briefs(plan)).toEqual(want);
  });

  it('256 custom traits pass', () => {
    expect(briefs(traitsPlan(...custom(256)))).toEqual([]);
  });

  it('257 custom traits: CT504 at the 257th', () => {
    expect(briefs(traitsPlan(...custom(257)))).toEqual(['259:5 error CT504']);
  });

  it('standard fields do not count as custom traits', () => {
    expect(briefs(traitsPlan(t('email', STR), t('name', STR), ...custom(256)))).toEqual([]);
  });
});
