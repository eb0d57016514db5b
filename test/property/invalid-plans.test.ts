/**
 * Random invalid plans — valid plans with one thing broken (a prohibited character, an object property, an
 * over-long name, a system event, a bad or cyclic $ref, a wrong JSON type...), random JSON values and random text as
 * the plan file — always give located error diagnostics, and nothing ever throws.
 * Also: a random value put at a random place of a valid plan never makes the generator throw, and when the plan is
 * still valid the client it gives parses.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { locationOf, type Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { generate, validate } from '../../generator/pipeline.js';
import { brief, planJson } from '../helpers/plan.js';
import { removeScratch, scratchFile } from './support/harness.js';
import { mutationArb } from './support/mutations.js';
import { planSpecArb, put, render } from './support/plans.js';
import { params, runs, SEED, tried } from './support/runs.js';

afterAll(() => {
  removeScratch();
  console.info(`invalid plans: seed ${SEED}; ${tried.plans} mutated plans, ${tried.texts} random files`);
});

/** Runs the pipeline on a plan text; an exception becomes a failure that shows the text. */
function run(text: string, what: string): { diagnostics: Diagnostic[]; files: number; source?: string } {
  const path = scratchFile('.json');
  writeFileSync(path, text);
  try {
    const checked = validate(path);
    const generated = generate(path);
    expect(generated.diagnostics.map(brief)).toEqual(checked.diagnostics.map(brief));
    return {
      diagnostics: checked.diagnostics,
      files: generated.files.length,
      ...(generated.files[0] && { source: generated.files[0].content }),
    };
  } catch (e) {
    throw new Error(
      `the pipeline threw on ${what}: ${(e as Error).stack ?? String(e)}\nplan text:\n${text.slice(0, 20_000)}`,
    );
  }
}

/** Every diagnostic has a place, and that place is inside its file. */
function unlocated(ds: readonly Diagnostic[]): string[] {
  return ds.flatMap((d) => {
    const loc = locationOf(d);
    if (!d.origin || !loc) return [`${d.code} has no location: ${d.message}`];
    const lines = d.origin.file.text.split('\n');
    const line = lines[loc.line - 1];
    if (line === undefined || loc.column < 1 || loc.column > line.length + 1)
      return [`${brief(d)} is outside ${d.origin.file.path} (${lines.length} lines)`];
    return [];
  });
}

function mustFail(text: string, what: string): Diagnostic[] {
  const { diagnostics, files } = run(text, what);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const context = `${what}\ndiagnostics: ${diagnostics.map((d) => `${brief(d)} ${d.origin?.pointer ?? ''} ${d.message}`).join('\n  ')}\nplan text:\n${text.slice(0, 20_000)}`;
  if (errors.length === 0) throw new Error(`no error for ${context}`);
  if (files !== 0) throw new Error(`files were generated for ${context}`);
  const lost = unlocated(diagnostics);
  if (lost.length > 0) throw new Error(`${lost.join('\n')}\nfor ${context}`);
  return errors;
}

describe('random invalid plans', () => {
  it('a valid plan with one thing broken: that error, at that place, located, and no exception', () => {
    fc.assert(
      fc.property(planSpecArb(3), mutationArb, (spec, m) => {
        tried.plans++;
        const plan = render(spec).plan;
        m.apply(plan);
        const text = planJson(plan);
        const errors = mustFail(text, m.what);
        const codes = m.code.split('|');
        const hit = errors.some(
          (d) => (m.code === '*' || codes.includes(d.code)) && (d.origin?.pointer ?? '').startsWith(m.at),
        );
        if (!hit)
          throw new Error(
            `${m.what}: expected ${m.code} at ${JSON.stringify(m.at)}, got ${errors.map((d) => `${d.code} at ${JSON.stringify(d.origin?.pointer)}`).join(', ')}\nplan text:\n${text.slice(0, 20_000)}`,
          );
      }),
      params(runs(300)),
    );
  });

  it('a random JSON value as the plan file: located errors, no exception', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        tried.texts++;
        mustFail(JSON.stringify(value, null, 1) ?? 'null', 'a random JSON value');
      }),
      params(runs(300)),
    );
  });

  it('random text as the plan file (and broken JSON): located errors, no exception', () => {
    // positions do not shrink: a smaller position is a different cut, not a simpler one
    const brokenJson = fc
      .tuple(planSpecArb(2), fc.noShrink(fc.nat()), fc.noShrink(fc.nat()), fc.string({ unit: 'binary', maxLength: 3 }))
      .map(([spec, at, cut, junk]) => {
        const text = planJson(render(spec).plan);
        const i = at % text.length;
        // cut some characters out, or put some in: either way the text is (almost always) no longer JSON
        return cut % 2 === 0
          ? text.slice(0, i) + text.slice(i + 1 + (cut % 5))
          : text.slice(0, i) + junk + '{' + text.slice(i);
      });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }), brokenJson),
        (text) => {
          tried.texts++;
          const { diagnostics } = run(text, 'random text');
          const lost = unlocated(diagnostics);
          if (lost.length > 0) throw new Error(`${lost.join('\n')}\nplan text:\n${text.slice(0, 5000)}`);
          // Text that happens to be a valid plan is fine; anything else must have an error.
          const parsed = (() => {
            try {
              return JSON.parse(text) as unknown;
            } catch {
              return undefined;
            }
          })();
          const plausible = typeof parsed === 'object' && parsed !== null && 'events' in parsed && 'name' in parsed;
          if (!plausible && !diagnostics.some((d) => d.severity === 'error'))
            throw new Error(`no error for ${JSON.stringify(text.slice(0, 2000))}`);
        },
      ),
      params(runs(300)),
    );
  });

  it('a random JSON value at a random place of a valid plan: no exception, located diagnostics, and a client that parses if valid', () => {
    const paths = (v: unknown, at: string[] = []): string[][] =>
      typeof v === 'object' && v !== null
        ? [at, ...Object.keys(v).flatMap((k) => paths((v as Record<string, unknown>)[k], [...at, k]))]
        : [at];
    fc.assert(
      fc.property(planSpecArb(3), fc.noShrink(fc.nat()), fc.jsonValue({ maxDepth: 2 }), (spec, pick, value) => {
        tried.plans++;
        const plan = render(spec).plan;
        const all = paths(plan).filter((p) => p.length > 0);
        const path = all[pick % all.length]!;
        let parent: Record<string, unknown> = plan;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
        put(parent, path[path.length - 1]!, value);
        const text = planJson(plan);
        const where = `${JSON.stringify(value)} at /${path.join('/')}`;
        const { diagnostics, source } = run(text, where);
        const lost = unlocated(diagnostics);
        if (lost.length > 0) throw new Error(`${lost.join('\n')}\n${where}\nplan text:\n${text.slice(0, 20_000)}`);
        if (source !== undefined) {
          const out = ts.transpileModule(source, {
            reportDiagnostics: true,
            compilerOptions: { target: ts.ScriptTarget.ES2022 },
          });
          const syntax = (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
          if (syntax.length > 0)
            throw new Error(
              `the client does not parse (${syntax.join('; ')})\n${where}\nplan text:\n${text.slice(0, 20_000)}`,
            );
        }
      }),
      params(runs(200)),
    );
  });
});
