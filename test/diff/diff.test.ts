// codegen diff over a table of plan pairs: the changes found, how each is classified, and the exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from '../helpers/paths.js';
import { brief, changesOf, ev, git, hasGit, N, plan, run, S, write, type Events } from './helpers.js';

/** `kind app data` per change, sorted: the classification a reader of the diff sees. */
interface Case {
  name: string;
  old: unknown;
  new: unknown;
  /** Files beside each plan (a `$ref`'d file), by name. */
  oldFiles?: Record<string, unknown>;
  newFiles?: Record<string, unknown>;
  changes: string[];
  /** `event property` of each change (`identify` for traits), in any order, where the case says which. */
  at?: string[];
  exit: 0 | 1;
}

const base = plan({ 'Order Completed': ev({ order_id: S, total: N }, ['order_id']) });
/** A plan with one Charged event whose items have these properties. */
const charged = (items: Record<string, unknown>, required: string[] = [], maxItems?: number) =>
  plan({
    Charged: ev(
      {
        Amount: N,
        Items: {
          type: 'array',
          ...(maxItems !== undefined && { maxItems }),
          items: { type: 'object', properties: items, ...(required.length > 0 && { required }) },
        },
      },
      ['Amount', 'Items'],
    ),
  });

const CASES: Case[] = [
  { name: 'no change', old: base, new: base, changes: [], exit: 0 },
  {
    name: 'event added',
    old: base,
    new: plan({ ...(base.events as Events), 'Cart Viewed': ev({ items: N }) }),
    changes: ['event-added safe'],
    exit: 0,
  },
  {
    name: 'event removed',
    old: plan({ ...(base.events as Events), 'Cart Viewed': ev({ items: N }) }),
    new: base,
    changes: ['event-removed app'],
    exit: 1,
  },
  {
    name: 'event renamed (same shape)',
    old: base,
    new: plan({ 'Order Placed': (base.events as Events)['Order Completed'] }),
    changes: ['event-renamed app data'],
    exit: 1,
  },
  {
    name: 'removed and added with different shapes: no rename',
    old: base,
    new: plan({ 'Order Placed': ev({ order_id: S }) }),
    changes: ['event-added safe', 'event-removed app'],
    exit: 1,
  },
  {
    name: 'two removed events with one shape: not a rename (ambiguous)',
    old: plan({ A: ev({ x: S }), B: ev({ x: S }) }),
    new: plan({ C: ev({ x: S }) }),
    changes: ['event-added safe', 'event-removed app', 'event-removed app'],
    exit: 1,
  },
  {
    name: 'optional property added',
    old: base,
    new: plan({ 'Order Completed': ev({ order_id: S, total: N, coupon: S }, ['order_id']) }),
    changes: ['property-added safe'],
    exit: 0,
  },
  {
    name: 'required property added',
    old: base,
    new: plan({ 'Order Completed': ev({ order_id: S, total: N, coupon: S }, ['order_id', 'coupon']) }),
    changes: ['property-added app'],
    exit: 1,
  },
  {
    name: 'property removed',
    old: base,
    new: plan({ 'Order Completed': ev({ order_id: S }, ['order_id']) }),
    changes: ['property-removed app'],
    exit: 1,
  },
  {
    name: 'property renamed (same type)',
    old: base,
    new: plan({ 'Order Completed': ev({ order_id: S, amount: N }, ['order_id']) }),
    changes: ['property-renamed app data'],
    exit: 1,
  },
  {
    name: 'property made required',
    old: base,
    new: plan({ 'Order Completed': ev({ order_id: S, total: N }, ['order_id', 'total']) }),
    changes: ['property-required app'],
    exit: 1,
  },
  {
    name: 'property made optional',
    old: base,
    new: plan({ 'Order Completed': ev({ order_id: S, total: N }) }),
    changes: ['property-optional safe'],
    exit: 0,
  },
  {
    name: 'type changed string -> number',
    old: base,
    new: plan({ 'Order Completed': ev({ order_id: N, total: N }, ['order_id']) }),
    changes: ['type-changed app data'],
    exit: 1,
  },
  {
    name: 'integer -> number: widened, same CleverTap type',
    old: plan({ E: ev({ n: { type: 'integer' } }) }),
    new: plan({ E: ev({ n: N }) }),
    changes: ['type-widened safe'],
    exit: 0,
  },
  {
    name: 'number -> integer: narrowed',
    old: plan({ E: ev({ n: N }) }),
    new: plan({ E: ev({ n: { type: 'integer' } }) }),
    changes: ['type-narrowed app'],
    exit: 1,
  },
  {
    name: 'string -> string or number: wider for the app, a new type for CleverTap',
    old: plan({ E: ev({ v: S }) }),
    new: plan({ E: ev({ v: { type: ['string', 'number'] } }) }),
    changes: ['type-changed data'],
    exit: 1,
  },
  {
    name: 'nullable added: wider, no new CleverTap type',
    old: plan({ E: ev({ v: S }) }),
    new: plan({ E: ev({ v: { type: ['string', 'null'] } }) }),
    changes: ['type-widened safe'],
    exit: 0,
  },
  {
    name: 'string -> date',
    old: plan({ E: ev({ v: S }) }),
    new: plan({ E: ev({ v: { type: 'string', format: 'date-time' } }) }),
    changes: ['type-changed app data'],
    exit: 1,
  },
  {
    name: 'enum value added',
    old: plan({ E: ev({ v: { type: 'string', enum: ['a'] } }) }),
    new: plan({ E: ev({ v: { type: 'string', enum: ['a', 'b'] } }) }),
    changes: ['enum-value-added safe'],
    exit: 0,
  },
  {
    name: 'enum value removed',
    old: plan({ E: ev({ v: { type: 'string', enum: ['a', 'b'] } }) }),
    new: plan({ E: ev({ v: { type: 'string', enum: ['a'] } }) }),
    changes: ['enum-value-removed app'],
    exit: 1,
  },
  {
    name: 'enum introduced: narrowed',
    old: plan({ E: ev({ v: S }) }),
    new: plan({ E: ev({ v: { type: 'string', enum: ['a'] } }) }),
    changes: ['type-narrowed app'],
    exit: 1,
  },
  {
    name: 'enum dropped: widened',
    old: plan({ E: ev({ v: { type: 'string', enum: ['a'] } }) }),
    new: plan({ E: ev({ v: S }) }),
    changes: ['type-widened safe'],
    exit: 0,
  },
  {
    name: 'maxLength lowered',
    old: plan({ E: ev({ v: { type: 'string', maxLength: 64 } }) }),
    new: plan({ E: ev({ v: { type: 'string', maxLength: 32 } }) }),
    changes: ['type-narrowed app'],
    exit: 1,
  },
  {
    name: 'maxLength raised',
    old: plan({ E: ev({ v: { type: 'string', maxLength: 32 } }) }),
    new: plan({ E: ev({ v: { type: 'string', maxLength: 64 } }) }),
    changes: ['type-widened safe'],
    exit: 0,
  },
  {
    name: 'minimum added',
    old: plan({ E: ev({ v: N }) }),
    new: plan({ E: ev({ v: { type: 'number', minimum: 0 } }) }),
    changes: ['type-narrowed app'],
    exit: 1,
  },
  {
    name: 'pattern changed',
    old: plan({ E: ev({ v: { type: 'string', pattern: '^a' } }) }),
    new: plan({ E: ev({ v: { type: 'string', pattern: '^b' } }) }),
    changes: ['type-narrowed app'],
    exit: 1,
  },
  {
    name: 'additionalProperties closed',
    old: plan({ E: ev({ v: S }, [], { additionalProperties: true }) }),
    new: plan({ E: ev({ v: S }, [], { additionalProperties: false }) }),
    changes: ['additional-closed app'],
    exit: 1,
  },
  {
    name: 'additionalProperties opened',
    old: plan({ E: ev({ v: S }, [], { additionalProperties: false }) }),
    new: plan({ E: ev({ v: S }, [], { additionalProperties: true }) }),
    changes: ['additional-opened safe'],
    exit: 0,
  },
  {
    name: 'Charged item property removed and one type changed',
    old: plan({
      Charged: ev(
        {
          Amount: N,
          Items: { type: 'array', items: { type: 'object', properties: { sku: S, qty: { type: 'integer' } } } },
        },
        ['Amount', 'Items'],
      ),
    }),
    new: plan({
      Charged: ev({ Amount: N, Items: { type: 'array', items: { type: 'object', properties: { qty: S } } } }, [
        'Amount',
        'Items',
      ]),
    }),
    changes: ['property-removed app', 'type-changed app data'],
    exit: 1,
  },
  {
    name: 'trait removed',
    old: plan({}, { properties: { email: { type: 'string', format: 'email' }, plan: S } }),
    new: plan({}, { properties: { email: { type: 'string', format: 'email' } } }),
    changes: ['property-removed app'],
    exit: 1,
  },
  {
    name: 'trait added',
    old: plan({}, { properties: { plan: S } }),
    new: plan({}, { properties: { plan: S, tier: { type: 'integer' } } }),
    changes: ['property-added safe'],
    exit: 0,
  },
  {
    name: 'identify added to a plan without one',
    old: plan({}),
    new: plan({}, { properties: { plan: S } }),
    changes: ['property-added safe'],
    exit: 0,
  },
  {
    name: 'descriptions only: no change',
    old: plan({ E: ev({ v: S }) }),
    new: plan({ E: { description: 'now described', properties: { v: { ...S, description: 'a value' } } } }),
    changes: [],
    exit: 0,
  },
  {
    name: 'date -> date-time: no change (a Date in the client, a CleverTap date on the wire)',
    old: plan({ E: ev({ v: { type: 'string', format: 'date' } }) }),
    new: plan({ E: ev({ v: { type: 'string', format: 'date-time' } }) }),
    changes: [],
    exit: 0,
  },
  {
    name: 'format added: narrowed',
    old: plan({ E: ev({ v: S }) }),
    new: plan({ E: ev({ v: { type: 'string', format: 'email' } }) }),
    changes: ['type-narrowed app'],
    exit: 1,
  },
  {
    name: 'string or number -> string: narrowed, no new CleverTap type',
    old: plan({ E: ev({ v: { type: ['string', 'number'] } }) }),
    new: plan({ E: ev({ v: S }) }),
    changes: ['type-narrowed app'],
    exit: 1,
  },
  {
    name: 'nullable removed: narrowed',
    old: plan({ E: ev({ v: { type: ['string', 'null'] } }) }),
    new: plan({ E: ev({ v: S }) }),
    changes: ['type-narrowed app'],
    exit: 1,
  },
  {
    name: 'extra properties retyped (additionalProperties string -> number)',
    old: plan({ E: ev({ v: S }, [], { additionalProperties: S }) }),
    new: plan({ E: ev({ v: S }, [], { additionalProperties: N }) }),
    changes: ['type-changed app data'],
    exit: 1,
  },
  {
    name: 'a $defs schema two events use loses an enum value: a change in each event',
    old: plan({ A: ev({ tier: { $ref: '#/$defs/Tier' } }), B: ev({ plan: { $ref: '#/$defs/Tier' } }) }, undefined, {
      $defs: { Tier: { type: 'string', enum: ['free', 'pro'] } },
    }),
    new: plan({ A: ev({ tier: { $ref: '#/$defs/Tier' } }), B: ev({ plan: { $ref: '#/$defs/Tier' } }) }, undefined, {
      $defs: { Tier: { type: 'string', enum: ['free'] } },
    }),
    changes: ['enum-value-removed app', 'enum-value-removed app'],
    at: ['A tier', 'B plan'],
    exit: 1,
  },
  {
    name: "a schema in a $ref'd file, used by an event and a trait, retyped: a change in each",
    old: plan(
      { A: ev({ id: { $ref: './common.json#/$defs/Id' } }) },
      { properties: { id: { $ref: './common.json#/$defs/Id' } } },
    ),
    new: plan(
      { A: ev({ id: { $ref: './common.json#/$defs/Id' } }) },
      { properties: { id: { $ref: './common.json#/$defs/Id' } } },
    ),
    oldFiles: { 'common.json': { $defs: { Id: S } } },
    newFiles: { 'common.json': { $defs: { Id: N } } },
    changes: ['type-changed app data', 'type-changed app data'],
    at: ['A id', 'identify id'],
    exit: 1,
  },
  {
    name: "a $ref'd file's schema widened (maxLength raised): safe",
    old: plan({ A: ev({ id: { $ref: './common.json#/$defs/Id' } }) }),
    new: plan({ A: ev({ id: { $ref: './common.json#/$defs/Id' } }) }),
    oldFiles: { 'common.json': { $defs: { Id: { type: 'string', maxLength: 8 } } } },
    newFiles: { 'common.json': { $defs: { Id: { type: 'string', maxLength: 16 } } } },
    changes: ['type-widened safe'],
    at: ['A id'],
    exit: 0,
  },
  {
    name: 'Charged: a required item property added',
    old: charged({ sku: S }),
    new: charged({ sku: S, qty: { type: 'integer' } }, ['qty']),
    changes: ['property-added app'],
    at: ['Charged Items[].qty'],
    exit: 1,
  },
  {
    name: 'Charged: an optional item property added',
    old: charged({ sku: S }),
    new: charged({ sku: S, qty: { type: 'integer' } }),
    changes: ['property-added safe'],
    at: ['Charged Items[].qty'],
    exit: 0,
  },
  {
    name: 'Charged: an item property renamed',
    old: charged({ sku: S }),
    new: charged({ product_id: S }),
    changes: ['property-renamed app data'],
    at: ['Charged Items[].product_id'],
    exit: 1,
  },
  {
    name: 'Charged: an item enum value added',
    old: charged({ size: { type: 'string', enum: ['S'] } }),
    new: charged({ size: { type: 'string', enum: ['S', 'M'] } }),
    changes: ['enum-value-added safe'],
    at: ['Charged Items[].size'],
    exit: 0,
  },
  {
    name: 'Charged: fewer items allowed (maxItems lowered)',
    old: charged({ sku: S }, [], 50),
    new: charged({ sku: S }, [], 10),
    changes: ['type-narrowed app'],
    at: ['Charged Items'],
    exit: 1,
  },
  {
    name: 'trait retyped string -> number',
    old: plan({}, { properties: { tier: S } }),
    new: plan({}, { properties: { tier: N } }),
    changes: ['type-changed app data'],
    at: ['identify tier'],
    exit: 1,
  },
  {
    name: 'trait made required',
    old: plan({}, { properties: { tier: S } }),
    new: plan({}, { properties: { tier: S }, required: ['tier'] }),
    changes: ['property-required app'],
    exit: 1,
  },
  {
    name: 'trait enum value removed',
    old: plan({}, { properties: { gender: { type: 'string', enum: ['M', 'F'] } } }),
    new: plan({}, { properties: { gender: { type: 'string', enum: ['M'] } } }),
    changes: ['enum-value-removed app'],
    exit: 1,
  },
  {
    name: 'trait renamed to a new profile field (plan -> tier)',
    old: plan({}, { properties: { plan: S } }),
    new: plan({}, { properties: { tier: S } }),
    changes: ['property-renamed app data'],
    exit: 1,
  },
  {
    name: "trait renamed to CleverTap's own spelling of its field (email -> Email): the app's code only",
    old: plan({}, { properties: { email: { type: 'string', format: 'email' } } }),
    new: plan({}, { properties: { Email: { type: 'string', format: 'email' } } }),
    changes: ['property-renamed app'],
    at: ['identify Email'],
    exit: 1,
  },
  {
    name: 'identify removed: each trait removed',
    old: plan({}, { properties: { plan: S, email: { type: 'string', format: 'email' } } }),
    new: plan({}),
    changes: ['property-removed app', 'property-removed app'],
    exit: 1,
  },
  {
    name: 'identify closed (additionalProperties false)',
    old: plan({}, { properties: { plan: S }, additionalProperties: true }),
    new: plan({}, { properties: { plan: S }, additionalProperties: false }),
    changes: ['additional-closed app'],
    exit: 1,
  },
];

describe('codegen diff old.json new.json', () => {
  it.each(CASES)('$name', async (c) => {
    const dir = scratch('diff');
    const side = (name: string, value: unknown, files: Record<string, unknown> = {}): string => {
      mkdirSync(join(dir, name));
      for (const [file, content] of Object.entries(files)) write(join(dir, name), file, content);
      return write(join(dir, name), 'plan.json', value);
    };
    const r = await run(['diff', side('old', c.old, c.oldFiles), side('new', c.new, c.newFiles), '--format', 'json']);
    expect(r.err).toBe('');
    const parsed = changesOf(r.out);
    expect(parsed.changes.map(brief).sort()).toEqual([...c.changes].sort());
    if (c.at) expect(parsed.changes.map((x) => `${x.event ?? 'identify'} ${x.property}`).sort()).toEqual(c.at);
    expect(parsed.breaking).toBe(c.exit === 1);
    expect(r.code).toBe(c.exit);
  });

  it('text: each change with file:line:col in the new plan, breaking first, and a summary', async () => {
    const dir = scratch('diff-text');
    const r = await run([
      'diff',
      write(dir, 'old.json', base),
      write(dir, 'new.json', plan({ 'Order Completed': ev({ order_id: S }, ['order_id']), 'Cart Viewed': ev({}) })),
    ]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/new\.json:4:5 breaking \(app\): property "total" of event "Order Completed" removed$/);
    expect(lines[1]).toMatch(/new\.json:\d+:5 safe: event "Cart Viewed" added$/);
    expect(lines[2]).toBe('1 breaking change (app: 1, data: 0), 1 safe change');
  });

  it("github: breaking changes as ::error, safe ones as ::notice, at the new plan's lines", async () => {
    const dir = scratch('diff-gh');
    const r = await run([
      'diff',
      write(dir, 'old.json', base),
      write(
        dir,
        'new.json',
        plan({ 'Order Completed': ev({ order_id: N, total: N }, ['order_id']), 'Cart Viewed': ev({}) }),
      ),
      '--format',
      'github',
    ]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^::error file=.*new\.json,line=\d+,col=\d+,title=codegen diff%3A breaking \(app%2C data\)::property "order_id" of event "Order Completed": no longer accepts strings; now also accepts numbers; CleverTap's type string -> number/,
    );
    expect(lines[1]).toMatch(
      /^::notice file=.*new\.json,line=\d+,col=5,title=codegen diff%3A safe::event "Cart Viewed" added$/,
    );
  });

  it("a change in a $ref'd file shows in the event that refers to it", async () => {
    const dir = scratch('diff-ref');
    mkdirSync(join(dir, 'v1'));
    mkdirSync(join(dir, 'v2'));
    const withRef = plan({ E: ev({ tier: { $ref: './common.json#/$defs/Tier' } }) });
    write(join(dir, 'v1'), 'common.json', { $defs: { Tier: { type: 'string', enum: ['free', 'pro'] } } });
    write(join(dir, 'v2'), 'common.json', { $defs: { Tier: { type: 'string', enum: ['free'] } } });
    const r = await run([
      'diff',
      write(join(dir, 'v1'), 'plan.json', withRef),
      write(join(dir, 'v2'), 'plan.json', withRef),
      '--format',
      'json',
    ]);
    const parsed = JSON.parse(r.out) as {
      changes: Array<{ kind: string; event: string; property: string; message: string }>;
    };
    expect(parsed.changes).toEqual([
      expect.objectContaining({
        kind: 'enum-value-removed',
        event: 'E',
        property: 'tier',
        message: 'property "tier" of event "E": enum value "pro" removed',
      }),
    ]);
    expect(r.code).toBe(1);
  });

  it('a plan that cannot be read: its diagnostics, exit 1; a missing file: exit 2', async () => {
    const dir = scratch('diff-bad');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "name": ');
    const r = await run(['diff', bad, write(dir, 'new.json', base)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error CT001');
    expect((await run(['diff', join(dir, 'nope.json'), write(dir, 'n2.json', base)])).code).toBe(2);
    expect((await run(['diff', write(dir, 'n3.json', base)])).code).toBe(2);
  });

  it('a plan read only in part (a $ref to nothing): its error, exit 1, not a property reported removed', async () => {
    const dir = scratch('diff-unread');
    const broken = plan({ 'Order Completed': ev({ order_id: S, total: { $ref: '#/$defs/Nope' } }, ['order_id']) });
    const r = await run(['diff', write(dir, 'old.json', base), write(dir, 'new.json', broken), '--format', 'json']);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/new\.json:\d+:\d+ error CT010/);
    expect(r.err).toContain('a plan could not be read');
    expect(r.code).toBe(1);
  });
});

if (!hasGit) console.warn('test/diff/diff.test.ts: the --base tests are skipped, git is not installed');

describe.skipIf(!hasGit)('codegen diff plan.json --base <git-ref>', () => {
  it("compares with the plan and its $ref'd files as committed, from a subfolder of the repository", async () => {
    const repo = scratch('diff-git');
    git(repo, 'init', '-q', '-b', 'main');
    mkdirSync(join(repo, 'tracking'));
    write(join(repo, 'tracking'), 'common.json', { $defs: { Id: { type: 'string' } } });
    write(
      join(repo, 'tracking'),
      'plan.json',
      plan({ A: ev({ id: { $ref: './common.json#/$defs/Id' } }), B: ev({ x: S }) }),
    );
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'plan');
    // the working tree: B renamed (same shape), and the $ref'd Id becomes a number
    write(join(repo, 'tracking'), 'common.json', { $defs: { Id: { type: 'number' } } });
    write(
      join(repo, 'tracking'),
      'plan.json',
      plan({ A: ev({ id: { $ref: './common.json#/$defs/Id' } }), C: ev({ x: S }) }),
    );
    const r = await run(['diff', 'plan.json', '--base', 'main', '--format', 'json'], join(repo, 'tracking'));
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { changes: Array<{ kind: string; event: string }> };
    expect(parsed.changes.map((c) => `${c.kind} ${c.event}`).sort()).toEqual(['event-renamed C', 'type-changed A']);

    // committed: no changes against HEAD
    git(repo, 'commit', '-qam', 'v2');
    const same = await run(['diff', join(repo, 'tracking', 'plan.json'), '--base', 'HEAD']);
    expect(same.code).toBe(0);
    expect(same.out).toContain('no changes');
  });

  it('a plan that does not exist at the base: every event is an addition (exit 0)', async () => {
    const repo = scratch('diff-git-new');
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'README'), 'x');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'first');
    write(repo, 'plan.json', base);
    const r = await run(['diff', 'plan.json', '--base', 'main'], repo);
    expect(r.code).toBe(0);
    expect(r.err).toContain('plan.json does not exist at main');
    expect(r.out).toContain('safe: event "Order Completed" added');
  });

  it('an unknown ref: exit 2 in words', async () => {
    const repo = scratch('diff-git-ref');
    git(repo, 'init', '-q', '-b', 'main');
    write(repo, 'plan.json', base);
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'first');
    const r = await run(['diff', 'plan.json', '--base', 'no-such-branch'], repo);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--base no-such-branch: no such commit');
  });
});
