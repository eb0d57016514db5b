// codegen init: on a terminal (a real pty, through util-linux `script`) it asks; off one it asks nothing; it never
// overwrites; what it writes is a plan Ajv accepts under plan.schema.json and a config codegen runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { validate } from '../../generator/pipeline.js';
import { BIN, ROOT, scratch } from '../helpers/paths.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript)
  console.warn('test/init/init.test.ts: the terminal tests are skipped, util-linux script is not installed');

function codegen(args: string[], cwd: string, input = '') {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', timeout: 30_000 });
}

/** Runs `codegen init` on a pseudo-terminal, typing `lines` (script copies its stdin to the pty). */
function onTerminal(cwd: string, lines: string[]) {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} init`;
  return spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd,
    input: lines.map((l) => `${l}\n`).join(''),
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('codegen init, not on a terminal', () => {
  it('asks nothing, writes the defaults, and the result generates', async () => {
    const app = scratch('init');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-shop' }));
    const r = codegen(['init'], app, 'typed/plan.json\n'); // stdin is a pipe: whatever is in it is not read
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote tracking-plan.json\nwrote codegen.config.json\n');
    expect(existsSync(join(app, 'typed'))).toBe(false);
    expect(JSON.parse(readFileSync(join(app, 'codegen.config.json'), 'utf8'))).toEqual({
      $schema: './node_modules/clevertap-codegen/config.schema.json',
      plan: 'tracking-plan.json',
      out: 'src/analytics',
      target: 'web',
    });
    const plan = JSON.parse(readFileSync(join(app, 'tracking-plan.json'), 'utf8'));
    expect(plan.$schema).toBe('./node_modules/clevertap-codegen/plan.schema.json');
    expect(plan.name).toBe('my-shop');
    expect(validate(join(app, 'tracking-plan.json')).diagnostics).toEqual([]);
    const gen = codegen([], app);
    expect(gen.status).toBe(0);
    expect(readFileSync(join(app, 'src', 'analytics', 'index.ts'), 'utf8')).toMatch(
      /export function trackSignedUp[<(]/,
    );
  });

  it('the starter plan is valid under the shipped plan.schema.json (Ajv)', () => {
    const app = scratch('init-ajv');
    expect(codegen(['init'], app).status).toBe(0);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const check = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'plan.schema.json'), 'utf8')));
    expect(check(JSON.parse(readFileSync(join(app, 'tracking-plan.json'), 'utf8')))).toBe(true);
  });

  it("flags choose the paths and target; $schema points into the app's node_modules from the plan's folder", async () => {
    const app = scratch('init-flags');
    const here = process.cwd();
    process.chdir(app);
    try {
      const code = await main(
        ['init', '--plan', 'tracking/v1/plan.json', '--out', 'lib/ct', '--target', 'react-native'],
        { out: () => {}, err: () => {}, color: false },
      );
      expect(code).toBe(0);
    } finally {
      process.chdir(here);
    }
    const planPath = join(app, 'tracking', 'v1', 'plan.json');
    const plan = JSON.parse(readFileSync(planPath, 'utf8'));
    expect(plan.$schema).toBe('../../node_modules/clevertap-codegen/plan.schema.json');
    expect(resolve(dirname(planPath), plan.$schema)).toBe(
      join(app, 'node_modules', 'clevertap-codegen', 'plan.schema.json'),
    );
    expect(JSON.parse(readFileSync(join(app, 'codegen.config.json'), 'utf8'))).toMatchObject({
      plan: 'tracking/v1/plan.json',
      out: 'lib/ct',
      target: 'react-native',
    });
  });

  it('never overwrites: an existing plan or config (or a "codegen" key in package.json) means nothing is written, exit 2', () => {
    for (const [file, text] of [
      ['tracking-plan.json', '{"mine": true}'],
      ['codegen.config.json', '{"mine": true}'],
      ['package.json', '{"codegen": {"plan": "p.json", "out": "o"}}'],
    ] as const) {
      const app = scratch('init-exists');
      writeFileSync(join(app, file), text);
      const r = codegen(['init'], app);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/already exists?; init never overwrites, so it wrote nothing/);
      expect(readFileSync(join(app, file), 'utf8')).toBe(text);
      const others = ['tracking-plan.json', 'codegen.config.json'].filter((f) => f !== file);
      for (const f of others) expect(existsSync(join(app, f))).toBe(false);
    }
  });
});

describe.skipIf(!hasScript)('codegen init on a terminal (util-linux script; skipped when it is absent)', () => {
  it('asks for the plan, the folder and the target; re-asks a bad target', () => {
    const app = scratch('init-tty');
    const r = onTerminal(app, ['plans/app.json', 'web/analytics', 'ios', 'react-native']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Plan file (tracking-plan.json): ');
    expect(r.stdout).toContain('Client folder (src/analytics): ');
    expect(r.stdout).toContain('"ios" is not one of web, react-native');
    expect(JSON.parse(readFileSync(join(app, 'codegen.config.json'), 'utf8'))).toMatchObject({
      plan: 'plans/app.json',
      out: 'web/analytics',
      target: 'react-native',
    });
    expect(JSON.parse(readFileSync(join(app, 'plans', 'app.json'), 'utf8')).$schema).toBe(
      '../node_modules/clevertap-codegen/plan.schema.json',
    );
  });

  it('Enter keeps the defaults', () => {
    const app = scratch('init-tty-defaults');
    const r = onTerminal(app, ['', '', '']);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(app, 'codegen.config.json'), 'utf8'))).toMatchObject({
      plan: 'tracking-plan.json',
      out: 'src/analytics',
      target: 'web',
    });
  });

  it('end of input (Ctrl-D) before the last answer cancels: nothing written, exit 2', () => {
    const app = scratch('init-tty-eof');
    mkdirSync(app, { recursive: true });
    const r = onTerminal(app, ['plans/app.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('cancelled; nothing written');
    expect(existsSync(join(app, 'plans'))).toBe(false);
    expect(existsSync(join(app, 'codegen.config.json'))).toBe(false);
  });
});
