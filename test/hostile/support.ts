/**
 * The two acceptable outcomes of a hostile plan: a clear error (located, with a message), or a client that reads
 * back as the plan (exact names and keys in the code, descriptions inside their comments), compiles under strict
 * with calls of every function, and sends exactly the plan's names and keys.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { locationOf, type Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { generate, validate } from '../../generator/pipeline.js';
import { brief, planJson } from '../helpers/plan.js';
import { check, formatProblems, virtualDir } from '../property/support/compiler.js';
import {
  callAll,
  clientOf,
  describeCalls,
  expectedCalls,
  fakeSdk,
  importClient,
  programFiles,
  scratchFile,
  sourceProblems,
  type GeneratedClient,
} from '../property/support/harness.js';
import { show, type DocSpec, type Rendered, type TrackCall, type Witness } from '../property/support/plans.js';

type Schema = Record<string, unknown>;

/** Follows `#/...` references inside the plan (enough for the hostile plans); the referring schema's keywords win. */
function resolve(plan: Schema, s: Schema): Schema {
  const chain: Schema[] = [];
  let node: Schema = s;
  while (typeof node.$ref === 'string' && !chain.includes(node)) {
    chain.push(node);
    let target: unknown = plan;
    for (const raw of node.$ref
      .replace(/^#\/?/, '')
      .split('/')
      .filter((t) => t !== '')) {
      const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = Object.hasOwn(target as Schema, token) ? (target as Schema)[token] : undefined;
    }
    node = target as Schema;
  }
  const out: Schema = { ...node };
  for (const link of chain.reverse())
    Object.assign(out, Object.fromEntries(Object.entries(link).filter(([k]) => k !== '$ref')));
  delete out.$ref;
  return out;
}

/** A valid value for a scalar schema (the first enum value, a Date for dates...). */
function witnessOf(plan: Schema, raw: Schema): Witness {
  const s = resolve(plan, raw);
  if (Array.isArray(s.enum)) return wrap(s.enum[0]);
  if ('const' in s) return wrap(s.const);
  const branches = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (branches) return witnessOf(plan, branches[0]!);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'string') {
    if (s.format === 'date' || s.format === 'date-time') return { d: 0 };
    return { s: s.format === 'email' ? 'ada@example.com' : s.format === 'uri' ? 'https://example.com/' : 'a value' };
  }
  if (type === 'number' || type === 'integer') return { n: 7 };
  if (type === 'boolean') return { b: true };
  if (type === 'array') return { a: [{ s: 'tag' }] };
  throw new Error(`no witness for ${JSON.stringify(s)}`);
}

const wrap = (v: unknown): Witness =>
  typeof v === 'string' ? { s: v } : typeof v === 'number' ? { n: v } : { b: v as boolean };

const docOf = (s: Schema): DocSpec => ({
  ...(typeof s.description === 'string' && { description: s.description }),
  ...(typeof s.title === 'string' && { title: s.title }),
  ...(typeof s.deprecated === 'string' && { deprecated: s.deprecated }),
});

/** What the property harness needs, read off a plan object: one call per event, with a value for every key. */
export function renderedOf(plan: Schema): Rendered {
  const events = plan.events as Schema;
  const calls: TrackCall[] = Object.keys(events).map((name) => {
    const schema = resolve(plan, events[name] as Schema);
    const properties = (schema.properties ?? {}) as Schema;
    const keys = Object.keys(properties);
    const additional = schema.additionalProperties !== undefined && schema.additionalProperties !== false;
    return {
      event: name,
      props: keys.map((k): [string, Witness] => {
        if (name === 'Charged' && k === 'Items') return [k, { a: [] }];
        return [k, witnessOf(plan, properties[k] as Schema)];
      }),
      keys,
      required: Array.isArray(schema.required) ? (schema.required as string[]) : [],
      additional,
      docs: docOf(schema),
      propDocs: keys.map((k) => [k, docOf(resolve(plan, properties[k] as Schema))]),
    };
  });
  const identify = plan.identify as Schema | undefined;
  if (!identify) return { plan, calls };
  const traits = (identify.properties ?? {}) as Schema;
  const standard: Record<string, string> = {
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    gender: 'Gender',
    birthday: 'DOB',
    avatar: 'Photo',
  };
  return {
    plan,
    calls,
    identify: {
      userId: 'user-1',
      hasTraits: Object.keys(traits).length > 0,
      traits: Object.keys(traits).map((k): [string, Witness] => [
        k,
        /^e-?mail$/i.test(k)
          ? { s: 'ada@example.com' }
          : /^phone$/i.test(k)
            ? { s: '+14155552671' }
            : witnessOf(plan, traits[k] as Schema),
      ]),
      fields: Object.keys(traits).map((k) => [k, Object.hasOwn(standard, k) ? standard[k]! : k]),
    },
  };
}

export type Outcome =
  | { kind: 'error'; errors: Diagnostic[]; diagnostics: Diagnostic[] }
  | { kind: 'client'; client: GeneratedClient; diagnostics: Diagnostic[] };

/** Writes the plan text and runs the pipeline; throws if the pipeline throws (that is never acceptable). */
export function outcomeOfText(text: string | Buffer, name = 'plan.json'): Outcome {
  const path = scratchFile('');
  const file = `${path}-${name}`;
  writeFileSync(file, text);
  return outcomeOfPath(file);
}

export function outcomeOfPath(path: string, rendered?: Rendered): Outcome {
  const result = generate(path);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { kind: 'error', errors, diagnostics: result.diagnostics };
  expect(result.files.length, 'a plan without errors gives a client').toBeGreaterThan(0);
  return {
    kind: 'client',
    client: clientOf(rendered ?? { plan: {}, calls: [] }, result),
    diagnostics: result.diagnostics,
  };
}

/** Every error is located inside its file and says something. */
export function expectClear(errors: readonly Diagnostic[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const d of errors) {
    const loc = locationOf(d);
    expect(loc, `${d.code} ${d.message} has no location`).toBeDefined();
    const lines = d.origin!.file.text.split('\n');
    expect(loc!.line).toBeLessThanOrEqual(lines.length);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.hint.length).toBeGreaterThan(0);
  }
}

/** The full check of a client: reads back as the plan, compiles with its calls under strict, sends exactly. */
export async function expectWorkingClient(client: GeneratedClient): Promise<void> {
  expect(sourceProblems(client), `plan:\n${show(client.rendered.plan)}`).toEqual([]);
  const dir = virtualDir();
  const problems = check(new Map(programFiles(client, dir)));
  expect(formatProblems(problems), `plan:\n${show(client.rendered.plan)}`).toBe('');
  const want = describeCalls(expectedCalls(client));
  for (const mode of ['production', 'development'] as const) {
    // A module of its own per mode: init connects a client once
    const mod = await importClient(client);
    const sdk = fakeSdk();
    await mod.init({ sdk, mode, onViolation: 'throw' });
    callAll(mod, client);
    expect(describeCalls(sdk.calls), mode).toEqual(want);
  }
}

/** The strict compiler's complaints about a client's own files (no calls of it), as text; '' when it compiles. */
export function compileProblems(client: GeneratedClient): string {
  const dir = virtualDir();
  return formatProblems(check(new Map(client.files.map((f): [string, string] => [join(dir, f.path), f.content]))));
}

/** Either a clear error or a working client; returns which, for tests that expect one of them. */
export async function errorOrWorkingClient(plan: Schema): Promise<Outcome> {
  const path = scratchFile('.json');
  writeFileSync(path, planJson(plan));
  const outcome = outcomeOfPath(path);
  if (outcome.kind === 'error') expectClear(outcome.errors);
  else {
    // values for the calls, read off the plan only now that the generator has accepted it
    outcome.client.rendered = renderedOf(plan);
    await expectWorkingClient(outcome.client);
  }
  return outcome;
}

/** A working client, and no error: for plans that are valid. */
export async function workingClient(plan: Schema): Promise<GeneratedClient> {
  const outcome = await errorOrWorkingClient(plan);
  if (outcome.kind === 'error')
    throw new Error(`a valid plan was refused: ${outcome.errors.map((d) => `${brief(d)} ${d.message}`).join('; ')}`);
  return outcome.client;
}

/** The error codes (with line:col) of a plan text, never throwing. */
export function codesOf(text: string): string[] {
  const path = scratchFile('.json');
  writeFileSync(path, text);
  return validate(path)
    .diagnostics.filter((d) => d.severity === 'error')
    .map(brief);
}

export { planJson, show };
