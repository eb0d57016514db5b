/**
 * A fast in-process TypeScript check for generated clients. Every program shares one CompilerHost whose lib
 * SourceFiles are parsed once and cached, and each program is created with the previous one as `oldProgram`,
 * so a check costs the binding and checking of the client alone (tens of milliseconds, not seconds).
 * The options are the strictest the project promises (test/types/tsconfig.json).
 */
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../../helpers/paths.js';

export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: process.env.NODOM ? ['lib.es2022.d.ts'] : ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
  noEmit: true,
  skipLibCheck: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noUnusedLocals: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
};

/** Where the virtual files live: under the project, so that node_modules resolution behaves as in a real app. */
export const VIRTUAL_ROOT = join(ROOT, 'test', '.tmp', 'virtual');

export interface Problem {
  file: string;
  line: number;
  code: number;
  message: string;
  /** The source line the problem is on. */
  text: string;
}

const libCache = new Map<string, ts.SourceFile>();
let virtual = new Map<string, string>();
let oldProgram: ts.Program | undefined;

const baseHost = ts.createCompilerHost(STRICT_OPTIONS, true);
const host: ts.CompilerHost = {
  ...baseHost,
  fileExists: (f) => virtual.has(f) || baseHost.fileExists(f),
  directoryExists: (d) =>
    [...virtual.keys()].some((f) => f.startsWith(d.endsWith('/') ? d : d + '/')) || ts.sys.directoryExists(d),
  realpath: (p) => (virtual.has(p) ? p : ts.sys.realpath ? ts.sys.realpath(p) : p),
  readFile: (f) => virtual.get(f) ?? baseHost.readFile(f),
  getSourceFile(fileName, languageVersion, onError) {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    let sf = libCache.get(fileName);
    if (!sf) {
      sf = baseHost.getSourceFile(fileName, languageVersion, onError);
      if (sf) libCache.set(fileName, sf);
    }
    return sf;
  },
  // Virtual files are new every time: never let the old program hand back a stale one.
  getSourceFileByPath: undefined,
};

let counter = 0;

/** A fresh folder name for a batch of virtual files. */
export function virtualDir(): string {
  return join(VIRTUAL_ROOT, `p${++counter}`);
}

/**
 * Type-checks the given files (absolute path → text) as one program and returns the problems in them (never those of
 * the standard library). Relative imports between the files resolve as on disk. `checked`: the files whose problems
 * are wanted (the others are read only for what those use: much faster when they are big and known to compile).
 */
export function check(files: Map<string, string>, checked: (file: string) => boolean = () => true): Problem[] {
  virtual = files;
  const program = ts.createProgram({ rootNames: [...files.keys()], options: STRICT_OPTIONS, host, oldProgram });
  oldProgram = program;
  const out: Problem[] = [];
  const seen = new Set<ts.Diagnostic>();
  const add = (d: ts.Diagnostic): void => {
    if (seen.has(d)) return;
    seen.add(d);
    const sf = d.file;
    const pos = sf && d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : undefined;
    out.push({
      file: sf?.fileName ?? '',
      line: pos ? pos.line + 1 : 0,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      text: sf && pos ? (sf.text.split('\n')[pos.line] ?? '') : '',
    });
  };
  program.getOptionsDiagnostics().forEach(add);
  program.getGlobalDiagnostics().forEach(add);
  for (const f of files.keys()) {
    if (!checked(f)) continue;
    const sf = program.getSourceFile(f);
    if (!sf) {
      out.push({ file: f, line: 0, code: 0, message: 'not part of the program', text: '' });
      continue;
    }
    program.getSyntacticDiagnostics(sf).forEach(add);
    program.getSemanticDiagnostics(sf).forEach(add);
  }
  virtual = new Map();
  return out;
}

export const formatProblems = (ps: readonly Problem[]): string =>
  ps
    .map(
      (p) =>
        `${p.file.replace(VIRTUAL_ROOT, '<virtual>')}:${p.line} TS${p.code} ${p.message}\n    | ${p.text.trim().slice(0, 200)}`,
    )
    .join('\n');
