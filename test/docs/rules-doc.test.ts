/** docs/clevertap-rules.md explains every code of the catalogue, as the catalogue words it today. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../generator/diagnostics/catalogue.js';
import { docsLinkFor } from '../../generator/diagnostics/docs-link.js';
import { ROOT } from '../helpers/paths.js';
import { END, renderCodes, START } from './rule-codes.js';
import { anchorsOf } from './markdown.js';

const DOC = join(ROOT, 'docs', 'clevertap-rules.md');

describe('docs/clevertap-rules.md', () => {
  it('carries the reference of every code, made from the catalogue (UPDATE_DOCS=1 rewrites it)', () => {
    const text = readFileSync(DOC, 'utf8');
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    expect(start, `${START} in ${DOC}`).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = text.slice(start, end + END.length);
    const wanted = renderCodes();
    if (current !== wanted && process.env.UPDATE_DOCS)
      writeFileSync(DOC, text.slice(0, start) + wanted + text.slice(end + END.length));
    else expect(current, 'run UPDATE_DOCS=1 npx vitest run test/docs to update docs/clevertap-rules.md').toBe(wanted);
  });

  it('has a section for each code, the one the JSON output links to', () => {
    const anchors = anchorsOf(readFileSync(DOC, 'utf8'));
    const missing = Object.keys(CATALOGUE).filter((code) => !anchors.has(docsLinkFor(code, undefined).split('#')[1]!));
    expect(missing).toEqual([]);
  });
});
