/**
 * The shared corpus of real plans lives beside the repository (../shared/corpus), not in it: a fresh clone or CI
 * machine has none. A suite over it skips then, and says so in one line (the default reporter hides skip reasons).
 * CODEGEN_CORPUS names another folder (or a missing one, to see the message).
 */
import { describe, it } from 'vitest';
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
