/**
 * Hostile $refs: very long chains, deep nesting, cycles through every keyword that holds a schema, malformed
 * pointers, pointers at Object.prototype's names, and files that refer to each other. Each is a clear error (at the
 * $ref) or a working client; none may throw or overflow the stack.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brief } from '../helpers/plan.js';
import {
  errorOrWorkingClient,
  expectClear,
  outcomeOfPath,
  outcomeOfText,
  planJson,
  workingClient,
  type Outcome,
} from './support.js';
import { removeScratch, scratchFile } from '../property/support/harness.js';

afterAll(removeScratch);

function scratchDir(): string {
  const dir = scratchFile('');
  mkdirSync(dir);
  return dir;
}

const withDefs = (property: unknown, defs: Record<string, unknown>) => ({
  name: 'Refs',
  events: { 'Ref Event': { properties: { p: property } } },
  $defs: defs,
});

/** A clear error with one of `codes` (every error located, none thrown), or a client that works. */
async function errorWith(plan: Record<string, unknown>, codes: string[]): Promise<Outcome> {
  let outcome: Outcome;
  try {
    outcome = await errorOrWorkingClient(plan);
  } catch (e) {
    throw new Error(`the generator threw: ${(e as Error).stack?.split('\n').slice(0, 6).join('\n')}`);
  }
  expect(outcome.kind, 'an error was expected').toBe('error');
  if (outcome.kind === 'error')
    expect(outcome.errors.map(brief), `one of ${codes.join(', ')}`).toContainEqual(
      expect.stringMatching(new RegExp(` (${codes.join('|')})$`)),
    );
  return outcome;
}

describe('long and deep $ref structures', () => {
  it('a chain of 10 000 $refs resolves', async () => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) defs[`D${i}`] = { $ref: `#/$defs/D${i + 1}` };
    defs.D10000 = { type: 'string', description: 'the end */' };
    await workingClient(withDefs({ $ref: '#/$defs/D0' }, defs));
  });

  it('a chain of 10 000 allOf parts, each a $ref, resolves or is refused (no stack overflow)', async () => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) defs[`D${i}`] = { allOf: [{ $ref: `#/$defs/D${i + 1}` }] };
    defs.D10000 = { type: 'integer' };
    await errorOrWorkingClient(withDefs({ $ref: '#/$defs/D0' }, defs));
  });

  it('5 000 nested arrays through $ref (items of items of ...) are refused, without a stack overflow', async () => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 5_000; i++) defs[`A${i}`] = { type: 'array', items: { $ref: `#/$defs/A${i + 1}` } };
    defs.A5000 = { type: 'string' };
    await errorWith(withDefs({ $ref: '#/$defs/A0' }, defs), ['CT301']);
  });

  it('5 000 nested objects through $ref (properties of properties of ...) are refused, without a stack overflow', async () => {
    const defs: Record<string, unknown> = {};
    for (let i = 0; i < 5_000; i++)
      defs[`O${i}`] = { type: 'object', properties: { next: { $ref: `#/$defs/O${i + 1}` } } };
    defs.O5000 = { type: 'string' };
    await errorWith(withDefs({ $ref: '#/$defs/O0' }, defs), ['CT301']);
  });

  it('JSON nested deeper than the parser allows is a syntax error at the place, not a stack overflow', () => {
    const outcome = outcomeOfText(
      `{"name": "Deep", "events": {"E": {"examples": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}}}`,
    );
    expect(outcome.kind === 'error' && outcome.errors.map(brief)).toEqual([
      expect.stringMatching(/^1:\d+ error CT001$/),
    ]);
  });
});

describe('$ref cycles', () => {
  it('a $ref to itself', async () => {
    await errorWith(withDefs({ $ref: '#/$defs/Self' }, { Self: { $ref: '#/$defs/Self' } }), ['CT011']);
  });

  it('a cycle of three', async () => {
    await errorWith(
      withDefs({ $ref: '#/$defs/A' }, { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/C' }, C: { $ref: '#/$defs/A' } }),
      ['CT011'],
    );
  });

  it('an event schema that refers to itself', async () => {
    await errorWith({ name: 'Refs', events: { E: { $ref: '#/events/E' } } }, ['CT011']);
  });

  it('a cycle through allOf', async () => {
    await errorOrWorkingClient(
      withDefs(
        { $ref: '#/$defs/A' },
        { A: { type: 'string', allOf: [{ $ref: '#/$defs/B' }] }, B: { allOf: [{ $ref: '#/$defs/A' }] } },
      ),
    );
  });

  it('a cycle through items (an array of itself)', async () => {
    await errorWith(withDefs({ $ref: '#/$defs/List' }, { List: { type: 'array', items: { $ref: '#/$defs/List' } } }), [
      'CT011',
      'CT301',
    ]);
  });

  it('a cycle through properties (an object containing itself)', async () => {
    await errorWith(
      withDefs({ $ref: '#/$defs/Node' }, { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } } }),
      ['CT011', 'CT301'],
    );
  });

  it('a cycle through oneOf (a union containing itself)', async () => {
    await errorWith(withDefs({ $ref: '#/$defs/U' }, { U: { oneOf: [{ type: 'string' }, { $ref: '#/$defs/U' }] } }), [
      'CT011',
      'CT301',
      'CT302',
    ]);
  });

  it('a cycle through anyOf', async () => {
    await errorWith(withDefs({ $ref: '#/$defs/U' }, { U: { anyOf: [{ $ref: '#/$defs/U' }] } }), [
      'CT011',
      'CT301',
      'CT302',
    ]);
  });

  it('a cycle through additionalProperties', async () => {
    await errorWith(
      {
        name: 'Refs',
        events: { E: { $ref: '#/$defs/E' } },
        $defs: { E: { additionalProperties: { $ref: '#/$defs/E' } } },
      },
      ['CT011', 'CT301', 'CT302'],
    );
  });

  it('a Charged item that contains itself', async () => {
    const plan = {
      name: 'Refs',
      events: { Charged: { properties: { Items: { type: 'array', maxItems: 5, items: { $ref: '#/$defs/Item' } } } } },
      $defs: { Item: { type: 'object', properties: { sub: { $ref: '#/$defs/Item' } } } },
    };
    await errorWith(plan, ['CT011', 'CT301']);
  });

  it('a multi-value trait whose items are itself', async () => {
    const plan = {
      name: 'Refs',
      events: { A: {} },
      identify: { properties: { tags: { $ref: '#/$defs/Tags' } } },
      $defs: { Tags: { type: 'array', maxItems: 5, items: { $ref: '#/$defs/Tags' } } },
    };
    await errorWith(plan, ['CT011', 'CT503']);
  });

  it('two files that refer to each other', () => {
    const dir = scratchDir();
    writeFileSync(
      join(dir, 'plan.json'),
      planJson({ name: 'Files', events: { E: { properties: { p: { $ref: './a.json#/$defs/A' } } } } }),
    );
    writeFileSync(join(dir, 'a.json'), planJson({ $defs: { A: { $ref: './b.json#/$defs/B' } } }));
    writeFileSync(join(dir, 'b.json'), planJson({ $defs: { B: { $ref: './a.json#/$defs/A' } } }));
    const outcome = outcomeOfPath(join(dir, 'plan.json'));
    expect(outcome.kind === 'error' && outcome.errors.map((d) => d.code)).toEqual(['CT011']);
    if (outcome.kind === 'error') expectClear(outcome.errors);
  });
});

describe('malformed and hostile pointers', () => {
  it('a $ref with a lone % (malformed percent-encoding) is an error at the $ref', async () => {
    await errorWith(withDefs({ $ref: '#/$defs/50%' }, { '50%': { type: 'string' } }), ['CT010', 'CT016']);
  });

  it('a $ref with a truncated UTF-8 percent-encoding (%E2%9C) is an error at the $ref', async () => {
    await errorWith(withDefs({ $ref: '#/$defs/%E2%9C' }, { '✓': { type: 'string' } }), ['CT010', 'CT016']);
  });

  it('a $ref with an invalid percent escape (%ZZ) is an error at the $ref', async () => {
    await errorWith(withDefs({ $ref: '#/$defs/%ZZ' }, {}), ['CT010', 'CT016']);
  });

  it('a percent-encoded $ref to a name with a space, a slash and a tilde resolves', async () => {
    await workingClient(withDefs({ $ref: '#/$defs/a%20b~1c~0d%E2%9C%93' }, { 'a b/c~d✓': { type: 'string' } }));
  });

  it.each([
    '#/__proto__',
    '#/constructor',
    '#/$defs/__proto__',
    '#/$defs/toString',
    '#/events/hasOwnProperty',
    '#/name/length',
  ])('a $ref to %s (not an own member) points at nothing', async (ref) => {
    await errorWith(withDefs({ $ref: ref }, { Real: { type: 'string' } }), ['CT010', 'CT016']);
  });

  it('a $ref to a $defs entry named __proto__ resolves', async () => {
    const defs: Record<string, unknown> = {};
    Object.defineProperty(defs, '__proto__', {
      value: { type: 'string' },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    await workingClient(withDefs({ $ref: '#/$defs/__proto__' }, defs));
  });

  it.each([
    '',
    '#',
    '#/',
    'plan.json',
    '#$defs/X',
    '#/$defs/X/',
    'https://example.com/x.json',
    '//example.com/x.json',
    'file:///etc/passwd',
    'data:application/json,{}',
    'C:\\x.json',
  ])('a $ref of %j is resolved or a clear error', async (ref) => {
    await errorOrWorkingClient(withDefs({ $ref: ref, type: 'string' }, { X: { type: 'string' } }));
  });

  it('a $ref to a file that is not JSON is an error located in that file', () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(
      join(dir, 'plan.json'),
      planJson({ name: 'Files', events: { E: { properties: { p: { $ref: './sub/not-json.json#/X' } } } } }),
    );
    writeFileSync(join(dir, 'sub', 'not-json.json'), 'export const x = 1; */\n');
    const outcome = outcomeOfPath(join(dir, 'plan.json'));
    expect(outcome.kind).toBe('error');
    if (outcome.kind === 'error') {
      expectClear(outcome.errors);
      expect(outcome.errors.some((d) => d.origin!.file.path.endsWith('not-json.json'))).toBe(true);
    }
  });

  it('a $ref to a folder is a clear error', () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'folder.json'));
    writeFileSync(
      join(dir, 'plan.json'),
      planJson({ name: 'Files', events: { E: { properties: { p: { $ref: './folder.json#/X' } } } } }),
    );
    const outcome = outcomeOfPath(join(dir, 'plan.json'));
    expect(outcome.kind === 'error' && outcome.errors.map((d) => d.code)).toEqual(['CT012']);
  });
});
