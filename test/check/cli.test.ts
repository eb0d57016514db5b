/**
 * The checker through the CLI: every issue in one run, in file order, with line:column; exit 1; JSON output that
 * parses; and nothing written over an existing client when the plan has errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { writeTemp } from './helpers.js';

/** Three errors, each in a different event: a name (4:5), a value type (5:36), a limit (6:33). */
const PLAN = `{
  "name": "Shop",
  "events": {
    "Order.Completed": {},
    "Signed Up": { "properties": { "address": { "type": "object" } } },
    "Search": { "properties": { "query": { "type": "string", "maxLength": 2000 } } }
  }
}
`;

const EXISTING = '// a client generated earlier: must survive a failed run byte for byte\r\nexport {};\n';

function setup(): { plan: string; index: string; out: string } {
  const plan = writeTemp(PLAN);
  const out = join(dirname(plan), 'out');
  mkdirSync(out);
  const index = join(out, 'index.ts');
  writeFileSync(index, EXISTING);
  return { plan, index, out };
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), color: false });
  return { code, out, err };
}

describe('codegen on a plan with errors in three events', () => {
  it('prints all three, in file order, with line:column, and exits 1; out/index.ts is untouched', async () => {
    const { plan, index, out } = setup();
    const r = await run([plan, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      `${plan}:4:5 error CT102 /events/Order.Completed: event name "Order.Completed" contains ".", which CleverTap rejects or deletes (remove "." from the name)`,
      `${plan}:5:36 error CT301 /events/Signed Up/properties/address: property "address" is an object; CleverTap accepts only scalars (string, number, boolean, date) here (flatten it into scalar properties (e.g. "address_city" for address.city))`,
      `${plan}:6:33 error CT303 /events/Search/properties/query: maxLength 2000 of "query" is over 512; CleverTap keeps at most 512 bytes (set maxLength to 512 or less)`,
      '3 errors, 0 warnings',
      '',
    ]);
    expect(readFileSync(index, 'utf8')).toBe(EXISTING);
  });

  it('--format json prints valid JSON with the same three issues', async () => {
    const { plan, index, out } = setup();
    const r = await run([plan, '--out', out, '--format', 'json']);
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.out) as Array<{
      line: number;
      column: number;
      code: string;
      severity: string;
      pointer: string;
    }>;
    expect(issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.code} ${i.pointer}`)).toEqual([
      '4:5 error CT102 /events/Order.Completed',
      '5:36 error CT301 /events/Signed Up/properties/address',
      '6:33 error CT303 /events/Search/properties/query',
    ]);
    expect(readFileSync(index, 'utf8')).toBe(EXISTING);
  });

  it('validate reports the same and exits 1', async () => {
    const { plan } = setup();
    const r = await run(['validate', plan]);
    expect(r.code).toBe(1);
    expect(
      r.err
        .split('\n')
        .filter((l) => l.includes(' error CT'))
        .map((l) => l.slice(plan.length + 1, l.indexOf(' /'))),
    ).toEqual(['4:5 error CT102', '5:36 error CT301', '6:33 error CT303']);
  });

  it('warnings alone do not fail a run, unless --max-warnings says so', async () => {
    const plan = writeTemp(
      '{\n  "name": "T",\n  "events": { "E": { "properties": { "note": { "type": ["string", "null"] } } } }\n}\n',
    );
    expect((await run(['validate', plan])).code).toBe(0);
    expect((await run(['validate', plan, '--max-warnings', '0'])).code).toBe(1);
  });
});
