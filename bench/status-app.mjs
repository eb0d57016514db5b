// The app `codegen status` is measured on (bench/run.mjs, section 5): `files` modules that call a generated client,
// written the ways apps write calls. Deterministic: the same plan and count give the same files.
//
// File i calls four events, chosen so that the app covers most of the plan and leaves some events unsent. Calls
// alternate between named imports, renamed imports, a namespace import, literal props and props in a variable;
// every tenth file goes through a wrapper that forwards its argument.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_COMPILER_OPTIONS, fnOf } from './lib.mjs';
import { propsSource, sampleProps } from './synthetic-plan.mjs';

export const STATUS_TSCONFIG = {
  compilerOptions: APP_COMPILER_OPTIONS,
  include: ['src'],
};

/** Writes `dir/tsconfig.json` and `dir/src/f000.ts`…; the client must be in `dir/client/`. Returns the number of call sites status should find. */
export function writeStatusApp(dir, plan, client, files) {
  const names = Object.keys(plan.events);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(STATUS_TSCONFIG, null, 2));
  let calls = 0;
  for (let i = 0; i < files; i++) {
    const picked = [0, 1, 2, 3].map((k) => names[(i * 7 + k * 131) % Math.floor(names.length * 0.95)]);
    const fns = picked.map((name) => fnOf(client, name));
    const args = picked.map((name) =>
      Object.keys(plan.events[name].properties ?? {}).length
        ? propsSource(sampleProps(plan.events[name], { all: i % 2 === 0 }))
        : '',
    );
    const lines = [];
    if (i % 3 === 0) {
      lines.push(`import * as ct from '../client/index.js';`);
      fns.forEach((fn, k) => {
        lines.push(`export function run${k}(): void {`, `  ct.${fn}(${args[k]});`, '}');
      });
    } else if (i % 10 === 1) {
      lines.push(`import { ${fns[0]} as first, ${fns.slice(1).join(', ')} } from '../client/index.js';`);
      lines.push(
        `type Props = Parameters<typeof first>;`,
        `export function wrapped(...p: Props): void {`,
        `  first(...p);`,
        '}',
      );
      lines.push(
        `export function run(): void {`,
        `  wrapped(${args[0]});`,
        ...fns.slice(1).map((fn, k) => `  ${fn}(${args[k + 1]});`),
        '}',
      );
    } else {
      lines.push(
        `import { ${fns.map((fn, k) => (k === 0 ? `${fn} as sendFirst` : fn)).join(', ')} } from '../client/index.js';`,
      );
      lines.push(`export function run(): void {`);
      fns.forEach((fn, k) => {
        const callee = k === 0 ? 'sendFirst' : fn;
        if (i % 2 === 1 && args[k]) lines.push(`  const props${k} = ${args[k]};`, `  ${callee}(props${k});`);
        else lines.push(`  ${callee}(${args[k]});`);
      });
      lines.push('}');
    }
    // the wrapper's own call of the client counts too
    calls += fns.length + (i % 3 !== 0 && i % 10 === 1 ? 1 : 0);
    writeFileSync(join(dir, 'src', `f${String(i).padStart(3, '0')}.ts`), lines.join('\n') + '\n');
  }
  return calls;
}
