/**
 * plan.schema.json describes the policy for editors; Ajv (a real JSON Schema judge) and the generator's reader must
 * agree on which policies are well-formed. (Which codes exist and which may be downgraded only the reader knows.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { run } from './helpers.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'plan.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validatePlan = ajv.compile(schema);

const POLICIES: Array<[string, unknown]> = [
  ['the documented policy', { flatten: '_', arrays: 'join', untyped: 'scalar', sanitize: true }],
  [
    'every key',
    {
      flatten: '__',
      arrays: 'count',
      arrayObjects: 'index',
      untyped: 'scalar',
      sanitize: false,
      rename: { events: { A: 'B' }, properties: { x: 'y' } },
      events: { include: ['*'], exclude: [] },
      severity: { CT303: 'warning' },
    },
  ],
  ['an empty policy', {}],
  ['an unknown key', { flaten: '_' }],
  ['an empty separator', { flatten: '' }],
  ['an unknown array rule', { arrays: 'concat' }],
  ['arrayObjects join', { arrayObjects: 'join' }],
  ['untyped string', { untyped: 'string' }],
  ['sanitize as text', { sanitize: 'yes' }],
  ['rename of keys', { rename: { keys: {} } }],
  ['a rename to a number', { rename: { events: { A: 1 } } }],
  ['events.only', { events: { only: [] } }],
  ['a glob that is a number', { events: { include: [1] } }],
  ['a severity level off', { severity: { CT304: 'off' } }],
  ['a function name', { rename: { functions: { A: 'trackB2' } } }],
  ['a function name not track…', { rename: { functions: { A: 'sendB' } } }],
  ['a function name with an underscore', { rename: { functions: { A: 'trackB_2' } } }],
  ['a severity level info', { severity: { CT304: 'info' } }],
  ['a severity key that is no code', { severity: { ct303: 'warning' } }],
  ['a policy that is a string', '_'],
];

describe('plan.schema.json and the reader agree on well-formed policies', () => {
  it.each(POLICIES)('%s', (_, policy) => {
    const byAjv = validatePlan({ name: 'T', events: { A: {} }, transform: policy });
    const byReader =
      run({ A: {} }, policy).diagnostics.filter((d) => ['CT601', 'CT602', 'CT603'].includes(d.code)).length === 0;
    expect(byAjv, JSON.stringify(validatePlan.errors)).toBe(byReader);
  });
});
