/**
 * `--language js`: the TypeScript client as an ES module (`index.js`) plus its declarations (`index.d.ts`), so a
 * JavaScript project gets editor checking and a TypeScript project can consume it. Loads the TypeScript compiler
 * (through ts-morph) only when asked for, since it is the slowest thing the generator could load.
 */
import type { EmittedFile } from './target.js';

export async function toJavaScript(files: EmittedFile[]): Promise<EmittedFile[]> {
  const { ts } = await import('ts-morph');
  const out: EmittedFile[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.ts')) {
      out.push(file);
      continue;
    }
    const options = {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      removeComments: false,
      newLine: ts.NewLineKind.LineFeed,
    };
    const js = ts.transpileModule(file.content, {
      compilerOptions: options,
      fileName: file.path,
      reportDiagnostics: true,
    });
    const dts = ts.transpileDeclaration(file.content, {
      compilerOptions: { ...options, declaration: true },
      fileName: file.path,
      reportDiagnostics: true,
    });
    const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
    if (problems.length > 0) {
      const text = problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
      throw new Error(`internal: the generated ${file.path} does not transpile:\n${text}`);
    }
    // The banner (with the @generated marker the writer looks for) is attached to the first type, which both drop
    const banner = /^(?:\/\/.*\n|\/\* eslint-disable \*\/\n)+/.exec(file.content)?.[0] ?? '';
    const withBanner = (text: string): string => {
      const body = text.replace(/\r\n/g, '\n');
      return body.startsWith(banner) ? body : banner + body;
    };
    const base = file.path.replace(/\.ts$/, '');
    out.push({ path: `${base}.js`, content: withBanner(js.outputText) });
    out.push({ path: `${base}.d.ts`, content: withBanner(dts.outputText) });
  }
  return out;
}
