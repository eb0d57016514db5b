import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, scratch } from '../helpers/paths.js';

const run = promisify(execFile);

/** Every TypeScript our users compile with, installed side by side as aliases (package.json). */
const VERSIONS = ['typescript-5.0', 'typescript-5.4', 'typescript', 'typescript-6.0', 'typescript-7.0'];

const STRICTEST = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noUnusedLocals: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedParameters: true,
  allowUnreachableCode: false,
  noImplicitOverride: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  types: [],
  noEmit: true,
  skipLibCheck: false,
};

const RESOLUTIONS = {
  bundler: { module: 'ESNext', moduleResolution: 'Bundler' },
  nodenext: { module: 'NodeNext', moduleResolution: 'NodeNext' },
};

// The clients, the example apps and the misuse fixtures: every @ts-expect-error must fire in every version too.
const FILES = [
  'out/shop/index.ts',
  'out/saas/index.ts',
  'out/shop-rn/index.ts',
  'out/saas-rn/index.ts',
  'test/types/rn-usage.ts',
  'test/types/shop-misuse.ts',
  'test/types/saas-misuse.ts',
  'examples/shop/app.ts',
  'examples/saas/app.ts',
  'examples/clevertap-web-sdk.d.ts',
];

// The server target's clients, compiled for Node (its fetch, timers and process), not the DOM.
const NODE_FILES = ['out/shop-node/index.ts', 'out/saas-node/index.ts', 'test/server/shop-node-misuse.ts'];
const NODE = { files: NODE_FILES, lib: ['ES2022'], types: ['node'] };

/** Flags TypeScript 5.8 and later know (older versions reject unknown options). */
const SINCE_5_8 = { erasableSyntaxOnly: true, isolatedDeclarations: true, declaration: true };
const NEWER = new Set(['typescript', 'typescript-6.0', 'typescript-7.0']);

async function tsc(
  version: string,
  resolution: keyof typeof RESOLUTIONS,
  platform = { files: FILES, lib: STRICTEST.lib, types: STRICTEST.types as string[] },
): Promise<string> {
  const dir = scratch(`tsc-${version}-${resolution}`);
  const config = join(dir, 'tsconfig.json');
  // NodeNext decides ESM or CommonJS by the nearest package.json: ours says "type": "module"
  writeFileSync(
    config,
    JSON.stringify(
      {
        compilerOptions: {
          ...STRICTEST,
          ...(NEWER.has(version) && SINCE_5_8),
          ...RESOLUTIONS[resolution],
          lib: platform.lib,
          types: platform.types,
        },
        files: platform.files.map((f) => join(ROOT, f)),
      },
      null,
      2,
    ),
  );
  try {
    await run(process.execPath, [join(ROOT, 'node_modules', version, 'bin', 'tsc'), '-p', config], { cwd: ROOT });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe('the generated clients compile under every supported TypeScript', () => {
  it.each(
    VERSIONS.flatMap((v) => (Object.keys(RESOLUTIONS) as Array<keyof typeof RESOLUTIONS>).map((r) => [v, r] as const)),
  )('%s, module resolution %s, strictest flags', async (version, resolution) => {
    expect(await tsc(version, resolution)).toBe('');
  });
});

describe('the server clients compile for Node under every supported TypeScript', () => {
  it.each(
    VERSIONS.flatMap((v) => (Object.keys(RESOLUTIONS) as Array<keyof typeof RESOLUTIONS>).map((r) => [v, r] as const)),
  )('%s, module resolution %s, strictest flags, types: ["node"]', async (version, resolution) => {
    expect(await tsc(version, resolution, NODE)).toBe('');
  });
});
