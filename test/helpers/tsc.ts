/** Runs the TypeScript compiler in-process and returns its diagnostics as `file:line message` records. */
import ts from 'typescript';

export interface TsError {
  file: string;
  line: number;
  code: number;
  message: string;
}

export function compile(
  rootNames: string[],
  options: ts.CompilerOptions,
  overrides: Map<string, string> = new Map(),
): TsError[] {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => overrides.get(f) ?? readFile(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = overrides.get(f);
    return text === undefined ? getSourceFile(f, lang, onError, create) : ts.createSourceFile(f, text, lang);
  };
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

/** Compiler options from a tsconfig.json, resolved as tsc would. */
export function configOptions(tsconfigPath: string): { options: ts.CompilerOptions; fileNames: string[] } {
  const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, tsconfigPath.replace(/[^/]+$/, ''));
  return { options: parsed.options, fileNames: parsed.fileNames };
}

export const format = (errors: TsError[]): string =>
  errors.map((e) => `${e.file}:${e.line} TS${e.code} ${e.message}`).join('\n');

/** An app's strict settings for a browser bundle: what the tests that compile a client against its calls use. */
export const STRICT_APP: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
};
