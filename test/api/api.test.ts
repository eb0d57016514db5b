// The library API (generator/api.ts): files and diagnostics in memory, nothing written; plans from a path, a text
// or an object with a virtual path.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGenerator, diff, generate, validate } from '../../generator/api.js';
import { planJson } from '../helpers/plan.js';
import { ROOT, scratch } from '../helpers/paths.js';

const SHOP = join(ROOT, 'examples', 'shop', 'plan.json');
const SAAS = join(ROOT, 'examples', 'saas', 'plan.json');

describe('generate()', () => {
  it('returns the client the CLI writes, and writes nothing', async () => {
    const dir = scratch('api');
    const before = readdirSync(dir);
    const r = await generate(SHOP);
    expect(r.ok).toBe(true);
    expect(r.files.map((f) => f.path).sort()).toEqual(['checks.ts', 'index.ts']);
    expect(r.files.find((f) => f.path === 'index.ts')!.content).toBe(
      readFileSync(join(ROOT, 'out', 'shop', 'index.ts'), 'utf8'),
    );
    expect(readdirSync(dir)).toEqual(before);
  });

  it('reads a plan given as text at a virtual path, resolving its $refs from that path', async () => {
    const text = readFileSync(SAAS, 'utf8');
    const virtual = join(ROOT, 'examples', 'saas', 'not-on-disk.json');
    const r = await generate({ path: virtual, text });
    expect(r.ok).toBe(true);
    expect(r.files.find((f) => f.path === 'index.ts')!.content).toBe(
      readFileSync(join(ROOT, 'out', 'saas', 'index.ts'), 'utf8'),
    );
  });

  it('takes a plan object; diagnostics point into its JSON text at the virtual path', async () => {
    const r = await generate({ path: 'virtual/plan.json', plan: { name: 'X', events: { 'A.B': {} } } });
    expect(r.ok).toBe(false);
    expect(r.files).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        file: 'virtual/plan.json',
        line: 4,
        column: 5,
        code: 'CT102',
        severity: 'error',
        pointer: '/events/A.B',
      }),
    ]);
    expect(r.diagnostics[0]!.text).toMatch(/^virtual\/plan\.json:4:5 error CT102 \/events\/A\.B: /);
  });

  it('language js gives index.js with index.d.ts', async () => {
    const r = await generate(SHOP, { language: 'js' });
    expect(r.files.map((f) => f.path).sort()).toEqual(['checks.d.ts', 'checks.js', 'index.d.ts', 'index.js']);
  });

  it('severity: a warning off, a warning made an error (no files), an error cannot be lowered', async () => {
    const plan = {
      path: 'n.json',
      plan: { name: 'N', events: { E: { properties: { p: { type: ['string', 'null'] } } } } },
    };
    expect((await generate(plan)).diagnostics.map((d) => d.code)).toEqual(['CT304']);
    expect((await generate(plan, { severity: { CT304: 'off' } })).diagnostics).toEqual([]);
    const strict = await generate(plan, { severity: { CT304: 'error' } });
    expect(strict.ok).toBe(false);
    expect(strict.files).toEqual([]);
    expect(strict.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['error CT304']);
    await expect(generate(plan, { severity: { CT301: 'off' } })).rejects.toThrow(
      /CT301 cannot be set to "off": it is an error and stays one/,
    );
    await expect(generate(plan, { severity: { CT999: 'off' } })).rejects.toThrow(/not a rule code/);
  });

  it('a missing plan file rejects with the reason in words', async () => {
    await expect(generate(join(ROOT, 'nope.json'))).rejects.toThrow(/cannot read .*nope\.json: no such file/);
  });
});

describe('validate()', () => {
  it('checks without emitting', async () => {
    expect(await validate(SHOP)).toEqual({ ok: true, diagnostics: [] });
    const bad = await validate({
      path: 'b.json',
      text: '{ "name": "B", "events": { "E": { "properties": { "p": {} } } } }',
    });
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['CT302']);
  });
});

describe('diff()', () => {
  it('classifies as codegen diff does', async () => {
    const old = {
      path: 'old.json',
      plan: { name: 'P', events: { A: { properties: { x: { type: 'string' } } }, B: {} } },
    };
    const now = {
      path: 'new.json',
      plan: { name: 'P', events: { A: { properties: { x: { type: 'number' } } }, C: {} } },
    };
    const r = await diff(old, now);
    expect(r.ok).toBe(true);
    expect(r.breaking).toBe(true);
    expect(r.changes.map((c) => `${c.kind} ${c.event} app=${c.app} data=${c.data}`)).toEqual([
      'event-renamed C app=true data=true',
      'type-changed A app=true data=true',
    ]);
    expect(r.changes[1]).toMatchObject({ file: 'new.json', property: 'x', breaking: true });
  });

  it('a plan that cannot be read: ok false with its diagnostics, no changes', async () => {
    const dir = scratch('api-diff');
    const good = join(dir, 'good.json');
    writeFileSync(good, planJson({ name: 'G', events: {} }));
    const r = await diff({ path: 'broken.json', text: '{' }, good);
    expect(r).toMatchObject({ ok: false, breaking: false, changes: [] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CT001']);
  });

  it("transform: one policy for both plans, CleverTap's keys compared as it makes them", async () => {
    const nested = (city: string) => ({
      path: `${city}.json`,
      plan: {
        name: 'G',
        events: { E: { properties: { address: { type: 'object', properties: { city: { type: city } } } } } },
      },
    });
    const r = await diff(nested('string'), nested('number'), { transform: { flatten: '_' } });
    expect(r.changes.map((c) => `${c.kind} ${c.property} app=${c.app} data=${c.data}`).sort()).toEqual([
      'type-changed address.city app=true data=false',
      'type-changed address_city app=false data=true',
    ]);
  });

  it('a plan read only in part (a $ref to nothing): ok false, not a property reported removed', async () => {
    const dir = scratch('api-diff-unread');
    const good = join(dir, 'good.json');
    writeFileSync(good, planJson({ name: 'G', events: { E: { properties: { x: { type: 'string' } } } } }));
    const r = await diff(good, {
      path: 'broken.json',
      plan: { name: 'G', events: { E: { properties: { x: { $ref: '#/$defs/Nope' } } } } },
    });
    expect(r).toMatchObject({ ok: false, breaking: false, changes: [] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['CT010']);
  });
});

describe('createGenerator()', () => {
  it('gives what generate() and validate() give, call after call, as the plan is edited (reusing what did not change)', async () => {
    const plan = JSON.parse(readFileSync(SHOP, 'utf8'));
    const path = join(ROOT, 'examples', 'shop', 'edited.json');
    const gen = createGenerator();
    const names = Object.keys(plan.events);
    const edits: Array<() => void> = [
      () => {},
      () => (plan.events[names[0]!].description = 'Edited once.'),
      () => (plan.events['Bad.Name'] = { properties: {} }),
      () => delete plan.events['Bad.Name'],
      () => (plan.$defs.Currency.enum = ['USD', 'EUR']),
      () => (plan.events[names[1]!].properties.added = { type: 'string' }),
    ];
    for (const [i, edit] of edits.entries()) {
      edit();
      const input = { path, text: JSON.stringify(plan, null, i % 3) };
      for (const options of [{}, { target: 'react-native' as const }]) {
        expect(await gen.generate(input, options), `edit ${i}`).toEqual(await generate(input, options));
        expect(await gen.validate(input, options), `edit ${i}`).toEqual(await validate(input, options));
      }
    }
  });

  it('refuses bad options as generate() does', async () => {
    await expect(createGenerator().generate(SHOP, { severity: { CT102: 'off' } })).rejects.toThrow(/stays one/);
  });
});
