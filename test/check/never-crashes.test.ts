/** Seeded random plans: the checker reports, it never throws. Set FUZZ_RUNS for more; a failure prints its seed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../generator/check/check-plan.js';
import { parseJsonText } from '../../generator/load/read-json.js';
import { buildPlan } from '../../generator/model/build-plan.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Schemas built from the keywords the model and the checker read, with values of any JSON type. */
const schema: fc.Arbitrary<unknown> = fc.letrec<{ s: unknown }>((tie) => ({
  s: fc.oneof(
    { maxDepth: 3 },
    fc.constantFrom({}, true, false, null, 'string', { type: 'string' }, { type: 'null' }, { enum: [] }),
    fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('string', 'number', 'integer', 'boolean', 'object', 'array', 'null', 'bogus'),
          fc.array(fc.constantFrom('string', 'null', 'array', 'object'), { maxLength: 3 }),
          fc.jsonValue(),
        ),
        format: fc.constantFrom('date', 'date-time', 'email', 'x'),
        enum: fc.array(fc.jsonValue(), { maxLength: 3 }),
        const: fc.jsonValue(),
        pattern: fc.oneof(fc.string(), fc.constantFrom('[', '(?<a>x)', '\\-', '\\p{L}')),
        maxLength: fc.oneof(fc.integer({ min: -1, max: 2000 }), fc.jsonValue()),
        maxItems: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.jsonValue()),
        items: tie('s'),
        properties: fc.dictionary(fc.string({ maxLength: 6 }), tie('s'), { maxKeys: 3 }),
        oneOf: fc.array(tie('s'), { maxLength: 3 }),
        additionalProperties: tie('s'),
        not: tie('s'),
        required: fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.jsonValue()), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  ),
})).s;

const eventName = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    'Charged',
    'charged',
    'App Launched',
    'wzrk_x',
    '',
    ' a',
    'a.b',
    'Order Completed',
    'order_completed',
  ),
);
const traitName = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    'email',
    'Email',
    'phone',
    'gender',
    'birthday',
    'DOB',
    'Age',
    'MSG-push',
    'userId',
    'Identity',
    'dob',
    'tags',
  ),
);

const plan = fc.record({
  events: fc.dictionary(eventName, schema, { maxKeys: 4 }),
  identify: fc.option(fc.record({ properties: fc.dictionary(traitName, schema, { maxKeys: 4 }) }), { nil: undefined }),
});

describe('random plans', () => {
  it('never crash the model or the checker', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const text = JSON.stringify({ name: 'Fuzz', ...p }, null, 1);
        const read = parseJsonText('fuzz.json', text);
        expect(read.value).toBeDefined();
        const built = buildPlan(read.value, [read.file]);
        if (built.plan) checkPlan(built.plan);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20240611 },
    );
  });
});
