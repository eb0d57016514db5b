/**
 * `--verify`: type-checks the emitted client in memory with ts-morph, under the strictest flags our users set.
 * A diagnostic here means the generator emitted bad code: an internal error, never the user's. Off by default,
 * because loading the TypeScript compiler costs more than generating the client.
 */
import type { EmittedFile } from './target.js';

export async function verifyClient(files: EmittedFile[]): Promise<string[]> {
  const { Project, ts } = await import('ts-morph');
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      isolatedModules: true,
      noUnusedLocals: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    },
  });
  for (const f of files) if (f.path.endsWith('.ts')) project.createSourceFile(`/out/${f.path}`, f.content);
  return project.getPreEmitDiagnostics().map((d) => {
    const line = d.getLineNumber();
    return `${d.getSourceFile()?.getFilePath() ?? ''}${line ? `:${line}` : ''} TS${d.getCode()}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as never, '\n')}`;
  });
}
