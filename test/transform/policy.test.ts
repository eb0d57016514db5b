/** Reading a policy: every unknown key and bad value is a located diagnostic; severity overrides and their limits. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, DOWNGRADABLE } from '../../generator/diagnostics/catalogue.js';
import { validate } from '../../generator/pipeline.js';
import { globRegex } from '../../generator/transform/policy.js';
import { scratch } from '../helpers/paths.js';
import { brief, planJson, writePlan } from '../helpers/plan.js';
import { run, runProps, wheres } from './helpers.js';

type Case = [string, unknown, string[]];

const cases: Case[] = [
  ['an empty policy is fine', {}, []],
  ['an unknown key', { flaten: '_' }, ['error CT601 /transform/flaten']],
  ['flatten must be a non-empty string', { flatten: '' }, ['error CT602 /transform/flatten']],
  ['flatten must be a string', { flatten: true }, ['error CT602 /transform/flatten']],
  ['arrays must be one of four', { arrays: 'concat' }, ['error CT602 /transform/arrays']],
  ['arrayObjects must be index or drop', { arrayObjects: 'join' }, ['error CT602 /transform/arrayObjects']],
  ['untyped must be "scalar"', { untyped: 'string' }, ['error CT602 /transform/untyped']],
  ['sanitize must be a boolean', { sanitize: 'yes' }, ['error CT602 /transform/sanitize']],
  ['rename must be an object', { rename: [] }, ['error CT602 /transform/rename']],
  ['rename takes events and properties only', { rename: { keys: {} } }, ['error CT601 /transform/rename/keys']],
  ['rename targets must be strings', { rename: { events: { E: 1 } } }, ['error CT602 /transform/rename/events/E']],
  ['events takes include and exclude only', { events: { only: [] } }, ['error CT601 /transform/events/only']],
  ['events lists must be lists', { events: { include: 'E' } }, ['error CT602 /transform/events/include']],
  ['events globs must be strings', { events: { include: ['E', 3] } }, ['error CT602 /transform/events/include/1']],
  ['severity: a code no rule has', { severity: { CT999: 'warning' } }, ['error CT603 /transform/severity/CT999']],
  [
    'severity: levels are error, warning or off',
    { severity: { CT303: 'info' } },
    ['error CT602 /transform/severity/CT303'],
  ],
  [
    'severity: a downgradable error can be a warning, not off',
    { severity: { CT303: 'off' } },
    ['error CT604 /transform/severity/CT303'],
  ],
  ['severity: a warning can be turned off', { severity: { CT304: 'off' } }, []],
  [
    'severity: an error cannot even be set to error',
    { severity: { CT105: 'error' } },
    ['error CT604 /transform/severity/CT105'],
  ],
  [
    'severity: a rule whose violation loses data stays an error',
    { severity: { CT105: 'warning' } },
    ['error CT604 /transform/severity/CT105'],
  ],
  ['severity: a downgradable rule', { severity: { CT303: 'warning' } }, []],
  ['severity: any warning may become an error', { severity: { CT304: 'error' } }, []],
  ['the policy must be an object', 'flatten', ['error CT602 /transform']],
];

describe('reading a policy', () => {
  it.each(cases)('%s', (_, policy, want) => {
    expect(wheres(run({ E: {} }, policy))).toEqual(want);
  });

  it('a misspelt key gets a suggestion', () => {
    expect(run({ E: {} }, { Arrays: 'join' }).diagnostics[0]!.hint).toContain('did you mean "arrays"?');
  });

  it('the error for a rule that cannot be downgraded says why', () => {
    expect(run({ E: {} }, { severity: { CT206: 'warning' } }).diagnostics[0]!.message).toMatch(
      /^CT206 cannot be set to "warning": it is an error and stays one: .*loses or merges data/,
    );
  });

  it('only CT303 and CT611 are downgradable, and each says what CleverTap then does', () => {
    expect(Object.keys(DOWNGRADABLE).sort()).toEqual(['CT303', 'CT611']);
    for (const code of Object.keys(DOWNGRADABLE))
      expect(CATALOGUE[code as keyof typeof CATALOGUE].severity).toBe('error');
  });

  it('a downgraded error becomes a warning, and its hint says what CleverTap does', () => {
    const props = { s: { type: 'string', maxLength: 1000 } };
    expect(wheres(runProps(props))).toEqual(['error CT303 /events/E/properties/s']);
    const r = runProps(props, { severity: { CT303: 'warning' } });
    expect(wheres(r)).toEqual(['warning CT303 /events/E/properties/s']);
    expect(r.diagnostics[0]!.hint).toContain('CleverTap keeps the first 512 bytes');
  });

  it('a warning made an error fails the plan', () => {
    expect(wheres(runProps({ s: { type: ['string', 'null'] } }, { severity: { CT304: 'error' } }))).toEqual([
      'error CT304 /events/E/properties/s',
    ]);
  });

  it('globs: * any run, ? one character, the rest literally, the whole name', () => {
    expect(globRegex('Order *').test('Order Completed')).toBe(true);
    expect(globRegex('Order *').test('My Order Completed')).toBe(false);
    expect(globRegex('a?c').test('abc')).toBe(true);
    expect(globRegex('a?c').test('ac')).toBe(false);
    expect(globRegex('a.c (x)+').test('a.c (x)+')).toBe(true);
    expect(globRegex('a.c').test('abc')).toBe(false);
  });
});

describe('where the policy comes from', () => {
  const planText = planJson({
    name: 'T',
    events: { E: { properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } } },
  });

  it('--transform FILE.json: problems point into that file, by line and column', () => {
    const dir = scratch('policy');
    const policy = join(dir, 't.json');
    writeFileSync(policy, '{\n  "flatten": "_",\n  "arays": "join"\n}\n');
    const r = validate(writePlan(planText), { transform: policy });
    expect(r.diagnostics.map((d) => `${d.origin?.file.path === policy ? 't.json' : '?'}:${brief(d)}`)).toEqual([
      't.json:3:3 error CT601',
    ]);
    expect(r.plan?.events[0]?.properties.map((p) => p.name)).toEqual(['a_b']);
  });

  it('a policy file that is not JSON is a syntax error in that file', () => {
    const policy = join(scratch('policy'), 't.json');
    writeFileSync(policy, '{ "flatten": }');
    const r = validate(writePlan(planText), { transform: policy });
    expect(r.diagnostics.map((d) => [d.origin?.file.path, d.code])).toEqual([[policy, 'CT001']]);
  });

  it('a missing policy file is an I/O error, not a plan problem', () => {
    expect(() => validate(writePlan(planText), { transform: '/nonexistent/t.json' })).toThrow(
      /cannot read \/nonexistent\/t.json: no such file/,
    );
  });

  it('an object (from a config file) works as well', () => {
    const r = validate(writePlan(planText), { transform: { flatten: '__' } });
    expect(r.diagnostics).toEqual([]);
    expect(r.plan?.events[0]?.properties.map((p) => p.name)).toEqual(['a__b']);
  });

  it('the option replaces a plan\'s own "transform", with a warning at the plan\'s', () => {
    const text = planJson({
      name: 'T',
      transform: { flatten: '.' },
      events: { E: { properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } } },
    });
    const r = validate(writePlan(text), { transform: { flatten: '_' } });
    expect(r.diagnostics.map(brief)).toEqual(['3:3 warning CT606']);
    expect(r.plan?.events[0]?.properties.map((p) => p.name)).toEqual(['a_b']);
  });

  it('"transform" is a known top-level key of a native plan', () => {
    expect(wheres(run({ E: {} }, {}))).toEqual([]);
  });
});
