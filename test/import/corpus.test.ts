/**
 * Every JSON plan of the shared corpus (real public plans) through detectFormat and importPlan: no exception,
 * the expected format, and a plan whose names, $refs and diagnostics all point back into the file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { detectFormat, importIgluFolder, importPlan, type PlanFormat } from '../../generator/load/import/index.js';
import { readJson } from '../../generator/load/read-json.js';
import { memberOrigin, unescapePointerToken } from '../../generator/load/source.js';
import { locate } from '../../generator/core/source-file.js';
import { at, type Obj } from './fixtures/helpers.js';

import { CORPUS as corpus, corpusAvailable, corpusSuite } from '../helpers/corpus.js';

/** What each corpus file is; files not listed are of their folder's format. */
const FOLDER_FORMAT: Record<string, PlanFormat | undefined> = {
  'amplitude-ampli': undefined,
  avo: undefined,
  'contentful-templates': 'segment',
  'rudderstack-rudder-iac': 'rudderstack',
  'rudderstack-ruddertyper': 'rudderstack',
  'segment-typewriter': 'segment',
  'snowplow-iglu-central': 'iglu',
};
const FILE_FORMAT: Record<string, PlanFormat | undefined> = {
  // plain JSON Schema test fixtures, not plans
  'rudderstack-ruddertyper/fixtures__customTypes.json': undefined,
  'segment-typewriter/ast-schemas__enums.json': undefined,
  'segment-typewriter/ast-schemas__null.json': undefined,
  'segment-typewriter/schemas__basicTypes.json': undefined,
  'segment-typewriter/schemas__enums.json': undefined,
  'segment-typewriter/schemas__nested.json': undefined,
  'segment-typewriter/schemas__nulls.json': undefined,
  'segment-typewriter/schemas__required.json': undefined,
  'segment-typewriter/schemas__unions.json': undefined,
};

function corpusFiles(): string[] {
  return Object.keys(FOLDER_FORMAT)
    .filter((dir) => existsSync(join(corpus, dir)))
    .flatMap((dir) =>
      readdirSync(join(corpus, dir))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => `${dir}/${f}`),
    );
}

function expectedFormat(rel: string): PlanFormat | undefined {
  return rel in FILE_FORMAT ? FILE_FORMAT[rel] : FOLDER_FORMAT[rel.split('/')[0]!];
}

/** Every value in the tree, with its key. */
function* walk(node: unknown, key = ''): Generator<[string, unknown]> {
  yield [key, node];
  if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) yield* walk(v, k);
}

function resolves(plan: Obj, ref: string): boolean {
  let node: unknown = plan;
  const pointer = decodeURIComponent(ref.slice(1));
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const token = unescapePointerToken(raw);
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return false;
    node = (node as Obj)[token];
  }
  return true;
}

/** `$ref`s into the source document that the conversion could not map (the checker reports those). */
const UNMAPPED_REFS = new Set<string>();

const files = corpusAvailable ? corpusFiles() : [];
const suite = corpusSuite('importing every corpus file', `the shared corpus (${corpus})`);

suite.describe(suite.title, () => {
  it.each(files)('%s', (rel) => {
    const read = readJson(join(corpus, rel));
    expect(read.diagnostics).toEqual([]);
    const format = detectFormat(read.value);
    expect(format).toBe(expectedFormat(rel));
    if (format === undefined || format === 'native') return;

    const { plan, diagnostics } = importPlan(read.value, read.file, format);
    const events = plan.events as Obj;
    expect(typeof plan.name).toBe('string');
    expect(Object.keys(events).length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.origin?.file).toBe(read.file);
      expect(locate(d.origin!.file, d.origin!.offset).line).toBeGreaterThan(0);
    }
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const name of Object.keys(events)) {
      const origin = memberOrigin(events, name);
      expect(origin?.file).toBe(read.file);
      expect(origin?.pointer).toMatch(/\/(name|key)$/);
    }
    for (const [key, value] of walk(plan)) {
      if (key === 'type' && Array.isArray(value)) expect(value.length).toBeGreaterThan(1);
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#') && !resolves(plan, value))
        UNMAPPED_REFS.add(`${rel} ${value}`);
    }
    expect([...UNMAPPED_REFS].filter((r) => r.startsWith(rel))).toEqual([]);
  });

  it('reads the Iglu folder as one plan, keeping the highest version and reporting a name two vendors share', () => {
    const { plan, diagnostics } = importIgluFolder(join(corpus, 'snowplow-iglu-central'), { readableNames: true });
    const events = plan.events as Obj;
    expect(Object.keys(events)).toHaveLength(34);
    expect(events['Link Click']).toBeDefined();
    expect(Object.keys(plan.$defs as Obj).sort()).toEqual(['discovery', 'items_in_cart', 'stringArray']);
    expect(diagnostics.map((d) => `${d.code} ${d.origin?.file.path.split('/').pop()}@${at(d.origin)}`).sort()).toEqual([
      'CT053 com.snowplowanalytics.snowplow__link_click__1-0-1.json@6:3',
      'CT054 io.snowplow.ecomm__add_to_cart__1-0-0.json@38:9',
    ]);
  });
});
