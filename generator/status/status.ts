/**
 * `codegen status`: which of the plan's events an app sends, and from where. The app's own tsconfig.json gives
 * the program; the generated client in it gives the plan's events (see client.ts); the type checker finds every
 * call (calls.ts). ts-morph is loaded only here, when status runs.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENERATED_MARKER } from '../emit/target.js';
import { IoError } from '../core/io-error.js';
import { appFiles, scanCalls, type MissingSite, type Site } from './calls.js';
import { findClients, type FunctionKind } from './client.js';

export interface StatusOptions {
  /** The app's tsconfig.json, or the directory that holds it. */
  project: string;
  /** Only clients inside these directories count (default: every generated client the program contains). Their
   * files are added to the program when the app does not import them (then every event is unsent). */
  clientDir?: string | string[];
}

export interface FunctionStatus {
  name: string;
  kind: FunctionKind;
  /** The event sent (kind `event`); undefined when the client does not say. */
  event: string | undefined;
  /** The client file (absolute) and the line that declares the function. */
  client: string;
  line: number;
  sites: Site[];
}

export interface StatusReport {
  /** The tsconfig.json read (absolute). */
  tsconfig: string;
  /** The generated client files found (absolute). */
  clients: string[];
  /** The app's source files scanned (the clients and declaration files excluded). */
  scanned: number;
  /** Every generated function, in client and name order, with where it is called. */
  functions: FunctionStatus[];
  /** Plan events no code sends: track functions without a site. */
  neverCalled: FunctionStatus[];
  /** Names the app imports or calls that the client does not export (removed from the plan, or misspelt). */
  missing: MissingSite[];
  /** Sites that compile only through `any` or a type assertion, with the function they call. */
  unsafe: Array<Site & { name: string; event: string | undefined }>;
}

/** The tsconfig.json a `--project` argument names. */
export function tsconfigPath(project: string): string {
  const path = resolve(project);
  if (!existsSync(path))
    throw new IoError(`${project}: no such file or directory (--project takes a tsconfig.json or its folder)`);
  const file = statSync(path).isDirectory() ? join(path, 'tsconfig.json') : path;
  if (!existsSync(file))
    throw new IoError(`${project}: no tsconfig.json in this folder; pass the project's tsconfig.json with --project`);
  return file;
}

export async function status(options: StatusOptions): Promise<StatusReport> {
  const tsconfig = tsconfigPath(options.project);
  const within = (
    options.clientDir === undefined ? [] : Array.isArray(options.clientDir) ? options.clientDir : [options.clientDir]
  ).map((d) => resolve(d));
  for (const dir of within) if (!existsSync(dir)) throw new IoError(`${dir}: the client folder does not exist`);
  const { Project, ts } = await import('ts-morph');
  let project: InstanceType<typeof Project>;
  try {
    // The program follows the app's imports itself: ts-morph need not add (and wrap) the files they reach
    project = new Project({ tsConfigFilePath: tsconfig, skipFileDependencyResolution: true });
  } catch (e) {
    throw new IoError(`cannot read ${tsconfig}: ${(e as Error).message}`);
  }
  const configProblems = project
    .getConfigFileParsingDiagnostics()
    .filter((d) => d.getCategory() === ts.DiagnosticCategory.Error);
  if (configProblems.length > 0) {
    const text = configProblems
      .map((d) => ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n'))
      .join('\n');
    throw new IoError(`${tsconfig}: ${text}`);
  }
  // A client the app never imports is not in the program: add it, so that its events are reported as unsent
  for (const dir of within) project.addSourceFilesAtPaths([join(dir, '**/*.ts'), join(dir, '**/*.tsx')]);
  const program = project.getProgram().compilerObject;
  const clients = findClients(ts, program, within);
  if (clients.length === 0) {
    throw new IoError(
      `no generated client in the program of ${tsconfig} (a file marked "${GENERATED_MARKER}"` +
        `${within.length > 0 ? ` under ${within.join(', ')}` : ''}); generate one with codegen, or name its folder with --client`,
    );
  }
  const scan = scanCalls(ts, program, clients);
  const functions: FunctionStatus[] = scan.functions.map(({ fn, sites }) => ({
    name: fn.name,
    kind: fn.kind,
    event: fn.event,
    client: fn.file,
    line: fn.line,
    sites,
  }));
  const unsafe = functions
    .flatMap((f) => f.sites.filter((s) => s.unsafe !== undefined).map((s) => ({ ...s, name: f.name, event: f.event })))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const scanned = appFiles(program).length;
  return {
    tsconfig,
    clients: clients.map((c) => c.file),
    scanned,
    functions,
    neverCalled: functions.filter((f) => f.kind === 'event' && f.sites.length === 0),
    missing: scan.missing,
    unsafe,
  };
}
