/**
 * The shared corpus of real plans lives beside the repository (../shared/corpus), not in it: a fresh clone or CI
 * machine has none. A suite over it skips then, and says so in one line (the default reporter hides skip reasons).
 * CODEGEN_CORPUS names another folder (or a missing one, to see the message).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { detectFormat, type PlanFormat } from '../../generator/load/import/index.js';
import { readJson } from '../../generator/load/read-json.js';
import { CORPUS, corpusAvailable } from './paths.js';

export { CORPUS, corpusAvailable };

interface CorpusSuite {
  describe: typeof describe | typeof describe.skip;
  it: typeof it | typeof it.skip;
  title: string;
}

/** `describe` (or `it`) for tests over the corpus, or their `.skip` after one line on stderr saying why. */
export function corpusSuite(what: string, title: string): CorpusSuite {
  if (corpusAvailable) return { describe, it, title };
  const why = `no corpus at ${CORPUS} (it lives beside the repository, in ../shared/corpus)`;
  console.warn(`[corpus] SKIPPED ${what}: ${why}`);
  return { describe: describe.skip, it: it.skip, title: `${title} (SKIPPED: ${why})` };
}

/** The corpus folders that hold plans in a format the generator reads (the others: Amplitude, Avo). */
const PLAN_FOLDERS = [
  'segment-typewriter',
  'rudderstack-ruddertyper',
  'rudderstack-rudder-iac',
  'snowplow-iglu-central',
  'contentful-templates',
];

/**
 * The corpus's plans the generator reads, as absolute paths, by folder and name: each JSON file of those folders
 * whose format detectFormat recognises (only `formats`, when given). None without a corpus.
 */
export function corpusPlans(formats?: readonly PlanFormat[]): string[] {
  if (!corpusAvailable) return [];
  return PLAN_FOLDERS.flatMap((d) =>
    readdirSync(join(CORPUS, d))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(CORPUS, d, f)),
  ).filter((f) => {
    const format = detectFormat(readJson(f).value);
    return format !== undefined && (!formats || formats.includes(format));
  });
}
