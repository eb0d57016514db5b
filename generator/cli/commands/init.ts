/**
 * `codegen init`: writes a starter plan and codegen.config.json. On a terminal it asks for the plan's path, the
 * client's folder and the target (Enter keeps the default shown); otherwise it asks nothing and uses the flags or
 * the defaults. It never overwrites: when a file it would write exists, it writes nothing and exits 2.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { CONFIG_FILE } from '../../config/find-config.js';
import type { TargetName } from '../../config/fields.js';
import { availableTargets } from '../../emit/targets.js';
import type { CommandIo } from './config.js';

export interface InitArgs {
  plan?: string;
  out?: string;
  target?: TargetName;
}

export interface Terminal {
  input: Readable;
  output: Writable;
  /** Whether to ask: stdin is a terminal. */
  interactive: boolean;
}

const DEFAULTS = { plan: 'tracking-plan.json', out: 'src/analytics', target: 'web' as TargetName };

/** The app's name for the plan: package.json's "name", else the folder's. */
function appName(dir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof pkg.name === 'string' && pkg.name !== '') return pkg.name;
  } catch {
    // no package.json (or not JSON): the folder's name will do
  }
  return basename(resolve(dir)) || 'My App';
}

/** A posix path from `from` (a folder) to `to`, starting with ./ or ../ as $schema wants. */
function relativeUrl(from: string, to: string): string {
  const rel = relative(from, to).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function starterPlan(name: string, planDir: string, appDir: string): string {
  const plan = {
    $schema: relativeUrl(planDir, resolve(appDir, 'node_modules/clevertap-codegen/plan.schema.json')),
    name,
    version: '0.1.0',
    identify: {
      properties: {
        email: { type: 'string', format: 'email', description: "The user's e-mail address." },
        name: { type: 'string' },
      },
    },
    events: {
      'Signed Up': {
        description: 'A visitor created an account.',
        properties: {
          method: { type: 'string', enum: ['email', 'google', 'apple'], description: 'How they signed up.' },
          referrer: { type: 'string', maxLength: 200 },
        },
        required: ['method'],
      },
    },
  };
  return JSON.stringify(plan, null, 2) + '\n';
}

export function starterConfig(plan: string, out: string, target: TargetName): string {
  const config = { $schema: './node_modules/clevertap-codegen/config.schema.json', plan, out, target };
  return JSON.stringify(config, null, 2) + '\n';
}

class Cancelled extends Error {}

async function ask(term: Terminal, args: InitArgs): Promise<Required<InitArgs>> {
  const rl = createInterface({ input: term.input, output: term.output, terminal: true });
  // Lines typed (or pasted) ahead of a question wait here for it; end of input (Ctrl-D) cancels
  const lines: string[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;
  let closed = false;
  rl.on('line', (line) => {
    const w = waiting;
    waiting = undefined;
    if (w) w(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    closed = true;
    waiting?.(undefined);
  });
  const question = async (text: string, dflt: string): Promise<string> => {
    term.output.write(`${text} (${dflt}): `);
    const line =
      lines.length > 0
        ? lines.shift()
        : closed
          ? undefined
          : await new Promise<string | undefined>((r) => (waiting = r));
    if (line === undefined) throw new Cancelled();
    return line.trim() || dflt;
  };
  try {
    const plan = args.plan ?? (await question('Plan file', DEFAULTS.plan));
    const out = args.out ?? (await question('Client folder', DEFAULTS.out));
    let target = args.target;
    const targets = availableTargets();
    for (let tries = 0; target === undefined; tries++) {
      const answer = await question(`Target: ${targets.join(', ')}`, DEFAULTS.target);
      if ((targets as string[]).includes(answer)) target = answer as TargetName;
      else if (tries >= 2) throw new Cancelled();
      else term.output.write(`"${answer}" is not one of ${targets.join(', ')}\n`);
    }
    return { plan, out, target };
  } finally {
    rl.close();
  }
}

export async function runInit(
  args: InitArgs,
  io: CommandIo,
  term: Terminal = { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) },
): Promise<number> {
  const cwd = process.cwd();
  let answers: Required<InitArgs>;
  if (term.interactive) {
    try {
      answers = await ask(term, args);
    } catch (e) {
      if (!(e instanceof Cancelled)) throw e;
      io.err('codegen init: cancelled; nothing written\n');
      return 2;
    }
  } else {
    answers = {
      plan: args.plan ?? DEFAULTS.plan,
      out: args.out ?? DEFAULTS.out,
      target: args.target ?? DEFAULTS.target,
    };
  }
  const planPath = resolve(cwd, answers.plan);
  const configPath = resolve(cwd, CONFIG_FILE);
  const existing = [planPath, configPath].filter((p) => existsSync(p)).map((p) => relative(cwd, p));
  const pkg = resolve(cwd, 'package.json');
  if (existsSync(pkg) && /"codegen"\s*:/.test(readFileSync(pkg, 'utf8')))
    existing.push('package.json (its "codegen" key)');
  if (existing.length > 0) {
    io.err(
      `codegen init: ${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; init never overwrites, so it wrote nothing\n`,
    );
    return 2;
  }
  const planText = starterPlan(appName(cwd), dirname(planPath), cwd);
  const planRel = relative(cwd, planPath).split('\\').join('/');
  const outRel = relative(cwd, resolve(cwd, answers.out)).split('\\').join('/') || '.';
  mkdirSync(dirname(planPath), { recursive: true });
  // 'wx': fail rather than overwrite a file created since the check above
  writeFileSync(planPath, planText, { flag: 'wx' });
  writeFileSync(configPath, starterConfig(planRel, outRel, answers.target), { flag: 'wx' });
  io.err(
    `wrote ${planRel}\nwrote ${CONFIG_FILE}\nnext: npx codegen (writes ${outRel}/index.ts); npx codegen --watch regenerates while you edit the plan\n`,
  );
  return 0;
}
