/**
 * The checker over every plan in ../shared/corpus the generator reads (native, or a format generator/load/import
 * converts), file by file and the Iglu folder as one plan: it never crashes, every issue has a place, and the places
 * SOURCES.tsv describes as nested, and the prohibited characters in Typewriter's test plans, are errors exactly there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { CATALOGUE } from '../../generator/diagnostics/catalogue.js';
import { locationOf, type Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { loadPlan } from '../../generator/load/load-plan.js';
import { validate } from '../../generator/pipeline.js';

import { CORPUS, corpusAvailable as available, corpusSuite } from '../helpers/corpus.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

interface Checked {
  format: string | undefined;
  diagnostics: Diagnostic[];
}

/** The whole pipeline (load, convert if need be, model, check), and the format the file was read as. */
function checkFile(path: string): Checked {
  const { format } = loadPlan(path);
  return { format, diagnostics: validate(path).diagnostics };
}

const brief = (d: Diagnostic): string => {
  const loc = locationOf(d);
  return `${loc?.line}:${loc?.column} ${d.severity} ${d.code} ${d.origin?.pointer}`;
};

/** Issues that must be among a file's diagnostics: the nested properties and prohibited characters in it. */
const PINNED: Record<string, string[]> = {
  'rudderstack-ruddertyper/example__ecommerce-spec-plan.json': [
    '24:9 error CT301 /rules/events/0/rules/properties/properties/properties/products',
    '183:9 error CT301 /rules/events/2/rules/properties/properties/properties/details',
  ],
  'rudderstack-rudder-iac/typer__remote_tracking_plan.golden.json': [
    '164:15 error CT301 /events/2/rules/properties/properties/properties/someNestedObject',
    '222:15 error CT301 /events/2/rules/properties/properties/properties/someObject',
  ],
  'snowplow-iglu-central/com.snowplowanalytics.snowplow__site_search__1-0-0.json': [
    '13:3 error CT301 /properties/terms',
    '20:3 error CT301 /properties/filters',
  ],
  'snowplow-iglu-central/com.snowplowanalytics.snowplow__campaign_attribution__1-0-0.json': [
    '22:3 error CT301 /properties/parameters',
  ],
  'snowplow-iglu-central/com.snowplowanalytics.snowplow__element__1-0-0.json': [
    '48:5 error CT301 /properties/attributes',
  ],
  'snowplow-iglu-central/com.snowplowanalytics.snowplow__pii_transformation__1-0-0.json': [
    '126:5 error CT301 /properties/strategy',
  ],
  'snowplow-iglu-central/org.whatwg__media_element__1-0-0.json': [
    '16:5 error CT301 /properties/buffered',
    '74:5 error CT301 /properties/error',
  ],
  'snowplow-iglu-central/com.urbanairship.connect__CUSTOM__1-0-0.json': [
    '11:5 error CT301 /properties/body',
    '100:5 error CT301 /properties/device',
  ],
  'snowplow-iglu-central/com.google.tag-manager.server-side__purchase__1-0-0.json': [
    '48:17 error CT301 /properties/items',
  ],
  'segment-typewriter/e2e-v7__web-typescript__plan.json': [
    '9:9 error CT102 /rules/events/0/name',
    '949:17 error CT301 /rules/events/16/rules/properties/properties/properties/garage',
    '1130:17 error CT202 /rules/events/20/rules/properties/properties/properties/0000---terrible-property-name~0!3',
    '1259:9 error CT109 /rules/events/23/name',
  ],
  'segment-typewriter/fixtures__tracking-plan.json': [
    '5:7 error CT102 /events/0/name',
    '12:15 error CT202 /events/0/rules/properties/properties/properties/0000---terrible-property-name~0!3',
  ],
};

interface Source {
  file: string;
  notes: string;
}

function sources(): Source[] {
  const rows = readFileSync(join(CORPUS, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((r) => r.split('\t')).map((c) => ({ file: c[0]!, notes: c[5] ?? '' }));
}

/** Notes that say a file has a nested object or array property. */
const NESTED = /nested|array-of-objects|array of objects/i;

const suite = corpusSuite('checking every corpus plan', `the corpus (${CORPUS})`);

suite.describe(suite.title, () => {
  const files = available ? filesUnder(CORPUS).filter((f) => f.endsWith('.json')) : [];

  it.each(files.map((f) => [relative(CORPUS, f), f]))(
    '%s: checks without crashing; every issue has a place',
    (_, path) => {
      const { diagnostics } = checkFile(path);
      for (const d of diagnostics) {
        expect(Object.hasOwn(CATALOGUE, d.code)).toBe(true);
        if (d.origin?.file.text) expect(locationOf(d)!.line).toBeGreaterThan(0);
      }
    },
  );

  it.each(Object.entries(PINNED))('%s: errors at the nested properties and prohibited characters', (file, want) => {
    const { diagnostics } = checkFile(join(CORPUS, file));
    expect(diagnostics.map(brief)).toEqual(expect.arrayContaining(want));
  });

  it('every file whose SOURCES.tsv notes say "nested" and that the generator reads has a CT301 error', () => {
    const nested = sources().filter((s) => NESTED.test(s.notes) && s.file.endsWith('.json'));
    expect(nested.length).toBeGreaterThan(5);
    const missing = nested.filter((s) => {
      const { format, diagnostics } = checkFile(join(CORPUS, s.file));
      return format !== undefined && !diagnostics.some((d) => d.code === 'CT301' && d.severity === 'error');
    });
    expect(missing.map((s) => s.file)).toEqual([]);
  });

  it('the Iglu folder read as one plan: no crash, and the same errors at the same places', () => {
    const { diagnostics } = checkFile(join(CORPUS, 'snowplow-iglu-central'));
    const at = (d: Diagnostic): string => `${relative(CORPUS, d.origin!.file.path)}:${brief(d)}`;
    const got = diagnostics.filter((d) => d.origin?.file.text).map(at);
    const want = Object.entries(PINNED)
      .filter(([file]) => file.startsWith('snowplow-iglu-central/'))
      .flatMap(([file, issues]) => issues.map((i) => `${file}:${i}`));
    expect(want.length).toBeGreaterThan(5);
    expect(got).toEqual(expect.arrayContaining(want));
  });

  it('the PII schema\'s "pii" object (type object with an anyOf of required lists) is an error at its key', () => {
    const { diagnostics } = checkFile(
      join(CORPUS, 'snowplow-iglu-central/com.snowplowanalytics.snowplow__pii_transformation__1-0-0.json'),
    );
    expect(
      diagnostics
        .filter((d) => d.severity === 'error' && d.origin?.pointer === '/properties/pii')
        .map((d) => locationOf(d)!.line),
    ).toEqual([12]);
  });
});
