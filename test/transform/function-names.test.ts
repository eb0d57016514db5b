// A policy's `rename.functions`: two events whose names have the same words (`event_collided`, `Event Collided`)
// would make one function (CT109); naming one's function keeps both, each sent as CleverTap receives it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import type { LoadedClient } from '../helpers/client.js';
import { fakeSdk } from '../helpers/fake-sdk.js';
import { scratch } from '../helpers/paths.js';
import { planJson } from '../helpers/plan.js';
import { compile, format, STRICT_APP } from '../helpers/tsc.js';
import { run, wheres } from './helpers.js';

const EVENTS = {
  event_collided: { properties: { id: { type: 'string' } }, required: ['id'] },
  'Event Collided': { properties: { count: { type: 'integer' } } },
};
const RENAMED = { rename: { functions: { event_collided: 'trackEventCollidedLegacy' } } };

describe('rename.functions', () => {
  it('without it the two events make one function (CT109); with it, each has its own', () => {
    expect(wheres(run(EVENTS))).toEqual(['error CT109 /events/Event Collided']);
    const r = run(EVENTS, RENAMED);
    expect(wheres(r)).toEqual([]);
    expect(r.events.map((e) => [e.name, e.functionName, e.typeName])).toEqual([
      ['Event Collided', 'trackEventCollided', 'EventCollidedProperties'],
      ['event_collided', 'trackEventCollidedLegacy', 'EventCollidedLegacyProperties'],
    ]);
  });

  it.each([
    ['not track…', 'sendOrder'],
    ['track alone', 'track'],
    ['a lower-case rest', 'trackorder'],
    ['an underscore (its type name would clash)', 'trackOrder_2'],
    ['not an identifier', 'trackOrder Completed'],
  ])('refuses a name that is %s (CT602)', (_what, name) => {
    expect(wheres(run(EVENTS, { rename: { functions: { event_collided: name } } }))).toEqual([
      'error CT602 /transform/rename/functions/event_collided',
      'error CT109 /events/Event Collided',
    ]);
  });

  it('a name that makes a function another event has is CT109; one for no event is CT605; a misspelt part CT601', () => {
    expect(wheres(run(EVENTS, { rename: { functions: { event_collided: 'trackEventCollided' } } }))).toEqual([
      'error CT109 /events/Event Collided',
    ]);
    expect(
      wheres(run(EVENTS, { rename: { functions: { event_collided: 'trackA', 'No Such Event': 'trackB' } } })),
    ).toEqual(['warning CT605 /transform/rename/functions/No Such Event']);
    const misspelt = run(EVENTS, { rename: { function: { event_collided: 'trackA' } } });
    expect(wheres(misspelt)).toContain('error CT601 /transform/rename/function');
    expect(misspelt.diagnostics.find((d) => d.code === 'CT601')!.hint).toContain('did you mean "functions"');
  });

  it('the client compiles under strict, each function takes its own event, and CleverTap receives both names', async () => {
    const dir = scratch('function-names');
    writeFileSync(join(dir, 'plan.json'), planJson({ name: 'Collided', transform: RENAMED, events: EVENTS }));
    const result = generate(join(dir, 'plan.json'));
    expect(result.diagnostics).toEqual([]);
    for (const f of result.files) writeFileSync(join(dir, f.path), f.content);
    writeFileSync(
      join(dir, 'usage.ts'),
      `import { trackEventCollided, trackEventCollidedLegacy, type EventCollidedLegacyProperties } from './index';
const legacy: EventCollidedLegacyProperties = { id: 'a' };
trackEventCollidedLegacy(legacy);
trackEventCollided({ count: 2 });
// @ts-expect-error: the legacy event's id is required
trackEventCollidedLegacy({});
// @ts-expect-error: count belongs to the other event
trackEventCollidedLegacy({ id: 'a', count: 2 });
`,
    );
    const errors = compile([join(dir, 'usage.ts')], STRICT_APP);
    expect(format(errors)).toBe('');

    const c = (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as LoadedClient;
    const sdk = fakeSdk();
    await c.init!({ sdk, mode: 'development', onViolation: 'throw' });
    c.trackEventCollidedLegacy!({ id: 'a' });
    c.trackEventCollided!({ count: 2 });
    expect(sdk.calls).toEqual([
      ['event', 'event_collided', { id: 'a' }],
      ['event', 'Event Collided', { count: 2 }],
    ]);
  });
});
