// config.schema.json (what editors complete) and the config reader (what codegen enforces) agree: Ajv judges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { settableSeverities } from '../../generator/diagnostics/severity.js';
import { OUTPUT_FIELDS, TOP_LEVEL_ONLY } from '../../generator/config/fields.js';
import { checkConfig } from '../../generator/config/read-config.js';
import { parseJsonText } from '../../generator/load/read-json.js';
import { ROOT } from '../helpers/paths.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'config.schema.json'), 'utf8'));
const ajvValidate = new Ajv2020({ strict: true, strictRequired: false, allErrors: true }).compile(schema);

function readerAccepts(config: unknown): boolean {
  const text = JSON.stringify(config, null, 2);
  const read = parseJsonText('/virtual/codegen.config.json', text);
  return checkConfig(read.value, read.file, 'codegen.config.json').diagnostics.length === 0;
}

const CONFIGS: Array<[string, unknown]> = [
  ['one output at the top level', { plan: 'p.json', out: 'o' }],
  [
    'every key',
    {
      $schema: './s.json',
      plan: 'p.json',
      out: 'o',
      target: 'react-native',
      language: 'js',
      transform: 'policy.json',
      severity: { CT207: 'off' },
      from: 'segment',
      readableNames: true,
      maxWarnings: 3,
    },
  ],
  ['transform as an object', { plan: 'p.json', out: 'o', transform: { events: {} } }],
  ['outputs with defaults', { plan: 'p.json', outputs: [{ out: 'a' }, { out: 'b', target: 'react-native' }] }],
  ['missing out', { plan: 'p.json' }],
  ['unknown key', { plan: 'p.json', out: 'o', extra: 1 }],
  ['unknown key in an output', { outputs: [{ plan: 'p.json', out: 'o', extra: 1 }] }],
  ['bad target', { plan: 'p.json', out: 'o', target: 'ios' }],
  ['bad language', { plan: 'p.json', out: 'o', language: 'ts5' }],
  ['empty outputs', { outputs: [] }],
  ['outputs not an array', { outputs: {} }],
  ['transform a number', { plan: 'p.json', out: 'o', transform: 1 }],
  ['empty plan', { plan: '', out: 'o' }],
  ['fractional maxWarnings', { plan: 'p.json', out: 'o', maxWarnings: 1.5 }],
  ['negative maxWarnings', { plan: 'p.json', out: 'o', maxWarnings: -1 }],
  ['readableNames a string', { plan: 'p.json', out: 'o', readableNames: 'yes' }],
  ['severity of a warning', { plan: 'p.json', out: 'o', severity: { CT304: 'error', CT015: 'warning' } }],
  ['severity of an error', { plan: 'p.json', out: 'o', severity: { CT101: 'error' } }],
  ['severity of an unknown code', { plan: 'p.json', out: 'o', severity: { CT000: 'off' } }],
  ['severity level unknown', { plan: 'p.json', out: 'o', severity: { CT207: 'info' } }],
  ['an array', []],
];

describe('config.schema.json', () => {
  it.each(CONFIGS)('%s: Ajv and the reader agree', (_name, config) => {
    expect(readerAccepts(config)).toBe(ajvValidate(config));
  });

  it('names exactly the keys the reader knows', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...TOP_LEVEL_ONLY, ...Object.keys(OUTPUT_FIELDS)].sort());
    expect(Object.keys(schema.$defs.output.properties).sort()).toEqual(Object.keys(OUTPUT_FIELDS).sort());
  });

  it('lets severity name exactly the codes whose severity can be set, each with the levels it takes', () => {
    const settable = settableSeverities();
    expect(schema.$defs.severity.propertyNames.enum).toEqual(settable.map(([c]) => c));
    const levelsOf = (code: string): string[] =>
      schema.$defs.severity.properties?.[code]?.enum ?? schema.$defs.severity.additionalProperties.enum;
    for (const [code, levels] of settable) expect(levelsOf(code), code).toEqual(levels);
  });

  it('ships with the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('config.schema.json');
    expect(pkg.exports['./config.schema.json']).toBe('./config.schema.json');
  });
});
