/**
 * The `codegen` command. Exit codes: 0 done; 1 the plan has errors (nothing written) or --check found stale
 * output; 2 usage or I/O error; 3 a bug in the generator (printed with its stack).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import yargs, { type Argv } from 'yargs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFormat } from '../diagnostics/format.js';
import { IoError } from '../core/io-error.js';
import type { PlanFormat } from '../load/load-plan.js';
import { loadPlan } from '../load/load-plan.js';
import type { TargetName } from '../emit/target.js';
import { availableTargets } from '../emit/targets.js';
import { generateFiles, validate } from '../pipeline.js';
import { deliver, report, runWorkflow } from './commands/config.js';
import { runDiff } from './commands/diff.js';
import { runInit } from './commands/init.js';
import { checkOptions, explainUsage, regenerateCommand, UsageError } from './usage.js';
import { explain } from '../transform/explain.js';

export const EXIT = { ok: 0, planErrors: 1, usage: 2, bug: 3 } as const;

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
  transform?: string;
  explain: boolean;
}

/** Prints diagnostics; returns whether they fail the run (errors, or more warnings than allowed). */
const reportDiagnostics = (ds: Diagnostic[], args: Common, io: Io): boolean =>
  report(ds, args.format, args['max-warnings'], io, '--max-warnings');

const loadOptions = (args: Common) => ({
  ...(args.from && { from: args.from }),
  readableNames: args['readable-names'],
  ...(args.transform !== undefined && { transform: args.transform }),
});

// out, language and target have no yargs default, so that a config's values apply unless given (commands/config.ts)
type GenerateArgs = Common & {
  out?: string;
  check: boolean;
  force: boolean;
  language?: 'ts' | 'js';
  verify: boolean;
  target?: TargetName;
};

async function runGenerate(args: GenerateArgs, io: Io, argv: readonly string[]): Promise<number> {
  const result = await generateFiles(args.plan, {
    ...loadOptions(args),
    language: args.language ?? 'ts',
    target: args.target ?? 'web',
  });
  if (args.explain && result.plan) printExplanation(explain(result.plan, result.excluded), args, io);
  if (reportDiagnostics(result.diagnostics, args, io)) return EXIT.planErrors;
  return deliver(result.files, args.out ?? 'out', args.plan, args, io, { regenerate: regenerateCommand(argv) });
}

/** --explain: on stdout, unless stdout carries the JSON diagnostics. */
function printExplanation(text: string, args: Common, io: Io): void {
  (args.format === 'json' ? io.err : io.out)(text);
}

function runValidate(args: Common, io: Io): number {
  const { plan, diagnostics, excluded } = validate(args.plan, loadOptions(args));
  if (args.explain && plan) printExplanation(explain(plan, excluded), args, io);
  const failed = reportDiagnostics(diagnostics, args, io);
  if (!failed && args.format === 'text') io.err(`${args.plan}: ok\n`);
  return failed ? EXIT.planErrors : EXIT.ok;
}

/** Prints the plan converted to the native format, so a team can switch to it for good. */
function runConvert(args: Common, io: Io): number {
  const loaded = loadPlan(args.plan, loadOptions(args));
  if (
    reportDiagnostics(loaded.diagnostics, { ...args, format: args.format === 'json' ? 'text' : args.format }, io) ||
    loaded.value === undefined
  ) {
    return EXIT.planErrors;
  }
  io.out(JSON.stringify(loaded.value, null, 2) + '\n');
  return EXIT.ok;
}

const statusOptions = (y: ReturnType<typeof yargs>) =>
  y
    .option('project', { type: 'string', default: '.', describe: "the app's tsconfig.json, or its folder" })
    .option('client', {
      type: 'string',
      array: true,
      describe: "the generated client's folder (default: every client the app imports)",
    })
    .option('format', {
      choices: ['text', 'json', 'github'] as const,
      default: 'text' as const,
      describe: 'how to print the report',
    })
    .option('strict', {
      type: 'boolean',
      default: false,
      describe: 'exit 1 when an event is never sent or a removed function is used',
    });

const docsOptions = <T>(y: Argv<T>) =>
  y
    .option('out', { type: 'string', default: 'docs', describe: 'output directory (writes index.html)' })
    .option('status', { type: 'string', describe: 'show where the app (tsconfig.json or its folder) sends each event' })
    .option('client', { type: 'string', array: true, describe: "with --status: the generated client's folder" })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite a file the generator did not write' });

/** Runs the CLI; returns the exit code. `io` is injectable for tests. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code: number = EXIT.ok;
  const common = (y: ReturnType<typeof yargs>) =>
    y
      .positional('plan', { type: 'string', demandOption: true, describe: 'the tracking plan (JSON)' })
      .option('format', {
        choices: ['text', 'json', 'github'] as const,
        default: 'text' as const,
        describe: 'how to print problems',
      })
      .option('from', {
        choices: ['native', 'segment', 'rudderstack', 'iglu'] as const,
        describe: "the plan's format (default: detected)",
      })
      .option('readable-names', {
        type: 'boolean',
        default: false,
        describe: 'Iglu: add_to_cart becomes "Add To Cart"',
      })
      .option('max-warnings', {
        type: 'number',
        requiresArg: true,
        describe: 'fail when there are more warnings than this',
      });
  // Not for convert, which prints the plan as it is
  const transforms = (y: ReturnType<typeof common>) =>
    y
      .option('transform', {
        type: 'string',
        requiresArg: true,
        describe: 'a transformation policy (JSON) for plans written for other tools (docs/transformations.md)',
      })
      .option('explain', {
        type: 'boolean',
        default: false,
        describe: 'print what the transformation policy does to each event',
      });
  const parser = yargs(argv)
    .scriptName('codegen')
    .usage("$0 [plan]: check a tracking plan against CleverTap's rules and write a typed client")
    .command(
      '$0 [plan]',
      'check the plan, then write the client (no plan: every output of codegen.config.json)',
      (y) =>
        transforms(common(y))
          .positional('plan', { demandOption: false })
          .option('watch', {
            type: 'boolean',
            default: false,
            describe: "generate again whenever the plan, a $ref'd file or the config changes",
          })
          .option('config', {
            type: 'string',
            describe: 'the config file (default: codegen.config.json here or above)',
          })
          .option('out', { type: 'string', requiresArg: true, describe: 'output directory (default: out)' })
          .option('check', {
            type: 'boolean',
            default: false,
            describe: 'write nothing; exit 1 if the committed client is stale',
          })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite files the generator did not write' })
          .option('verify', {
            type: 'boolean',
            default: false,
            describe: 'type-check the client in memory before writing it',
          })
          .option('language', {
            choices: ['ts', 'js'] as const,
            describe: 'ts (default): index.ts; js: index.js with index.d.ts',
          })
          .option('target', {
            choices: availableTargets(),
            describe:
              "the platform: web (clevertap-web-sdk, the default), react-native (clevertap-react-native), node (CleverTap's REST upload API)",
          }),
      async (args) => {
        checkOptions(args, argv);
        const a = args as unknown as GenerateArgs & { watch: boolean; config?: string };
        code =
          a.plan === undefined || a.watch || a.config !== undefined
            ? await runWorkflow(a, io)
            : await runGenerate(a, io, argv);
      },
    )
    .command(
      'validate [plan]',
      'check the plan; write nothing (no plan: every plan of codegen.config.json)',
      (y) =>
        transforms(common(y)).positional('plan', { demandOption: false }).option('config', {
          type: 'string',
          describe: 'the config file (default: codegen.config.json here or above)',
        }),
      async (args) => {
        checkOptions(args, argv);
        const a = args as unknown as Common & { config?: string };
        code =
          a.plan === undefined || a.config !== undefined
            ? await runWorkflow({ ...a, watch: false, check: false, force: false, verify: false, validate: true }, io)
            : runValidate(a, io);
      },
    )
    .command(
      'convert <plan>',
      'print the plan converted to the native format',
      (y) => common(y),
      (args) => {
        checkOptions(args, argv);
        code = runConvert(args as unknown as Common, io);
      },
    )
    .command(
      'diff <old> [new]',
      'what changed between two plans (or the plan and --base <git-ref>); exit 1 when something breaks',
      (y) =>
        y
          .positional('old', { type: 'string', demandOption: true, describe: 'the old plan (with --base: the plan)' })
          .positional('new', { type: 'string', describe: 'the new plan' })
          .option('base', {
            type: 'string',
            describe: 'compare the plan with its version at this git commit, branch or tag',
          })
          .option('format', {
            choices: ['text', 'json', 'github'] as const,
            default: 'text' as const,
            describe: 'how to print the changes',
          })
          .option('from', {
            choices: ['native', 'segment', 'rudderstack', 'iglu'] as const,
            describe: "the plans' format (default: detected)",
          })
          .option('transform', {
            type: 'string',
            requiresArg: true,
            describe:
              'a transformation policy (JSON) applied to both plans; with --base, the policy as it is at that commit for the old one',
          })
          .option('readable-names', {
            type: 'boolean',
            default: false,
            describe: 'Iglu: add_to_cart becomes "Add To Cart" (as when generating with it)',
          }),
      (args) => {
        code = runDiff(
          {
            old: args.old,
            format: args.format,
            ...(args.new !== undefined && { new: args.new }),
            ...(args.base !== undefined && { base: args.base }),
            options: {
              ...(args.from && { from: args.from }),
              ...(args['readable-names'] && { readableNames: true }),
              ...(args.transform !== undefined && { transform: args.transform }),
            },
          },
          io,
        );
      },
    )
    .command(
      'init',
      'write a starter plan and codegen.config.json (asks on a terminal; never overwrites)',
      (y) =>
        y
          .option('plan', { type: 'string', describe: "the plan's path (default: tracking-plan.json)" })
          .option('out', { type: 'string', describe: "the client's folder (default: src/analytics)" })
          .option('target', { choices: availableTargets(), describe: 'the SDK the client drives (default: web)' }),
      async (args) => {
        code = await runInit(
          {
            ...(args.plan !== undefined && { plan: args.plan }),
            ...(args.out !== undefined && { out: args.out }),
            ...(args.target !== undefined && { target: args.target }),
          },
          io,
        );
      },
    )
    .command(
      'status',
      'where the app sends each event (its tsconfig.json, read by the type checker)',
      (y) => statusOptions(y),
      async (args) => {
        code = await (await import('./commands/status.js')).runStatus(args as never, io);
      },
    )
    .command(
      'docs <plan>',
      "write the plan's catalogue: one HTML page",
      (y) => docsOptions(common(y)),
      async (args) => {
        const { runDocs } = await import('./commands/docs.js');
        code = await runDocs(args as never, loadOptions(args as unknown as Common), io, (ds) =>
          reportDiagnostics(ds, args as unknown as Common, io),
        );
      },
    )
    .strict()
    .locale('en') // explainUsage reads yargs' messages
    .version(version())
    .help()
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs reports some mistakes (an option without its value) as a YError rather than a message
      if (err && err.name !== 'YError') throw err;
      throw new UsageError(explainUsage(msg ?? err.message, argv));
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
    io.err(
      `codegen: internal error, please report it with the plan that caused it:\n${(e as Error).stack ?? String(e)}\n`,
    );
    return EXIT.bug;
  }
}
