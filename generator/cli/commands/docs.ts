/**
 * `codegen docs <plan> [--out DIR] [--status PROJECT] [--client DIR]`: writes DIR/index.html, the plan's catalogue.
 * A plan with errors writes nothing (exit 1), as for the client.
 */
import { relative } from 'node:path';
import { catalogue, catalogueStatus, type CatalogueStatus } from '../../catalogue/catalogue.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LoadOptions } from '../../load/load-plan.js';
import { validate } from '../../pipeline.js';
import { writeFiles } from '../../write/write-files.js';
import type { CommandIo } from './status.js';

export interface DocsArgs {
  plan: string;
  out: string;
  status?: string;
  client?: string[];
  force: boolean;
  format: 'text' | 'json' | 'github';
}

/** `report` prints the plan's diagnostics as the other commands do and says whether they fail the run. */
export async function runDocs(
  args: DocsArgs,
  load: LoadOptions,
  io: CommandIo,
  report: (ds: Diagnostic[]) => boolean,
): Promise<number> {
  const { plan, diagnostics } = validate(args.plan, load);
  if (report(diagnostics) || !plan) return 1;
  let status: CatalogueStatus | undefined;
  if (args.status !== undefined) {
    // Loaded only here: it brings the TypeScript compiler
    const { status: run } = await import('../../status/status.js');
    status = catalogueStatus(
      await run({ project: args.status, ...(args.client && args.client.length > 0 && { clientDir: args.client }) }),
    );
  }
  const written = writeFiles(args.out, catalogue(plan, status), { force: args.force });
  if (args.format !== 'json') {
    for (const f of written.written) io.err(`wrote ${relative(process.cwd(), f)}\n`);
    for (const f of written.unchanged) io.err(`unchanged ${relative(process.cwd(), f)}\n`);
  }
  return 0;
}
