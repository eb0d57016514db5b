/**
 * The measurement of issue 14: across the shared corpus's Segment and RudderStack plans, how many generate a client
 * without a policy, and how many with the one documented policy (docs/transformations.md); what still fails, why.
 * Prints the counts; skipped, saying so, where ../shared/corpus is absent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { generate, validate } from '../../generator/pipeline.js';
import { corpusPlans } from '../helpers/corpus.js';
import { CORPUS, corpusAvailable, scratch } from '../helpers/paths.js';
import { compile, format, STRICT_APP } from '../helpers/tsc.js';
import type ts from 'typescript';

/** The policy the README and docs/transformations.md recommend for plans written for other tools. */
export const DOCUMENTED_POLICY = { flatten: '_', arrays: 'join', untyped: 'scalar', sanitize: true };

const errorsOf = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === 'error');
const codes = (ds: Diagnostic[]): string => {
  const counts = new Map<string, number>();
  for (const d of ds) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c} x${n}` : c)).join(', ');
};

describe.skipIf(!corpusAvailable)(
  'Segment and RudderStack plans of ../shared/corpus, without and with the documented policy',
  () => {
    const files = corpusPlans(['segment', 'rudderstack']);
    const rows: Array<{ rel: string; without: Diagnostic[]; withPolicy: Diagnostic[]; files: number }> = [];
    const out = corpusAvailable ? scratch('corpus-transformed') : '';
    const clients: string[] = [];

    afterAll(() => {
      if (rows.length === 0) return;
      const ok = (k: 'without' | 'withPolicy') => rows.filter((r) => r[k].length === 0).length;
      const lines = [
        `corpus (Segment and RudderStack): ${rows.length} plans; ${ok('without')} generate without a policy, ${ok('withPolicy')} with ${JSON.stringify(DOCUMENTED_POLICY)}`,
        ...rows
          .filter((r) => r.withPolicy.length > 0)
          .map(
            (r) =>
              `  still failing: ${r.rel}: ${codes(r.withPolicy)}: ${r.withPolicy.map((d) => d.message).join('; ')}`,
          ),
      ];
      console.info(lines.join('\n'));
    });

    it.each(files)('%s', (path) => {
      const rel = path.slice(CORPUS.length + 1);
      const without = generate(path);
      const withPolicy = generate(path, { transform: DOCUMENTED_POLICY });
      rows.push({
        rel,
        without: errorsOf(without.diagnostics),
        withPolicy: errorsOf(withPolicy.diagnostics),
        files: withPolicy.files.length,
      });
      // The policy never makes a plan worse, and what it leaves is located in the plan
      expect(errorsOf(withPolicy.diagnostics).length).toBeLessThanOrEqual(errorsOf(without.diagnostics).length);
      for (const d of withPolicy.diagnostics) expect(d.origin?.file.path, `${d.code} ${d.message}`).toBe(path);
      expect(withPolicy.files.length > 0).toBe(errorsOf(withPolicy.diagnostics).length === 0);
      if (withPolicy.files.length > 0) {
        const dir = join(out, rel.replace(/[^\w.-]+/g, '_'));
        mkdirSync(dir, { recursive: true });
        for (const f of withPolicy.files) writeFileSync(join(dir, f.path), f.content);
        clients.push(join(dir, 'index.ts'));
      }
    });

    it('the transformed clients compile under strict, all in one program', () => {
      expect(clients.length).toBeGreaterThan(0);
      const strict: ts.CompilerOptions = {
        ...STRICT_APP,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noUnusedLocals: true,
      };
      expect(format(compile(clients, strict))).toBe('');
    });

    it('the documented policy leaves only what no policy can fix: one function for two events, a value that is an object or a string', () => {
      const left = new Set<string>(rows.flatMap((r) => r.withPolicy.map((d) => d.code)));
      expect([...left].sort()).toEqual(['CT109', 'CT301'].filter((c) => left.has(c)));
      for (const r of rows)
        for (const d of r.withPolicy.filter((x) => x.code === 'CT301'))
          expect(d.message).toMatch(/union that includes an object/);
      expect(rows.filter((r) => r.withPolicy.length === 0).length).toBeGreaterThan(
        rows.filter((r) => r.without.length === 0).length,
      );
    });

    it('one function for two events: with each later one named by rename.functions, both are kept', () => {
      const collided = rows.filter((r) => r.withPolicy.some((d) => d.code === 'CT109'));
      expect(collided.length).toBeGreaterThan(0);
      for (const r of collided) {
        const path = join(CORPUS, r.rel);
        const functions: Record<string, string> = {};
        const seen = new Set<string>();
        for (const e of validate(path, { transform: DOCUMENTED_POLICY }).plan!.events) {
          const planName = e.transform?.planned.name ?? e.name;
          if (seen.has(e.functionName))
            functions[planName] = `${e.functionName}Also${Object.keys(functions).length + 1}`;
          seen.add(e.functionName);
        }
        const again = generate(path, { transform: { ...DOCUMENTED_POLICY, rename: { functions } } });
        expect(
          errorsOf(again.diagnostics).map((d) => `${d.code} ${d.message}`),
          r.rel,
        ).toEqual(r.withPolicy.filter((d) => d.code !== 'CT109').map((d) => `${d.code} ${d.message}`));
        if (r.withPolicy.every((d) => d.code === 'CT109')) expect(again.files.length, r.rel).toBeGreaterThan(0);
      }
    });
  },
);

if (!corpusAvailable) {
  describe('corpus measurement', () => {
    it.skip('../shared/corpus is absent: the corpus measurement is skipped', () => {});
  });
}
