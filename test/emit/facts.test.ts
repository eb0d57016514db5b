/**
 * CleverTap's facts have one home (generator/clevertap/facts.ts): the templates receive them through the view and
 * hold none of their own. Each fact's literal spelling must be absent from every template, and present in what
 * the templates generate (so the fact really reaches the client, and this test can fail).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, PHONE_PATTERN, RESERVED_PREFIX, REGIONS, FIELD_SPECS } from '../../generator/clevertap/facts.js';
import { generate } from '../../generator/pipeline.js';
import { ROOT } from '../helpers/paths.js';

const templates = readdirSync(join(ROOT, 'templates'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => ({ path: join(e.parentPath, e.name), text: readFileSync(join(e.parentPath, e.name), 'utf8') }));

const client = generate(join(ROOT, 'examples', 'shop', 'plan.json'))
  .files.map((f) => f.content)
  .join('\n');

const escapeRegex = (s: string): string => s.replace(/[\\^$+*?.()|{}[\]]/g, (c) => `\\${c}`);

/** Each fact as it would be written in code. */
const FACTS: Array<[string, RegExp]> = [
  [`value bytes ${LIMITS.valueBytes}`, new RegExp(`\\b${LIMITS.valueBytes}\\b`)],
  [`name length ${LIMITS.nameLength}`, new RegExp(`\\b${LIMITS.nameLength}\\b`)],
  [`the reserved prefix ${RESERVED_PREFIX}`, new RegExp(RESERVED_PREFIX)],
  // The distinctive middle of each pattern, which reads the same in a regex literal and in a JSON string
  [
    'the phone pattern',
    new RegExp(
      escapeRegex(PHONE_PATTERN.slice(PHONE_PATTERN.indexOf('['), PHONE_PATTERN.indexOf('\\d')) + '\\d{7,14}').replace(
        /\\\\/g,
        '\\\\+',
      ),
    ),
  ],
  ['the e-mail pattern', new RegExp(escapeRegex('@[^'))],
  ...REGIONS.map((r): [string, RegExp] => [`region ${r}`, new RegExp(`['"]${r}['"]`)]),
  ...FIELD_SPECS.Education.values!.map((v): [string, RegExp] => [`Education value ${v}`, new RegExp(`['"]${v}['"]`)]),
];

describe('no template writes a CleverTap fact of its own', () => {
  it.each(FACTS)('%s: absent from templates/, present in the generated client', (_name, pattern) => {
    expect(templates.filter((t) => pattern.test(t.text)).map((t) => t.path)).toEqual([]);
    expect(client).toMatch(pattern);
  });
});
