// Bundles the CLI into dist/codegen.mjs (run by `npm run build`): one file loads faster than a tree of modules.
//
// string-width (used by yargs and cliui to lay out --help) builds Unicode regular expressions (\p{RGI_Emoji}) and
// two Intl.Segmenters when its module is evaluated: about 50 ms of every run, for text it measures only in help
// and usage messages. The plugin below makes every import of it a function that loads the module on first call.
import { dirname } from 'node:path';
import { build } from 'esbuild';

const LAZY = 'lazy-module';

/** @type {import('esbuild').Plugin} */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: LAZY };
    });
    // esbuild evaluates a module reached through require() only when require() first runs
    b.onLoad({ filter: /.*/, namespace: LAZY }, (args) => ({
      contents: `export default function stringWidth(...args) { return require(${JSON.stringify(args.path)}).default(...args); }\n`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

const result = await build({
  entryPoints: ['generator/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ts-morph'],
  outfile: 'dist/codegen.mjs',
  logLevel: 'warning',
  // the bundle is ESM; the CommonJS packages in it (handlebars) and the lazy modules above need a require
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  plugins: [lazyStringWidth],
  metafile: true,
});

// Fail the build, rather than silently lose the start-up time, if a yargs upgrade imports string-width otherwise
const eager = Object.keys(result.metafile.inputs).filter((p) => /node_modules\/(.*\/)?string-width\/index\.js$/.test(p) && !p.startsWith(`${LAZY}:`));
const lazyCount = Object.keys(result.metafile.inputs).filter((p) => p.startsWith(`${LAZY}:`)).length;
if (lazyCount === 0) throw new Error('bundle: string-width is no longer imported by name; check scripts/bundle.mjs');
for (const input of eager) {
  const importers = Object.entries(result.metafile.inputs).filter(([, v]) => v.imports.some((i) => i.path === input && i.kind !== 'require-call'));
  if (importers.length > 0) throw new Error(`bundle: ${input} is imported eagerly by ${importers.map(([k]) => k).join(', ')}`);
}
