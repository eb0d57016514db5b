/**
 * Mistakes on the command line, answered in words: exit 2 (usage or I/O), the reason, no stack, nothing written.
 * And --check names what to run and what is wrong with each file.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { regenerateCommand, shellQuote } from '../../generator/cli/usage.js';
import { ROOT, scratch } from '../helpers/paths.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), color: false });
  return { code, out, err };
}

const SHOP = join(ROOT, 'examples', 'shop', 'plan.json');

describe('usage mistakes are exit 2 with a sentence, not a stack or a silent default', () => {
  it.each([
    [
      'validate without a plan',
      ['validate'],
      'codegen: no plan given: name the tracking plan file, as in codegen validate plan.json',
    ],
    [
      'convert without a plan',
      ['convert'],
      'codegen: no plan given: name the tracking plan file, as in codegen convert plan.json',
    ],
    ['no arguments at all', [], 'codegen: no plan given: name the tracking plan file, as in codegen plan.json'],
    [
      'docs without a plan',
      ['docs'],
      'codegen: no plan given: name the tracking plan file, as in codegen docs plan.json',
    ],
    ['--out with no value', [SHOP, '--out'], 'codegen: --out needs a value: the folder to write the client to'],
    ['--out followed by another flag', [SHOP, '--out', '--check'], 'codegen: --out needs a value'],
    ['--out=', [SHOP, '--out='], 'codegen: --out needs a value'],
    [
      '--max-warnings abc',
      ['validate', SHOP, '--max-warnings', 'abc'],
      'codegen: --max-warnings needs a whole number, 0 or more, not "abc"',
    ],
    ['--max-warnings 1.5', ['validate', SHOP, '--max-warnings', '1.5'], 'not "1.5"'],
    ['--max-warnings -1', [SHOP, '--max-warnings=-1', '--check'], 'not "-1"'],
    ['--max-warnings with no value', ['validate', SHOP, '--max-warnings'], 'codegen: --max-warnings needs a value'],
  ])('%s', async (_, args, words) => {
    const cwd = process.cwd();
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(words);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack
    expect(r.err).not.toContain('internal error');
    expect(
      existsSync(join(cwd, 'out', 'index.ts')) &&
        readFileSync(join(cwd, 'out', 'index.ts'), 'utf8').includes('Acme Shop'),
    ).toBe(false);
  });

  it('--max-warnings 0 is a count like any other', async () => {
    expect((await run(['validate', SHOP, '--max-warnings', '0'])).code).toBe(0);
  });
});

describe('--out that cannot hold the client', () => {
  it('names a file: said in words, nothing written', async () => {
    const dir = scratch('out-file');
    const file = join(dir, 'client.ts');
    writeFileSync(file, 'mine\n');
    const r = await run([SHOP, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `codegen: --out ${relative(process.cwd(), file)} is a file, not a folder: name a folder for the client (it holds several files)\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    const check = await run([SHOP, '--out', file, '--check']);
    expect(check.code).toBe(2);
    expect(check.err).toContain('is a file, not a folder');
  });

  it('under a file: says which part of the path is a file', async () => {
    const dir = scratch('out-under-file');
    writeFileSync(join(dir, 'f'), '');
    const r = await run([SHOP, '--out', join(dir, 'f', 'gen')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `codegen: cannot create the folder ${relative(process.cwd(), join(dir, 'f', 'gen'))}: ${relative(process.cwd(), join(dir, 'f'))} is a file, not a folder\n`,
    );
  });

  it('where the file system allows no folder (/proc): a sentence, and no endless retry (mkdir -p would spin)', async () => {
    if (!existsSync('/proc/self')) return; // Linux only
    const r = await run([SHOP, '--out', '/proc/codegen-out/gen']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'codegen: cannot create the folder /proc/codegen-out: this file system allows no folder there\n',
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'in a read-only folder: permission denied, in words (skipped as root, who may write anywhere)',
    async () => {
      const dir = scratch('out-read-only');
      chmodSync(dir, 0o555);
      try {
        const r = await run([SHOP, '--out', join(dir, 'gen')]);
        expect(r.code).toBe(2);
        expect(r.err).toContain(': permission denied');
        expect(readdirSync(dir)).toEqual([]);
      } finally {
        chmodSync(dir, 0o755);
      }
    },
  );

  it('missing parents are created', async () => {
    const out = join(scratch('out-deep'), 'a', 'b', 'c');
    expect((await run([SHOP, '--out', out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['checks.ts', 'index.ts']);
  });
});

describe('--check', () => {
  it('says "missing" for a file that is not there and "stale" for one that differs, and repeats --out', async () => {
    const out = scratch('check-words');
    mkdirSync(join(out, 'gen'));
    copyFileSync(join(ROOT, 'out', 'shop', 'index.ts'), join(out, 'gen', 'index.ts'));
    writeFileSync(
      join(out, 'gen', 'index.ts'),
      readFileSync(join(out, 'gen', 'index.ts'), 'utf8').replace('Product Viewed', 'Product Seen'),
    );
    const r = await run([SHOP, '--out', join(out, 'gen'), '--check']);
    expect(r.code).toBe(1);
    const gen = relative(process.cwd(), join(out, 'gen'));
    expect(r.err.split('\n')).toEqual([
      `stale: ${gen}/index.ts differs from what ${SHOP} generates`,
      `missing: ${gen}/checks.ts, which ${SHOP} generates`,
      `run codegen ${SHOP} --out ${join(out, 'gen')} to update the client`,
      '',
    ]);
  });

  it('the suggested command keeps every flag but --check (the language, the input format), quoted for the shell', async () => {
    const out = join(scratch('check-js'), 'my client');
    const r = await run([SHOP, '--check', '--language', 'js', '--out', out, '--from', 'native']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`\nrun codegen ${SHOP} --language js --out '${out}' --from native to update the client\n`);
    // and running it makes --check pass
    expect((await run([SHOP, '--language', 'js', '--out', out, '--from', 'native'])).code).toBe(0);
    expect((await run([SHOP, '--check', '--language', 'js', '--out', out, '--from', 'native'])).code).toBe(0);
  });

  it.each([
    [['plan.json', '--check'], 'codegen plan.json'],
    [['plan.json', '--check=true', '--out', 'gen'], 'codegen plan.json --out gen'],
    [["it's.json", '--check', '--out=a b'], `codegen 'it'\\''s.json' '--out=a b'`],
  ])('regenerateCommand(%j) is %s', (argv, want) => {
    expect(regenerateCommand(argv)).toBe(want);
  });

  it('shellQuote leaves plain words alone and quotes the rest', () => {
    expect(['a', 'a/b.json', '--out=x', 'a b', '$HOME', ''].map(shellQuote)).toEqual([
      'a',
      'a/b.json',
      '--out=x',
      "'a b'",
      "'$HOME'",
      "''",
    ]);
  });
});
