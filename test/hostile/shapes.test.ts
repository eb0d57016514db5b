/**
 * Plan shapes at the edges of the format: no events at all, extra keys allowed next to arrays (Charged Items,
 * multi-value traits), every event without properties, many properties. Each is a clear error or a client that
 * compiles under the strictest options (test/types/tsconfig.json's, noUnusedLocals included) and sends exactly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { errorOrWorkingClient, workingClient } from './support.js';
import { removeScratch } from '../property/support/harness.js';

afterAll(removeScratch);

describe('plan shapes at the edges', () => {
  it('a plan with no events at all', async () => {
    await errorOrWorkingClient({ name: 'Empty', events: {} });
  });

  it('a plan with no events and only identify traits', async () => {
    await errorOrWorkingClient({
      name: 'Profile only',
      events: {},
      identify: { properties: { email: { type: 'string' }, plan: { type: 'string', enum: ['free', 'pro'] } } },
    });
  });

  it('a plan whose events have no properties', async () => {
    await workingClient({ name: 'Bare', events: { 'App Opened': {}, 'App Closed': { description: 'bye */' } } });
  });

  it('identify with additionalProperties: true and a multi-value trait', async () => {
    await errorOrWorkingClient({
      name: 'Traits',
      events: { A: {} },
      identify: {
        properties: { tags: { type: 'array', maxItems: 10, items: { type: 'string' } } },
        additionalProperties: true,
      },
    });
  });

  it('Charged with additionalProperties: true next to its Items array', async () => {
    await errorOrWorkingClient({
      name: 'Shop',
      events: {
        Charged: {
          properties: {
            Amount: { type: 'number' },
            Items: { type: 'array', maxItems: 10, items: { type: 'object', properties: { sku: { type: 'string' } } } },
          },
          additionalProperties: true,
        },
      },
    });
  });

  it('an event with 100 properties (the most without a warning), all required', async () => {
    const properties = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [
        `key ${i} */`,
        { type: i % 2 ? 'string' : 'number', description: `the ${i}th */` },
      ]),
    );
    const client = await workingClient({
      name: 'Wide',
      events: { Wide: { properties, required: Object.keys(properties) } },
    });
    expect(client.plan.events[0]!.properties).toHaveLength(100);
  });

  it('512 events (the most CleverTap allows), each with a property', async () => {
    const events = Object.fromEntries(
      Array.from({ length: 512 }, (_, i) => [`Event ${i}`, { properties: { [`k${i}`]: { type: 'string' } } }]),
    );
    const client = await workingClient({ name: 'Many', events });
    expect(client.plan.events).toHaveLength(512);
  });
});
