import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { BIN, ROOT, scratch } from '../helpers/paths.js';
import { planJson, writePlan } from '../helpers/plan.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), color: false });
  return { code, out, err };
}

const SHOP = join(ROOT, 'examples', 'shop', 'plan.json');

describe('codegen <plan>', () => {
  it('writes the client and exits 0; a second run leaves the file untouched', async () => {
    const out = scratch('cli');
    const first = await run([SHOP, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/wrote .*index\.ts/);
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'out', 'shop', 'index.ts'), 'utf8'),
    );
    const second = await run([SHOP, '--out', out]);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/unchanged .*index\.ts/);
  });

  it('--check exits 0 when the committed client is current, 1 naming the file when it is stale', async () => {
    const out = scratch('check');
    for (const f of ['index.ts', 'checks.ts']) copyFileSync(join(ROOT, 'out', 'shop', f), join(out, f));
    expect((await run([SHOP, '--out', out, '--check'])).code).toBe(0);
    writeFileSync(
      join(out, 'index.ts'),
      readFileSync(join(out, 'index.ts'), 'utf8').replace('Product Viewed', 'Product Seen'),
    );
    const stale = await run([SHOP, '--out', out, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/stale: .*index\.ts/);
    const missing = await run([SHOP, '--out', scratch('empty'), '--check']);
    expect(missing.code).toBe(1);
  });

  it('writes nothing and keeps the existing client when the plan has errors (exit 1)', async () => {
    const out = scratch('errors');
    copyFileSync(join(ROOT, 'out', 'shop', 'index.ts'), join(out, 'index.ts'));
    const before = readFileSync(join(out, 'index.ts'));
    const bad = writePlan(
      planJson({ name: 'Bad', events: { 'Order Completed': { properties: { items: { type: 'array' } } } } }),
    );
    const r = await run([bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error CT301 /events/Order Completed/properties/items');
    expect(readFileSync(join(out, 'index.ts')).equals(before)).toBe(true);
  });

  it('refuses to overwrite a file it did not write, unless --force', async () => {
    const out = scratch('foreign');
    writeFileSync(join(out, 'index.ts'), 'export const mine = 1;\n');
    const r = await run([SHOP, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not written by clevertap-codegen');
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toBe('export const mine = 1;\n');
    expect((await run([SHOP, '--out', out, '--force'])).code).toBe(0);
  });

  it('exits 2 for a missing file and for unknown options', async () => {
    const missing = await run([join(ROOT, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    const unknown = await run([SHOP, '--outt', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown argument/i);
  });

  it('prints diagnostics as JSON with --format json', async () => {
    const bad = writePlan(planJson({ name: 'Bad', events: { A: { properties: { p: {} } } } }));
    const r = await run(['validate', bad, '--format', 'json']);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(parsed).toEqual([
      expect.objectContaining({
        file: bad,
        line: 6,
        column: 9,
        pointer: '/events/A/properties/p',
        code: 'CT302',
        severity: 'error',
      }),
    ]);
  });

  it('validate exits 0 on a good plan and writes nothing', async () => {
    const dir = scratch('validate');
    mkdirSync(join(dir, 'out'));
    const r = await run(['validate', SHOP]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'index.ts'))).toBe(false);
  });
});

describe('the installed bin', () => {
  it('runs as `codegen` with the exit codes of main()', () => {
    const ok = spawnSync(process.execPath, [BIN, SHOP, '--out', scratch('bin')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const usage = spawnSync(process.execPath, [BIN], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain(
      'no plan given: name the tracking plan file, as in codegen plan.json, or write a codegen.config.json',
    ); // none up from the repository
  });

  it('lays out --help in columns (the bundle loads string-width, which measures the text, on first use)', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], {
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '100' },
    });
    expect(help.status).toBe(0);
    // a description padded to the right of its command, and the option types right-aligned by width
    expect(help.stdout).toMatch(/^ {2}codegen validate \[plan\] {2,}check the plan; write nothing/m);
    expect(help.stdout).toMatch(/^ {2}--out .*\[string\]/m);
  });
});

describe('output formats', () => {
  const bad = () => writePlan(planJson({ name: 'Bad', events: { 'A.B': {} } }));

  it('--format github prints GitHub Actions annotations with file, line and column', async () => {
    const path = bad();
    const r = await run(['validate', path, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      `::error file=${path.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=4,col=5,title=CT102::/events/A.B: event name "A.B" contains ".", which CleverTap rejects or deletes (remove "." from the name)`,
    );
  });

  it('text has colours and a code frame only when the terminal takes them', async () => {
    const path = bad();
    let plain = '';
    await main(['validate', path], { out: () => {}, err: (s) => (plain += s), color: false });
    expect(plain).not.toContain('\x1b[');
    let coloured = '';
    await main(['validate', path], { out: () => {}, err: (s) => (coloured += s), color: true });
    expect(coloured).toContain('\x1b[31merror\x1b[0m');
    expect(coloured).toContain('  4 |     "A.B": {}');
  });
});
