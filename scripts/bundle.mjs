// Bundles the CLI into dist/codegen.mjs (run by `npm run build`): one file loads faster than a tree of modules;
// and the library API into dist/api.mjs with its declarations, dist/api.d.ts.
//
// string-width (used by yargs and cliui to lay out --help) builds Unicode regular expressions (\p{RGI_Emoji}) and
// two Intl.Segmenters when its module is evaluated: about 50 ms of every run, for text it measures only in help
// and usage messages. The plugin below makes every import of it a function that loads the module on first call.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import Handlebars from 'handlebars';
// compiled by tsc just before (npm run build): the options the templates are compiled with, from one place
import { COMPILE_OPTIONS } from '../dist/emit/templates.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

const LAZY = 'lazy-module';

/** @type {import('esbuild').Plugin} */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: { real: true },
      });
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

// The templates precompiled into the bundle, with Handlebars' runtime only: the compiler is a third of the bundle,
// and loading it and compiling the templates cost every run tens of milliseconds.
/** @type {import('esbuild').Plugin} */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /generator[\\/]emit[\\/]precompiled-templates\.ts$/ }, () => {
      const targets = [];
      const statics = {};
      const templates = join(ROOT, 'templates');
      for (const target of readdirSync(templates).sort()) {
        const all = readdirSync(join(templates, target)).sort();
        const specs = all
          .filter((f) => f.endsWith('.hbs'))
          .map(
            (f) =>
              `${JSON.stringify(f)}: ${Handlebars.precompile(readFileSync(join(templates, target, f), 'utf8'), COMPILE_OPTIONS)}`,
          );
        targets.push(`${JSON.stringify(target)}: {\n${specs.join(',\n')}\n}`);
        statics[target] = Object.fromEntries(
          all.filter((f) => !f.endsWith('.hbs')).map((f) => [f, readFileSync(join(templates, target, f), 'utf8')]),
        );
      }
      return {
        contents: `import runtime from 'handlebars/runtime';\nexport const precompiledTemplates = { runtime, statics: ${JSON.stringify(statics)}, targets: {\n${targets.join(',\n')}\n} };\n`,
        loader: 'js',
        resolveDir: ROOT,
      };
    });
  },
};

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['ts-morph'],
  logLevel: 'warning',
  // the bundle is ESM; the CommonJS packages in it (handlebars) and the lazy modules above need a require
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  metafile: true,
};
const result = await build({
  ...shared,
  entryPoints: ['generator/cli/main.ts'],
  outfile: 'dist/codegen.mjs',
  plugins: [lazyStringWidth, precompiledTemplates],
});

// The library API (package.json "exports"): its own bundle, and its declarations emitted by tsc from
// generator/api.ts alone. api.ts declares every type a caller sees, so dist/api.d.ts must import nothing.
await build({ ...shared, entryPoints: ['generator/api.ts'], outfile: 'dist/api.mjs', plugins: [precompiledTemplates] });
{
  const ts = (await import('typescript')).default;
  const options = {
    ...ts.getDefaultCompilerOptions(),
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noCheck: true,
    types: ['node'],
    declaration: true,
    emitDeclarationOnly: true,
    outDir: join(ROOT, 'dist', '.types'),
  };
  const program = ts.createProgram([join(ROOT, 'generator', 'api.ts')], options);
  let dts;
  const emitted = program.emit(
    program.getSourceFile(join(ROOT, 'generator', 'api.ts')),
    (name, text) => {
      if (name.endsWith('api.d.ts')) dts = text;
    },
    undefined,
    true,
  );
  if (emitted.diagnostics.length > 0 || dts === undefined)
    throw new Error(
      `bundle: cannot emit dist/api.d.ts: ${ts.formatDiagnostics(emitted.diagnostics, ts.createCompilerHost(options))}`,
    );
  if (/\bfrom ['"]\.|import\(['"]\./.test(dts))
    throw new Error("bundle: dist/api.d.ts imports another module; declare the API's types in generator/api.ts");
  writeFileSync(join(ROOT, 'dist', 'api.d.ts'), dts);
}

// Fail the build, rather than silently lose the start-up time, if the Handlebars compiler is bundled after all
const compiler = Object.keys(result.metafile.inputs).filter(
  (p) => p.includes('node_modules/handlebars/') && p.includes('compiler/'),
);
if (compiler.length > 0) throw new Error(`bundle: the Handlebars compiler is bundled (${compiler[0]}, ...)`);
// ... or if a yargs upgrade imports string-width otherwise
const eager = Object.keys(result.metafile.inputs).filter(
  (p) => /node_modules\/(.*\/)?string-width\/index\.js$/.test(p) && !p.startsWith(`${LAZY}:`),
);
const lazyCount = Object.keys(result.metafile.inputs).filter((p) => p.startsWith(`${LAZY}:`)).length;
if (lazyCount === 0) throw new Error('bundle: string-width is no longer imported by name; check scripts/bundle.mjs');
for (const input of eager) {
  const importers = Object.entries(result.metafile.inputs).filter(([, v]) =>
    v.imports.some((i) => i.path === input && i.kind !== 'require-call'),
  );
  if (importers.length > 0)
    throw new Error(`bundle: ${input} is imported eagerly by ${importers.map(([k]) => k).join(', ')}`);
}
