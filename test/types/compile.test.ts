import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT } from '../helpers/paths.js';
import { compile, configOptions, format } from '../helpers/tsc.js';

const TSCONFIG = join(ROOT, 'test', 'types', 'tsconfig.json');
const MISUSE = ['shop-misuse.ts', 'saas-misuse.ts'].map((f) => join(ROOT, 'test', 'types', f));

describe('compile-time guarantees', () => {
  const { options, fileNames } = configOptions(TSCONFIG);

  it('the clients, the example apps and every @ts-expect-error compile cleanly under strict', () => {
    // An expectation that no longer fires is itself an error (TS2578), so this cuts both ways.
    expect(format(compile(fileNames, options))).toBe('');
  });

  it.each(MISUSE)('each misuse in %s is an error on exactly its own line', (file) => {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const expected = lines.flatMap((l, i) => (/^\s*\/\/ @ts-expect-error/.test(l) ? [i + 2] : []));
    expect(expected.length).toBeGreaterThan(5);
    // Without the directives (blanked, so lines keep their numbers), every expected line must fail, and nothing else.
    const stripped = lines.map((l) => (/^\s*\/\/ @ts-expect-error/.test(l) ? '' : l)).join('\n');
    const errors = compile([file], options, new Map([[file, stripped]])).filter((e) => e.file === file);
    expect([...new Set(errors.map((e) => e.line))].sort((a, b) => a - b)).toEqual(expected);
  });

  it.each(EXAMPLES)('the %s client has no `any` in its exported types', (name) => {
    const file = join(ROOT, 'out', name, 'index.ts');
    const program = ts.createProgram([file], { ...options, noEmit: true });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file)!;
    const moduleSymbol = checker.getSymbolAtLocation(source)!;
    const texts: string[] = [];
    for (const sym of checker.getExportsOfModule(moduleSymbol)) {
      const decl = sym.declarations?.[0];
      if (!decl) continue;
      const type =
        ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl)
          ? checker.getDeclaredTypeOfSymbol(sym)
          : checker.getTypeOfSymbolAtLocation(sym, decl);
      texts.push(`${sym.name}: ${checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation)}`);
      // Members declared by the client itself (not those of string, Promise, ... from the standard library)
      for (const prop of type
        .getProperties()
        .filter((p) => p.declarations?.some((d) => d.getSourceFile() === source))) {
        texts.push(
          `${sym.name}.${prop.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(prop, decl), undefined, ts.TypeFormatFlags.NoTruncation)}`,
        );
      }
      for (const sig of type.getCallSignatures()) texts.push(`${sym.name}(): ${checker.signatureToString(sig)}`);
    }
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((t) => /\bany\b/.test(t))).toEqual([]);
  });
});
