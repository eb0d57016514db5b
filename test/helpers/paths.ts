/** Paths the tests share, and a scratch directory per test file. */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shared corpus of real plans, beside the repository (CODEGEN_CORPUS names another folder); see corpus.ts. */
export const CORPUS = process.env.CODEGEN_CORPUS
  ? resolve(process.env.CODEGEN_CORPUS)
  : join(ROOT, '..', 'shared', 'corpus');
export const corpusAvailable = existsSync(CORPUS);
export const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
export const BIN = join(ROOT, 'bin', 'codegen.js');

/** The example plans, each with its committed client in out/<name>/. */
export const EXAMPLES = ['shop', 'saas'] as const;

/** Every committed client: an example plan generated for a target into out/<dir>/ (package.json "examples"). */
export const CLIENTS = [
  { example: 'shop', target: 'web', dir: 'shop' },
  { example: 'saas', target: 'web', dir: 'saas' },
  { example: 'shop', target: 'react-native', dir: 'shop-rn' },
  { example: 'saas', target: 'react-native', dir: 'saas-rn' },
] as const;

export function scratch(name: string): string {
  const base = join(ROOT, 'test', '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${name}-`));
}
