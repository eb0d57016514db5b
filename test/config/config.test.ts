import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { findConfig } from '../../generator/config/find-config.js';
import { readConfig } from '../../generator/config/read-config.js';
import { brief, planJson } from '../helpers/plan.js';
import { ROOT, scratch } from '../helpers/paths.js';

const SHOP = join(ROOT, 'examples', 'shop', 'plan.json');
const here = process.cwd();
afterEach(() => process.chdir(here));

/** Runs the CLI in `cwd` (the config is found from the current folder). */
async function run(args: string[], cwd: string) {
  let out = '';
  let err = '';
  process.chdir(cwd);
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), color: false });
    return { code, out, err };
  } finally {
    process.chdir(here);
  }
}

function project(files: Record<string, string>): string {
  const dir = scratch('config');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const shopText = readFileSync(SHOP, 'utf8');

describe('finding the config', () => {
  it('takes codegen.config.json in the folder, else the nearest above', () => {
    const dir = project({ 'codegen.config.json': '{}', 'a/b/.keep': '' });
    expect(findConfig(dir)).toBe(join(dir, 'codegen.config.json'));
    expect(findConfig(join(dir, 'a', 'b'))).toBe(join(dir, 'codegen.config.json'));
  });

  it('takes package.json when it has a "codegen" key, and only then', () => {
    const dir = project({ 'package.json': '{"name": "app", "codegen": {}}', 'sub/package.json': '{"name": "sub"}' });
    expect(findConfig(join(dir, 'sub'))).toBe(join(dir, 'package.json'));
  });

  it('refuses a folder with both', () => {
    const dir = project({ 'package.json': '{"codegen": {}}', 'codegen.config.json': '{}' });
    expect(() => findConfig(dir)).toThrow(/both codegen.config.json and a "codegen" key/);
  });

  it('a config nearer the folder wins over one further up', () => {
    const dir = project({ 'codegen.config.json': '{}', 'app/package.json': '{"codegen": {}}' });
    expect(findConfig(join(dir, 'app'))).toBe(join(dir, 'app', 'package.json'));
  });
});

describe('reading the config: every mistake located', () => {
  const cases: Array<[string, string, string[]]> = [
    ['unknown top-level key', '{\n  "plan": "p.json",\n  "out": "o",\n  "targt": "web"\n}', ['4:3 error CT901']],
    [
      'unknown key in an output',
      '{\n  "outputs": [\n    { "plan": "p.json", "out": "o", "lang": "ts" }\n  ]\n}',
      ['3:37 error CT901'],
    ],
    ['bad target', '{ "plan": "p.json", "out": "o", "target": "ios" }', ['1:33 error CT902']],
    ['bad language', '{ "plan": "p.json", "out": "o", "language": "rust" }', ['1:33 error CT902']],
    ['empty plan path', '{ "plan": "", "out": "o" }', ['1:3 error CT902']],
    ['maxWarnings not a count', '{ "plan": "p.json", "out": "o", "maxWarnings": -1 }', ['1:33 error CT902']],
    ['transform neither path nor object', '{ "plan": "p.json", "out": "o", "transform": 3 }', ['1:33 error CT902']],
    ['severity not an object', '{ "plan": "p.json", "out": "o", "severity": "off" }', ['1:33 error CT902']],
    [
      'severity: unknown code',
      '{ "plan": "p.json", "out": "o", "severity": { "CT999": "off" } }',
      ['1:47 error CT904'],
    ],
    [
      'severity: an error cannot be lowered',
      '{ "plan": "p.json", "out": "o", "severity": { "CT301": "warning" } }',
      ['1:47 error CT905'],
    ],
    [
      'severity: a downgradable error can be a warning, not off',
      '{ "plan": "p.json", "out": "o", "severity": { "CT303": "off" } }',
      ['1:47 error CT905'],
    ],
    [
      'severity: a downgradable error made a warning',
      '{ "plan": "p.json", "out": "o", "severity": { "CT303": "warning" } }',
      [],
    ],
    ['severity: bad level', '{ "plan": "p.json", "out": "o", "severity": { "CT207": "info" } }', ['1:47 error CT902']],
    ['no out', '{ "plan": "p.json" }', ['1:1 error CT903']],
    ['an output without a plan', '{ "outputs": [ { "out": "o" } ] }', ['1:16 error CT903']],
    ['outputs empty', '{ "outputs": [] }', ['1:3 error CT902']],
    ['an output not an object', '{ "plan": "p.json", "outputs": [ "o" ] }', ['1:34 error CT902']],
    [
      'two outputs into one folder',
      '{ "plan": "p.json", "outputs": [ { "out": "o" }, { "out": "./o" } ] }',
      ['1:50 error CT906'],
    ],
    ['not an object', '[]', ['1:1 error CT902']],
    ['not JSON', '{ "plan": ', ['1:10 error CT001']],
    ['duplicate key', '{ "plan": "a.json", "plan": "b.json", "out": "o" }', ['1:21 error CT002']],
    ['$schema not a string', '{ "$schema": 1, "plan": "p.json", "out": "o" }', ['1:3 error CT902']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    const dir = project({ 'codegen.config.json': text });
    const config = readConfig(join(dir, 'codegen.config.json'));
    expect(config.diagnostics.map(brief)).toEqual(expected);
    expect(config.diagnostics.every((d) => d.origin?.file.path === join(dir, 'codegen.config.json'))).toBe(true);
  });

  it('a "codegen" key of package.json is read in place, with positions in package.json', () => {
    const dir = project({
      'package.json': '{\n  "name": "app",\n  "codegen": { "plan": "p.json", "out": "o", "language": "go" }\n}\n',
    });
    const config = readConfig(join(dir, 'package.json'));
    expect(config.diagnostics.map(brief)).toEqual(['3:46 error CT902']);
    expect(config.diagnostics[0]!.message).toBe('"language" must be one of "ts", "js", not the string "go"');
  });

  it("resolves paths against the config's folder, and merges top-level defaults into each output", () => {
    const dir = project({
      'tools/codegen.config.json': JSON.stringify({
        plan: '../plan.json',
        severity: { CT207: 'off', CT304: 'error' },
        target: 'web',
        outputs: [
          { out: '../web/analytics' },
          { out: '../server/analytics', target: 'react-native', severity: { CT304: 'off' } },
        ],
      }),
    });
    const config = readConfig(join(dir, 'tools', 'codegen.config.json'));
    expect(config.diagnostics).toEqual([]);
    expect(config.outputs).toEqual([
      {
        plan: join(dir, 'plan.json'),
        out: join(dir, 'web', 'analytics'),
        target: 'web',
        severity: { CT207: 'off', CT304: 'error' },
      },
      {
        plan: join(dir, 'plan.json'),
        out: join(dir, 'server', 'analytics'),
        target: 'react-native',
        severity: { CT207: 'off', CT304: 'off' },
      },
    ]);
  });
});

describe("codegen with no plan: the config's outputs, flags over config values", () => {
  it('generates every output from the nearest config, found from a subfolder', async () => {
    const dir = project({
      'plan.json': shopText,
      'codegen.config.json': JSON.stringify({
        plan: 'plan.json',
        outputs: [{ out: 'a' }, { out: 'b', language: 'js' }],
      }),
      'src/.keep': '',
    });
    const r = await run([], join(dir, 'src'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'a', 'index.ts'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'out', 'shop', 'index.ts'), 'utf8'),
    );
    expect(existsSync(join(dir, 'b', 'index.js'))).toBe(true);
    expect(existsSync(join(dir, 'b', 'index.ts'))).toBe(false);
  });

  it("passes each output's target to the generator, and --target overrides it", async () => {
    const dir = project({
      'plan.json': shopText,
      'codegen.config.json': JSON.stringify({
        plan: 'plan.json',
        outputs: [{ out: 'web' }, { out: 'rn', target: 'react-native' }],
      }),
    });
    expect((await run([], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'web', 'index.ts'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'out', 'shop', 'index.ts'), 'utf8'),
    );
    expect(readFileSync(join(dir, 'rn', 'index.ts'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'out', 'shop-rn', 'index.ts'), 'utf8'),
    );
    const single = project({
      'plan.json': shopText,
      'codegen.config.json': JSON.stringify({ plan: 'plan.json', out: 'o', target: 'web' }),
    });
    expect((await run(['--target', 'react-native'], single)).code).toBe(0);
    expect(readFileSync(join(single, 'o', 'index.ts'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'out', 'shop-rn', 'index.ts'), 'utf8'),
    );
  });

  it('--language and --out override the config; --out with several outputs is a usage error', async () => {
    const dir = project({
      'plan.json': shopText,
      'codegen.config.json': JSON.stringify({ plan: 'plan.json', out: 'client', language: 'js' }),
    });
    expect((await run(['--language', 'ts', '--out', 'other'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'other', 'index.ts'))).toBe(true);
    expect(existsSync(join(dir, 'client'))).toBe(false);
    expect((await run([], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'client', 'index.js'))).toBe(true);

    const two = project({
      'plan.json': shopText,
      'codegen.config.json': JSON.stringify({ plan: 'plan.json', outputs: [{ out: 'a' }, { out: 'b' }] }),
    });
    const r = await run(['--out', 'x'], two);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out names one folder, but codegen.config.json has 2 outputs');
  });

  it('--config names the file; a plan named with --config is a usage error', async () => {
    const dir = project({
      'plan.json': shopText,
      'conf/my.json': JSON.stringify({ plan: '../plan.json', out: '../gen' }),
    });
    expect((await run(['--config', join(dir, 'conf', 'my.json')], scratch('elsewhere'))).code).toBe(0);
    expect(existsSync(join(dir, 'gen', 'index.ts'))).toBe(true);
    const both = await run([SHOP, '--config', join(dir, 'conf', 'my.json')], dir);
    expect(both.code).toBe(2);
  });

  it('severity: a warning turned off is not printed; a warning made an error stops the write (exit 1)', async () => {
    const nullable = planJson({ name: 'N', events: { E: { properties: { p: { type: ['string', 'null'] } } } } });
    const dir = project({
      'plan.json': nullable,
      'codegen.config.json': JSON.stringify({ plan: 'plan.json', out: 'o' }),
    });
    const plain = await run([], dir);
    expect(plain.code).toBe(0);
    expect(plain.err).toContain('warning CT304');

    writeFileSync(
      join(dir, 'codegen.config.json'),
      JSON.stringify({ plan: 'plan.json', out: 'o2', severity: { CT304: 'off' } }),
    );
    const off = await run([], dir);
    expect(off.code).toBe(0);
    expect(off.err).not.toContain('CT304');

    writeFileSync(
      join(dir, 'codegen.config.json'),
      JSON.stringify({ plan: 'plan.json', out: 'o3', severity: { CT304: 'error' } }),
    );
    const error = await run([], dir);
    expect(error.code).toBe(1);
    expect(error.err).toContain('error CT304');
    expect(existsSync(join(dir, 'o3'))).toBe(false);
  });

  it('maxWarnings from the config, and --max-warnings over it', async () => {
    const nullable = planJson({ name: 'N', events: { E: { properties: { p: { type: ['string', 'null'] } } } } });
    const dir = project({
      'plan.json': nullable,
      'codegen.config.json': JSON.stringify({ plan: 'plan.json', out: 'o', maxWarnings: 0 }),
    });
    expect((await run([], dir)).code).toBe(1);
    expect((await run(['--max-warnings', '1'], dir)).code).toBe(0);
  });

  it('a config with errors generates nothing and exits 2, naming file:line:col', async () => {
    const dir = project({
      'plan.json': shopText,
      'codegen.config.json': '{\n  "plan": "plan.json",\n  "out": "o",\n  "targett": "web"\n}\n',
    });
    const r = await run([], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('codegen.config.json:4:3 error CT901 /targett: unknown key "targett"');
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });

  it('without a plan or a config: exit 2 saying what to do', async () => {
    const r = await run([], scratch('nothing'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('codegen init starts one');
  });

  it('a plan on the command line ignores the config', async () => {
    const dir = project({ 'codegen.config.json': '{ "nonsense": true }' });
    const r = await run([SHOP, '--out', 'x'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(resolve(dir, 'x', 'index.ts'))).toBe(true);
  });
});

describe('the config with --transform, --explain and validate', () => {
  const nested = planJson({
    name: 'Nested',
    events: {
      'Order Placed': {
        properties: { order: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
      },
      'App Opened': {},
    },
  });

  it("--transform applies to every output (over the config's policy); --explain prints what it does to each event", async () => {
    const dir = project({
      'plan.json': nested,
      'policy.json': JSON.stringify({ flatten: '_' }),
      'codegen.config.json': JSON.stringify({ plan: 'plan.json', out: 'o' }),
    });
    const without = await run([], dir);
    expect(without.code).toBe(1);
    expect(without.err).toContain('CT301');
    const r = await run(['--transform', 'policy.json', '--explain'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('order_id');
    expect(readFileSync(join(dir, 'o', 'index.ts'), 'utf8')).toContain('[["order", "id"], "order_id", 0]');
    const quiet = await run(['--transform', 'policy.json'], dir);
    expect(quiet.out).toBe('');
  });

  it('codegen validate with no plan checks each plan of the config once and writes nothing', async () => {
    const dir = project({
      'plan.json': nested,
      'good.json': shopText,
      'codegen.config.json': JSON.stringify({
        outputs: [
          { plan: 'good.json', out: 'web' },
          { plan: 'good.json', out: 'rn', target: 'react-native' },
          { plan: 'plan.json', out: 'nested' },
        ],
      }),
    });
    const r = await run(['validate'], dir);
    expect(r.code).toBe(1);
    expect(r.err.match(/good\.json: ok/g)).toHaveLength(1);
    expect(r.err).toMatch(/plan\.json:\d+:\d+ error CT301/);
    for (const out of ['web', 'rn', 'nested']) expect(existsSync(join(dir, out))).toBe(false);
    const fixed = await run(['validate', '--transform', 'policy.json'], dir);
    expect(fixed.err).toContain('cannot read policy.json');
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ flatten: '_' }));
    const ok = await run(['validate', '--transform', 'policy.json', '--format', 'json'], dir);
    expect(ok.code).toBe(0);
    expect(existsSync(join(dir, 'web'))).toBe(false);
  });

  it('validate --config names the file; without a plan or a config it says what to do', async () => {
    const dir = project({ 'p.json': shopText, 'c/my.json': JSON.stringify({ plan: '../p.json', out: '../o' }) });
    const r = await run(['validate', '--config', join(dir, 'c', 'my.json')], scratch('elsewhere-validate'));
    expect(r.code).toBe(0);
    expect(r.err).toContain('p.json: ok');
    expect(existsSync(join(dir, 'o'))).toBe(false);
    const none = await run(['validate'], scratch('nothing-validate'));
    expect(none.code).toBe(2);
    expect(none.err).toContain('as in codegen validate plan.json');
  });
});

describe('one rule for severities, in the config and in a policy', () => {
  const long = planJson({ name: 'L', events: { E: { properties: { note: { type: 'string', maxLength: 600 } } } } });

  it('CT303 made a warning in the config: the client is written, and the hint says what CleverTap does', async () => {
    const dir = project({
      'plan.json': long,
      'codegen.config.json': JSON.stringify({ plan: 'plan.json', out: 'o', severity: { CT303: 'warning' } }),
    });
    const r = await run([], dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /warning CT303 .*made a warning by your severity setting: CleverTap keeps the first 512 bytes/,
    );
    expect(existsSync(join(dir, 'o', 'index.ts'))).toBe(true);
  });

  it("the config's severity wins over the policy's for the same code", async () => {
    const dir = project({
      'plan.json': long,
      'policy.json': JSON.stringify({ severity: { CT303: 'warning' } }),
      'codegen.config.json': JSON.stringify({
        plan: 'plan.json',
        out: 'o',
        transform: 'policy.json',
        severity: { CT303: 'error' },
      }),
    });
    const r = await run([], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error CT303');
    writeFileSync(
      join(dir, 'codegen.config.json'),
      JSON.stringify({ plan: 'plan.json', out: 'o', transform: 'policy.json' }),
    );
    expect((await run([], dir)).code).toBe(0);
  });
});
