/**
 * A property: random nested plans (objects in objects, arrays of scalars and of objects, untyped values, names with
 * characters CleverTap deletes), under the documented policy with `arrayObjects: "index"`, give a client whose
 * calls (random values of the plan's shape) send CleverTap only keys that pass its rules, judged by the web SDK's
 * own key-sanitising expression and the documented limits, and only scalar values; a value CleverTap would cut
 * (a joined string over 512 bytes, possible only where the plan bounds nothing) is reported by development mode.
 * Every client also compiles under strict (nested object types with hostile keys included).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LIMITS, PROHIBITED_CHARACTERS } from '../../generator/clevertap/facts.js';
import { generate } from '../../generator/pipeline.js';
import { fakeSdk } from '../helpers/fake-sdk.js';
import { scratch } from '../helpers/paths.js';
import { planJson } from '../helpers/plan.js';
import { compile, format, STRICT_APP } from '../helpers/tsc.js';
import { params, runs } from '../property/support/runs.js';

/** clevertap-web-sdk 2.5.2's unsupportedKeyCharRegex: what the SDK deletes from keys and event names. */
const SDK_KEY_CHARS = /^\s+|\.|:|\$|'|"|\\|\s+$/g;

type Schema = Record<string, unknown>;

const NAME_CHARS = [
  'a',
  'b',
  'c',
  'x',
  'Y',
  ' ',
  '.',
  ':',
  '$',
  '&',
  '%',
  '!',
  "'",
  '"',
  '\\',
  '*',
  '/',
  '\u2028',
  '_',
  '-',
  'é',
];
const nameArb = fc
  .array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(''))
  .filter((n) => n.trim() !== '' && /[a-zA-Zé]/.test(n));

const scalarArb: fc.Arbitrary<Schema> = fc.oneof(
  fc.record({ type: fc.constant('string'), maxLength: fc.integer({ min: 1, max: 40 }) }),
  fc.constant({ type: 'string' }),
  fc.constant({ type: 'number' }),
  fc.constant({ type: 'integer' }),
  fc.constant({ type: 'boolean' }),
  fc.constant({ type: 'string', format: 'date-time' }),
  fc.constant({}),
);

function objectOf(props: Array<[string, Schema]>, required: boolean[]): Schema {
  const properties: Schema = {};
  const req: string[] = [];
  props.forEach(([k, v], i) => {
    if (Object.hasOwn(properties, k)) return;
    properties[k] = v;
    if (required[i]) req.push(k);
  });
  return { type: 'object', properties, ...(req.length > 0 && { required: req }) };
}

const schemaArb: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema; object: Schema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    tie('object'),
    fc
      .record({
        type: fc.constant('array'),
        items: scalarArb,
        maxItems: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      })
      .map((s) => (s.maxItems === undefined ? { type: s.type, items: s.items } : s)),
    fc.record({ type: fc.constant('array'), items: tie('object'), maxItems: fc.integer({ min: 0, max: 3 }) }),
  ),
  object: fc
    .tuple(
      fc.array(fc.tuple(nameArb, tie('schema')), { minLength: 0, maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    )
    .map(([props, req]) => objectOf(props, req)),
})).object;

const planArb = fc.array(fc.tuple(nameArb, schemaArb), { minLength: 1, maxLength: 3 }).map((events) => {
  const out: Record<string, Schema> = {};
  for (const [name, schema] of events) if (!Object.hasOwn(out, name.trim())) out[name.trim()] = schema;
  return { name: 'Random', events: out };
});

const SAFE = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '1', '-', 'é', '€', '😀'), maxLength: 60 });

/** A valid value of a schema (what the typed function accepts); undefined for an optional key left out. */
function valueArb(s: Schema): fc.Arbitrary<unknown> {
  switch (s.type) {
    case 'string':
      if (s.format === 'date-time') return fc.integer({ min: 0, max: 4e12 }).map((t) => new Date(t));
      return SAFE.map((v) => (typeof s.maxLength === 'number' ? v.slice(0, s.maxLength) : v)).map((v) =>
        v.length > 0 && typeof s.maxLength === 'number' && [...v].length > s.maxLength ? v.slice(0, -2) : v,
      );
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'integer':
      return fc.integer();
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const max = typeof s.maxItems === 'number' ? s.maxItems : 40;
      return fc.array(valueArb(s.items as Schema), { maxLength: max });
    }
    case 'object': {
      const props = s.properties as Record<string, Schema>;
      const req = new Set((s.required as string[] | undefined) ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = valueArb(v);
      return fc.record(model, { requiredKeys: Object.keys(props).filter((k) => req.has(k)) });
    }
    default:
      return fc.oneof(SAFE, fc.integer(), fc.boolean());
  }
}

const POLICY = { flatten: '_', arrays: 'join', untyped: 'scalar', sanitize: true, arrayObjects: 'index' };

/** Why CleverTap would not keep this key as it is; undefined when it does. */
function keyProblem(key: string): string | undefined {
  if (key.trim() === '') return 'empty';
  if (key.replace(SDK_KEY_CHARS, '') !== key) return 'the SDK deletes characters of it';
  if (PROHIBITED_CHARACTERS.some((c) => key.includes(c))) return 'a prohibited character';
  if (key.length > LIMITS.nameLength) return 'too long';
  if (key.toLowerCase().startsWith('wzrk_')) return 'reserved';
  return undefined;
}

function valueProblem(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'an invalid date' : undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : 'not finite';
  if (typeof v === 'boolean') return undefined;
  if (typeof v === 'string')
    return new TextEncoder().encode(v).length > LIMITS.valueBytes ? 'over 512 bytes' : undefined;
  return `not a scalar: ${JSON.stringify(v)}`;
}

const COMPILER: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext };
const STRICT: ts.CompilerOptions = {
  ...STRICT_APP,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
};

let tried = 0;
let sent = 0;

describe('a transformed client sends only what CleverTap keeps', () => {
  it("keys pass CleverTap's rules; values are scalars, and a value CleverTap would cut is reported in development mode", async () => {
    const root = scratch('transform-property');
    const clients: string[] = [];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        planArb.chain((plan) =>
          fc.tuple(fc.constant(plan), fc.tuple(...Object.values(plan.events).map((e) => valueArb(e)))),
        ),
        async ([plan, calls]) => {
          const dir = join(root, String(n++));
          mkdirSync(dir);
          writeFileSync(join(dir, 'plan.json'), planJson(plan));
          const result = generate(join(dir, 'plan.json'), { transform: POLICY });
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          // A policy can make keys collide or leave no function name: such plans are refused, with a reason
          fc.pre(errors.length === 0);
          tried++;
          for (const f of result.files) {
            writeFileSync(join(dir, f.path), f.content);
            writeFileSync(
              join(dir, f.path.replace(/\.ts$/, '.js')),
              ts.transpileModule(f.content, { compilerOptions: COMPILER }).outputText,
            );
          }
          clients.push(join(dir, 'index.ts'));
          const client = (await import(/* @vite-ignore */ join(dir, 'index.js'))) as Record<
            string,
            (p?: unknown) => void
          > & { init(o: unknown): Promise<void> };
          const sdk = fakeSdk();
          const reported: Array<{ event: string; property: string }> = [];
          await client.init({
            sdk,
            mode: 'development',
            onViolation: (v: { event: string; property: string }) => void reported.push(v),
          });
          const events = result.plan!.events;
          Object.keys(plan.events).forEach((name, i) => {
            const fn = events.find((e) => (e.transform?.planned.name ?? e.name) === name)!.functionName;
            client[fn]!(calls[i]);
          });
          expect(sdk.calls).toHaveLength(Object.keys(plan.events).length);
          for (const call of sdk.calls) {
            const [, event, data] = call as ['event', string, Record<string, unknown>];
            expect(keyProblem(event), `event name ${JSON.stringify(event)}`).toBeUndefined();
            expect(Object.keys(data).length).toBeLessThanOrEqual(LIMITS.propertiesError);
            for (const [k, v] of Object.entries(data)) {
              sent++;
              expect(keyProblem(k), `key ${JSON.stringify(k)} of ${event}`).toBeUndefined();
              const problem = valueProblem(v);
              if (problem === undefined) continue;
              expect(problem, `${event}.${k} = ${JSON.stringify(v)}`).toBe('over 512 bytes');
              expect(
                reported.some((r) => r.event === event && r.property === k),
                `${event}.${k} over 512 bytes, not reported`,
              ).toBe(true);
            }
          }
        },
      ),
      // A longer budget than the default 30 s: on a loaded machine skipped runs would fail the property
      params(runs(40), process.env.FUZZ_RUNS ? undefined : 150_000),
    );
    console.info(`transformed clients: ${tried} plans generated and called, ${sent} keys sent and judged`);
    expect(tried).toBeGreaterThan(10);
    // Every client, hostile names in nested object types included, compiles under strict: one program for all
    expect(format(compile(clients, STRICT))).toBe('');
  }, 300_000);
});
