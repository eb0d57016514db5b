// What --watch keeps from one generation for the next (generator/core/memo.ts) never changes what is generated: after
// any sequence of edits, a generation with the memo gives the same files and the same diagnostics, each at the same
// file:line:col and pointer, as a fresh one. And it is reused: an unchanged event's IR is the very same object.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOutput } from '../../generator/config/generate-output.js';
import { newMemo, type Memo } from '../../generator/core/memo.js';
import { formatLine, toJson } from '../../generator/diagnostics/format.js';
import type { TargetName } from '../../generator/emit/target.js';
import { ROOT } from '../helpers/paths.js';
import { CORPUS, corpusSuite } from '../helpers/corpus.js';

// biome-ignore lint/suspicious/noExplicitAny: the edits reach into a plan as arbitrary JSON
type Json = Record<string, any>;
const PATH = 'memo-plan.json';
const COMMON = 'memo-common.json';
const shop = (): Json => JSON.parse(readFileSync(join(ROOT, 'examples', 'shop', 'plan.json'), 'utf8'));

/** One generation of `text` (and the $ref'd common.json text) in memory, as comparable values. */
async function generation(texts: { plan: string; common: string }, target: TargetName, memo?: Memo) {
  const read = (p: string) =>
    resolve(p) === resolve(PATH) ? texts.plan : resolve(p) === resolve(COMMON) ? texts.common : undefined;
  const r = await generateOutput(PATH, { target }, { read, ...(memo && { memo }) });
  return {
    plan: r.plan,
    files: r.files.map((f) => `${f.path}\n${f.content}`),
    diagnostics: r.diagnostics.map((d) => `${formatLine(d)} ${JSON.stringify(toJson(d).related)}`),
  };
}

const names = (plan: Json): string[] => Object.keys(plan.events ?? {});
const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length]);

/** Property schemas an edit may add: fine, wrong, shared through $ref (in the plan and in another file), nested. */
const SCHEMAS: Json[] = [
  { type: 'string', maxLength: 40 },
  { type: 'number', minimum: 5, maximum: 1 },
  { type: 'strin' },
  { $ref: '#/$defs/Currency' },
  { $ref: '#/$defs/Missing' },
  { $ref: `./${COMMON}#/$defs/Id` },
  { type: 'object', properties: { a: { type: 'string' } } },
  { type: ['string', 'null'], enum: ['a', null] },
];
const KEYS = ['note', 'bad.key', 'wzrk_x', 'Amount', 'a'.repeat(130), 'Ürün', '$ref'];

/** An edit of the plan object, or of its text (indentation moves every later position; some texts are broken). */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('describe'), i: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('add-property'), i: fc.nat(), key: fc.constantFrom(...KEYS), s: fc.nat() }),
  fc.record({ kind: fc.constant('remove-property'), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('remove-event'), i: fc.nat() }),
  fc.record({ kind: fc.constant('add-event'), i: fc.nat(), like: fc.boolean(), lower: fc.boolean() }),
  fc.record({ kind: fc.constant('rename-event'), i: fc.nat() }),
  fc.record({ kind: fc.constant('reverse-events') }),
  fc.record({ kind: fc.constant('edit-def'), bad: fc.boolean() }),
  fc.record({ kind: fc.constant('edit-common'), bad: fc.boolean() }),
  fc.record({ kind: fc.constant('pad'), lines: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('indent'), by: fc.constantFrom(0, 1, 2, 4) }),
  fc.record({ kind: fc.constant('broken-text') }),
  fc.record({ kind: fc.constant('duplicate-key') }),
  fc.record({ kind: fc.constant('require'), i: fc.nat(), key: fc.constantFrom('id', 'missing') }),
  fc.record({ kind: fc.constant('policy'), on: fc.boolean() }),
  fc.record({ kind: fc.constant('trait'), key: fc.constantFrom('email', 'Plan', 'bad.trait', 'Phone'), s: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

interface State {
  plan: Json;
  common: Json;
  indent: number;
  pad: number;
}

/** Applies `e`; returns the texts of this step (a text-only edit lasts one step: the next is written anew). */
function apply(s: State, e: Edit): { plan: string; common: string } {
  const events = s.plan.events as Json;
  const ns = names(s.plan);
  const name = pick(ns, 'i' in e ? e.i : 0);
  switch (e.kind) {
    case 'describe':
      if (name) events[name].description = e.text;
      break;
    case 'add-property':
      if (name) {
        events[name].properties ??= {};
        events[name].properties[e.key] = structuredClone(SCHEMAS[e.s % SCHEMAS.length]);
      }
      break;
    case 'remove-property': {
      const props = name ? events[name].properties : undefined;
      const key = props && pick(Object.keys(props), e.j);
      if (key) delete props[key];
      break;
    }
    case 'remove-event':
      if (name) delete events[name];
      break;
    case 'add-event': {
      const base = e.like && name ? structuredClone(events[name]) : { properties: { id: { type: 'string' } } };
      events[e.lower && name ? name.toLowerCase() : `Added ${ns.length}`] = base;
      break;
    }
    case 'rename-event':
      if (name) {
        s.plan.events = Object.fromEntries(Object.entries(events).map(([k, v]) => [k === name ? `${k} 2` : k, v]));
      }
      break;
    case 'reverse-events':
      s.plan.events = Object.fromEntries(Object.entries(events).reverse());
      break;
    case 'edit-def':
      s.plan.$defs.Currency = e.bad ? { type: 5 } : { type: 'string', enum: ['USD', 'EUR', 'INR', 'GBP'] };
      break;
    case 'edit-common':
      s.common.$defs.Id = e.bad ? { type: 'string', minLength: 9, maxLength: 2 } : { type: 'string', maxLength: 64 };
      break;
    case 'pad':
      s.pad = e.lines;
      break;
    case 'require':
      if (name) events[name].required = [...(events[name].required ?? []), e.key];
      break;
    case 'policy':
      if (e.on) s.plan.transform = { flatten: '_', severity: { CT303: 'warning' } };
      else delete s.plan.transform;
      break;
    case 'trait':
      s.plan.identify ??= { properties: {} };
      s.plan.identify.properties ??= {};
      s.plan.identify.properties[e.key] = structuredClone(SCHEMAS[e.s % SCHEMAS.length]);
      break;
    case 'indent':
      s.indent = e.by;
      break;
  }
  const padded = s.pad > 0 ? { 'x-pad': Array.from({ length: s.pad }, (_, i) => `line ${i}`), ...s.plan } : s.plan;
  let plan = `${'\n'.repeat(s.pad)}${JSON.stringify(padded, null, s.indent)}\n`;
  if (e.kind === 'broken-text') plan = plan.slice(0, plan.length >> 1);
  if (e.kind === 'duplicate-key') plan = plan.replace(/^(\s*)\{/, '$1{"name": "Twice", ');
  return { plan, common: JSON.stringify(s.common, null, 2) };
}

describe('the --watch memo', () => {
  it('never changes what is generated: files and diagnostics (with places) equal a fresh generation after every edit', async () => {
    await fc.assert(
      fc.asyncProperty(
        // The targets that share the memo (outputs of one plan do): one, or several one after the other
        fc.subarray<TargetName>(['web', 'react-native', 'node'], { minLength: 1 }),
        fc.array(edit, { minLength: 1, maxLength: 10 }),
        async (targets, edits) => {
          const s: State = { plan: shop(), common: { $defs: { Id: { type: 'string' } } }, indent: 2, pad: 0 };
          const memo = newMemo();
          let texts = apply(s, { kind: 'indent', by: 2 });
          for (const target of targets)
            expect(await generation(texts, target, memo)).toEqual(await generation(texts, target));
          for (const e of edits) {
            texts = apply(s, e);
            for (const target of targets) {
              const kept = await generation(texts, target, memo);
              const fresh = await generation(texts, target);
              expect(kept.diagnostics, `${target} ${JSON.stringify(e)}`).toEqual(fresh.diagnostics);
              expect(kept.files, `${target} ${JSON.stringify(e)}`).toEqual(fresh.files);
            }
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
  });

  it('keeps the IR of every event an edit did not touch, also those that $ref a $defs schema', async () => {
    const s: State = { plan: shop(), common: { $defs: { Id: { type: 'string' } } }, indent: 2, pad: 0 };
    const memo = newMemo();
    const first = await generation(apply(s, { kind: 'indent', by: 2 }), 'web', memo);
    const second = await generation(apply(s, { kind: 'describe', i: 0, text: 'Edited.' }), 'web', memo);
    const edited = names(s.plan)[0];
    const before = new Map(first.plan!.events.map((e) => [e.name, e]));
    for (const e of second.plan!.events) {
      if (e.name === edited) expect(e).not.toBe(before.get(e.name));
      else expect(e, e.name).toBe(before.get(e.name));
    }
    // Charged and Product Viewed $ref '#/$defs/Currency': a change there builds them again, and only them
    const third = await generation(apply(s, { kind: 'edit-def', bad: false }), 'web', memo);
    const rebuilt = third.plan!.events.filter((e) => e !== second.plan!.events.find((x) => x.name === e.name));
    expect(rebuilt.map((e) => e.name).sort()).toEqual(
      names(s.plan)
        .filter((n) => JSON.stringify(s.plan.events[n]).includes('#/$defs/Currency'))
        .sort(),
    );
  });

  it('moves the places of kept events with the text: a diagnostic about one points at it after lines are added above', async () => {
    const s: State = { plan: shop(), common: { $defs: { Id: { type: 'string' } } }, indent: 2, pad: 0 };
    const memo = newMemo();
    const last = names(s.plan).at(-1)!;
    // A second event whose name folds to the last one's: CT109 names both, the kept one as related; the first
    // generation works out their places in the text as it was
    s.plan.events[last.toUpperCase()] = { properties: {} };
    const before = await generation(apply(s, { kind: 'indent', by: 2 }), 'web', memo);
    const texts = apply(s, { kind: 'pad', lines: 3 });
    const kept = await generation(texts, 'web', memo);
    expect(kept.diagnostics).toEqual((await generation(texts, 'web')).diagnostics);
    expect(kept.diagnostics).not.toEqual(before.diagnostics);
    expect(kept.diagnostics.join('\n')).toMatch(/memo-plan\.json:\d+:\d+/);
  });

  it("reports a shared schema's problem when the event that reported it stops using it", async () => {
    const plan = (aUses: boolean) =>
      JSON.stringify({
        name: 'Shared',
        $defs: { Code: { type: 'string', maxLenght: 3 } },
        events: {
          A: { properties: { code: aUses ? { $ref: '#/$defs/Code' } : { type: 'string' } } },
          B: { properties: { code: { $ref: '#/$defs/Code' } } },
        },
      });
    const memo = newMemo();
    const first = await generation({ plan: plan(true), common: '{}' }, 'web', memo);
    expect(first.diagnostics.join('\n')).toMatch(/CT017 \/\$defs\/Code\/maxLenght/);
    const texts = { plan: plan(false), common: '{}' };
    const kept = await generation(texts, 'web', memo);
    expect(kept.diagnostics).toEqual((await generation(texts, 'web')).diagnostics);
    expect(kept.diagnostics.join('\n')).toMatch(/CT017 \/\$defs\/Code\/maxLenght/);
  });
});

const corpus = corpusSuite('the --watch memo over the corpus', 'the --watch memo over every plan of the corpus');
corpus.describe(corpus.title, () => {
  const plans = () =>
    readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(CORPUS, d.name))
          .filter((f) => f.endsWith('.json'))
          .map((f) => join(CORPUS, d.name, f)),
      );
  const POLICY = { flatten: '_', arrays: 'join', untyped: 'scalar', sanitize: true };

  it("gives a fresh generation's files and diagnostics (with places) after the text moves, for every plan and format", async () => {
    let compared = 0;
    for (const file of plans()) {
      const original = readFileSync(file, 'utf8');
      let parsed: unknown;
      try {
        parsed = JSON.parse(original);
      } catch {
        continue; // not JSON: nothing for the memo to keep
      }
      const moved = [JSON.stringify(parsed, null, 4), `\n\n${JSON.stringify(parsed, null, 1)}`, original];
      for (const transform of [undefined, POLICY]) {
        const memo = newMemo();
        const options = transform ? { transform } : {};
        for (const text of [original, ...moved]) {
          const read = (p: string) => (resolve(p) === resolve(file) ? text : undefined);
          const kept = await generateOutput(file, options, { read, memo });
          const fresh = await generateOutput(file, options, { read });
          const shown = (r: typeof kept) => ({
            files: r.files.map((f) => f.content),
            diagnostics: r.diagnostics.map((d) => `${formatLine(d)} ${JSON.stringify(toJson(d).related)}`),
          });
          expect(shown(kept), file).toEqual(shown(fresh));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 240_000);
});
