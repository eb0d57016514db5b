/**
 * `codegen status [--project DIR|tsconfig.json] [--client DIR] [--format text|json|github] [--strict]`: where the
 * app sends each of the plan's events. Exit 0; 1 under --strict when an event is never sent or the app uses a
 * function the client no longer has.
 */
import { formatStatus, type StatusFormat } from '../../status/format.js';
import { status } from '../../status/status.js';

export interface StatusArgs {
  project: string;
  client?: string[];
  format: StatusFormat;
  strict: boolean;
}

export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function runStatus(args: StatusArgs, io: CommandIo): Promise<number> {
  const report = await status({
    project: args.project,
    ...(args.client && args.client.length > 0 && { clientDir: args.client }),
  });
  io.out(formatStatus(report, args.format));
  const failed = report.neverCalled.length > 0 || report.missing.length > 0;
  if (args.strict && failed && args.format === 'text')
    io.err(
      'codegen status: --strict: the plan has events no code sends, or the code uses functions the client does not have\n',
    );
  return args.strict && failed ? 1 : 0;
}
