/**
 * The `codegen` command. Exit codes: 0 done; 1 the plan has errors (nothing written) or --check found stale
 * output; 2 usage or I/O error; 3 a bug in the generator (printed with its stack).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../package-root.js';
import yargs from 'yargs';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, summary, type OutputFormat } from '../diagnostics/format.js';
import { IoError } from '../load/read-json.js';
import type { PlanFormat } from '../load/load-plan.js';
import { loadPlan } from '../load/load-plan.js';
import type { TargetName } from '../emit/target.js';
import { availableTargets } from '../emit/targets.js';
import { verifyClient } from '../emit/verify.js';
import { generateFiles, validate } from '../pipeline.js';
import { staleFiles, writeFiles } from '../write/write-files.js';

export const EXIT = { ok: 0, planErrors: 1, usage: 2, bug: 3 } as const;

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
});

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

interface Common {
  plan: string;
  format: OutputFormat;
  from?: PlanFormat;
  'readable-names': boolean;
  'max-warnings'?: number;
}

/** Prints diagnostics; returns whether they fail the run (errors, or more warnings than allowed). */
function reportDiagnostics(ds: Diagnostic[], args: Common, io: Io): boolean {
  const warnings = ds.filter((d) => d.severity === 'warning').length;
  const tooMany = args['max-warnings'] !== undefined && warnings > args['max-warnings'];
  if (args.format === 'json') io.out(formatDiagnostics(ds, 'json'));
  else if (ds.length > 0) io.err(formatDiagnostics(ds, args.format, { color: io.color, frames: io.color }));
  if (args.format === 'text' && ds.length > 0) io.err(`${summary(ds)}\n`);
  if (tooMany) io.err(`more than ${args['max-warnings']} warnings (--max-warnings)\n`);
  return hasErrors(ds) || tooMany;
}

const loadOptions = (args: Common) => ({
  ...(args.from && { from: args.from }),
  readableNames: args['readable-names'],
});

type GenerateArgs = Common & { out: string; check: boolean; force: boolean; language: 'ts' | 'js'; verify: boolean; target: TargetName };

async function runGenerate(args: GenerateArgs, io: Io): Promise<number> {
  const result = await generateFiles(args.plan, { ...loadOptions(args), language: args.language, target: args.target });
  if (reportDiagnostics(result.diagnostics, args, io)) return EXIT.planErrors;
  if (args.verify) {
    const problems = await verifyClient(result.files);
    if (problems.length > 0) throw new Error(`the generated client does not type-check:\n${problems.join('\n')}`);
  }
  if (args.check) {
    const stale = staleFiles(args.out, result.files);
    for (const f of stale) io.err(`stale: ${relative(process.cwd(), f)} differs from what ${args.plan} generates; run codegen ${args.plan}\n`);
    return stale.length > 0 ? EXIT.planErrors : EXIT.ok;
  }
  const written = writeFiles(args.out, result.files, { force: args.force });
  if (args.format !== 'json') {
    for (const f of written.written) io.err(`wrote ${relative(process.cwd(), f)}\n`);
    for (const f of written.unchanged) io.err(`unchanged ${relative(process.cwd(), f)}\n`);
  }
  return EXIT.ok;
}

function runValidate(args: Common, io: Io): number {
  const { diagnostics } = validate(args.plan, loadOptions(args));
  const failed = reportDiagnostics(diagnostics, args, io);
  if (!failed && args.format === 'text') io.err(`${args.plan}: ok\n`);
  return failed ? EXIT.planErrors : EXIT.ok;
}

/** Prints the plan converted to the native format, so a team can switch to it for good. */
function runConvert(args: Common, io: Io): number {
  const loaded = loadPlan(args.plan, loadOptions(args));
  if (reportDiagnostics(loaded.diagnostics, { ...args, format: args.format === 'json' ? 'text' : args.format }, io) || loaded.value === undefined) {
    return EXIT.planErrors;
  }
  io.out(JSON.stringify(loaded.value, null, 2) + '\n');
  return EXIT.ok;
}

/** Runs the CLI; returns the exit code. `io` is injectable for tests. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code: number = EXIT.ok;
  const common = (y: ReturnType<typeof yargs>) =>
    y
      .positional('plan', { type: 'string', demandOption: true, describe: 'the tracking plan (JSON)' })
      .option('format', { choices: ['text', 'json', 'github'] as const, default: 'text' as const, describe: 'how to print problems' })
      .option('from', { choices: ['native', 'segment', 'rudderstack', 'iglu'] as const, describe: 'the plan\'s format (default: detected)' })
      .option('readable-names', { type: 'boolean', default: false, describe: 'Iglu: add_to_cart becomes "Add To Cart"' })
      .option('max-warnings', { type: 'number', describe: 'fail when there are more warnings than this' });
  const parser = yargs(argv)
    .scriptName('codegen')
    .usage('$0 <plan>: check a tracking plan against CleverTap\'s rules and write a typed client')
    .command(
      '$0 <plan>',
      'check the plan, then write the client',
      (y) =>
        common(y)
          .option('out', { type: 'string', default: 'out', describe: 'output directory' })
          .option('check', { type: 'boolean', default: false, describe: 'write nothing; exit 1 if the committed client is stale' })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite files the generator did not write' })
          .option('verify', { type: 'boolean', default: false, describe: 'type-check the client in memory before writing it' })
          .option('language', { choices: ['ts', 'js'] as const, default: 'ts' as const, describe: 'ts: index.ts; js: index.js with index.d.ts' })
          .option('target', { choices: availableTargets(), default: 'web' as TargetName, describe: 'the platform: web (clevertap-web-sdk), react-native (clevertap-react-native)' }),
      async (args) => {
        code = await runGenerate(args as unknown as GenerateArgs, io);
      },
    )
    .command('validate <plan>', 'check the plan; write nothing', (y) => common(y), (args) => {
      code = runValidate(args as unknown as Common, io);
    })
    .command('convert <plan>', 'print the plan converted to the native format', (y) => common(y), (args) => {
      code = runConvert(args as unknown as Common, io);
    })
    .strict()
    .version(version())
    .help()
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  try {
    let printed = '';
    await parser.parseAsync(argv, {}, (_err, _argv, output) => {
      printed = output;
    });
    if (printed) io.out(printed + '\n');
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`codegen: ${e.message}\nRun codegen --help for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof IoError) {
      io.err(`codegen: ${e.message}\n`);
      return EXIT.usage;
    }
    io.err(`codegen: internal error, please report it with the plan that caused it:\n${(e as Error).stack ?? String(e)}\n`);
    return EXIT.bug;
  }
}
