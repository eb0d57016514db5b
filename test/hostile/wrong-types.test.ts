/**
 * Keywords whose value has the wrong JSON type, or says something impossible. The issue asks for a located error
 * for every wrong JSON type: a restriction read as "no restriction", or properties read as "no properties", would
 * give a client that silently accepts what the plan forbids.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { brief } from '../helpers/plan.js';
import { outcomeOfText, planJson } from './support.js';
import { removeScratch } from '../property/support/harness.js';

afterAll(removeScratch);

/** The errors at or below `pointer`. */
function errorsAt(plan: unknown, pointer: string): string[] {
  const outcome = outcomeOfText(planJson(plan));
  return outcome.diagnostics
    .filter((d) => d.severity === 'error' && (d.origin?.pointer ?? '').startsWith(pointer))
    .map((d) => `${brief(d)} ${d.origin!.pointer}`);
}

const property = (schema: Record<string, unknown>) => ({ name: 'P', events: { E: { properties: { p: schema } } } });
const event = (schema: Record<string, unknown>) => ({ name: 'P', events: { E: schema } });

describe('a property keyword of the wrong JSON type is an error at the property', () => {
  it.each([
    ['maxLength "10"', { type: 'string', maxLength: '10' }],
    ['minLength "1"', { type: 'string', minLength: '1' }],
    ['minimum "5"', { type: 'number', minimum: '5' }],
    ['maximum null', { type: 'number', maximum: null }],
    ['exclusiveMinimum true (draft-04 style)', { type: 'number', minimum: 0, exclusiveMinimum: true }],
    ['multipleOf "2"', { type: 'integer', multipleOf: '2' }],
    ['enum "x" (not a list)', { type: 'string', enum: 'x' }],
    ['pattern 5', { type: 'string', pattern: 5 }],
    ['format 5', { type: 'string', format: 5 }],
    ['allOf "x"', { type: 'string', allOf: 'x' }],
    ['allOf [5]', { type: 'string', allOf: [5] }],
    ['description 5', { type: 'string', description: 5 }],
    ['title {}', { type: 'string', title: {} }],
    ['examples "x" (not a list)', { type: 'string', examples: 'x' }],
  ])('%s', (_, schema) => {
    expect(errorsAt(property(schema), '/events/E/properties/p')).not.toEqual([]);
  });
});

describe('a property keyword that no value can satisfy is an error at the property', () => {
  it.each([
    ['minimum above maximum', { type: 'number', minimum: 10, maximum: 1 }],
    ['minLength above maxLength', { type: 'string', minLength: 10, maxLength: 1 }],
    ['a negative minLength', { type: 'string', minLength: -1 }],
    ['a fractional maxLength', { type: 'string', maxLength: 1.5 }],
    ['multipleOf 0', { type: 'number', multipleOf: 0 }],
    ['a negative multipleOf', { type: 'number', multipleOf: -2 }],
  ])('%s', (_, schema) => {
    expect(errorsAt(property(schema), '/events/E/properties/p')).not.toEqual([]);
  });
});

describe('an event keyword of the wrong JSON type is an error at the event', () => {
  it.each([
    ['properties [] (a list, not an object)', { properties: [{ a: { type: 'string' } }] }],
    ['properties "x"', { properties: 'x' }],
    ['required "a" (not a list)', { properties: { a: { type: 'string' } }, required: 'a' }],
    ['additionalProperties "x"', { additionalProperties: 'x' }],
    ['additionalProperties 5', { additionalProperties: 5 }],
    ['allOf [5]', { allOf: [5] }],
    ['description 5', { description: 5 }],
  ])('%s', (_, schema) => {
    expect(errorsAt(event(schema), '/events/E')).not.toEqual([]);
  });

  it('Charged Items with maxItems "10"', () => {
    const plan = event({
      properties: { Items: { type: 'array', maxItems: '10', items: { type: 'object', properties: {} } } },
    });
    expect(errorsAt({ ...plan, events: { Charged: plan.events.E } }, '/events/Charged/properties/Items')).not.toEqual(
      [],
    );
  });

  it('identify with properties [] (a list, not an object)', () => {
    expect(
      errorsAt({ name: 'P', events: {}, identify: { properties: [{ email: { type: 'string' } }] } }, '/identify'),
    ).not.toEqual([]);
  });

  it('$defs [] (a list, not an object)', () => {
    expect(errorsAt({ name: 'P', events: { E: {} }, $defs: [{ type: 'string' }] }, '/$defs')).not.toEqual([]);
  });
});
