/** Mistakes on the command line, said in words (exit 2), and the command that regenerates a stale client. */

export class UsageError extends Error {}

/** The value given for `--name` on the command line (`--name v` or `--name=v`), for messages. */
function rawValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

/** Options yargs accepts but that make no sense: an empty --out, a --max-warnings that is not a count. */
export function checkOptions(args: Record<string, unknown>, argv: readonly string[]): void {
  if (args.out === '')
    throw new UsageError('--out needs a value: the folder to write the client to (without --out: out/)');
  const max = args['max-warnings'];
  if (max !== undefined && !(typeof max === 'number' && Number.isInteger(max) && max >= 0)) {
    const raw = rawValue(argv, 'max-warnings');
    throw new UsageError(`--max-warnings needs a whole number, 0 or more${raw === undefined ? '' : `, not "${raw}"`}`);
  }
}

/** yargs' messages (always English: the parser's locale is fixed) made to say what is missing. */
export function explainUsage(message: string, argv: readonly string[]): string {
  if (/^Not enough non-option arguments/.test(message)) {
    // a subcommand (validate, convert, docs, ...) is a plain word; the default command's plan would have been read
    const command = argv[0] !== undefined && /^[a-z][a-z-]*$/.test(argv[0]) ? `${argv[0]} ` : '';
    return `no plan given: name the tracking plan file, as in codegen ${command}plan.json`;
  }
  const following = /^Not enough arguments following: (\S+)/.exec(message);
  if (following)
    return `--${following[1]} needs a value${following[1] === 'out' ? ': the folder to write the client to' : ''}`;
  return message;
}

/** `a b` -> `'a b'`: a word the shell passes through unchanged. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command the user ran without `--check`: it writes what --check compared, with every other flag as given. */
export function regenerateCommand(argv: readonly string[]): string {
  const kept = argv.filter((a) => a !== '--check' && !/^--check=/.test(a));
  return ['codegen', ...kept].map(shellQuote).join(' ');
}
