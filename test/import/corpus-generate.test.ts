import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type ts from 'typescript';
import { expect, it } from 'vitest';
import { hasErrors } from '../../generator/diagnostics/diagnostic.js';
import { generate } from '../../generator/pipeline.js';
import { CORPUS, corpusAvailable, corpusPlans, corpusSuite } from '../helpers/corpus.js';
import { scratch } from '../helpers/paths.js';
import { compile, format, STRICT_APP } from '../helpers/tsc.js';

const STRICT: ts.CompilerOptions = {
  ...STRICT_APP,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
};

const suite = corpusSuite('generating every corpus plan', 'every plan of a format we read, from ../shared/corpus');

suite.describe(suite.title, () => {
  // The Iglu folder, read as one plan, too
  const plans = corpusAvailable ? [...corpusPlans(), join(CORPUS, 'snowplow-iglu-central')] : [];
  const out = scratch('corpus-clients');
  const clients: string[] = [];
  const failed: string[] = [];

  it.each(plans)('%s generates a client or fails with located diagnostics', (path) => {
    const result = generate(path);
    const rel = path.slice(CORPUS.length + 1);
    if (hasErrors(result.diagnostics)) {
      failed.push(rel);
      for (const d of result.diagnostics) {
        expect(d.origin, `${d.code} ${d.message} has no location`).toBeDefined();
        expect(d.origin!.file.text.length, `${d.code} points into an empty file`).toBeGreaterThan(0);
      }
      expect(result.files).toEqual([]);
    } else {
      const dir = join(out, rel.replace(/[^\w.-]+/g, '_'));
      mkdirSync(dir, { recursive: true });
      for (const f of result.files) writeFileSync(join(dir, f.path), f.content);
      clients.push(join(dir, 'index.ts'));
    }
  });

  it('the clients compile under strict, all in one program', () => {
    console.info(
      `corpus: ${plans.length} plans; ${clients.length} generate a client, ${failed.length} fail with located diagnostics`,
    );
    expect(clients.length + failed.length).toBe(plans.length);
    expect(clients.length).toBeGreaterThan(5);
    expect(format(compile(clients, STRICT))).toBe('');
  });
});
