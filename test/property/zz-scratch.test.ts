import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, formatProblems, virtualDir } from './support/compiler.js';
it('time', () => {
  const src = readFileSync('out/shop/index.ts', 'utf8');
  for (const n of [1, 1, 1, 1, 1, 10, 10, 30]) {
    const t = performance.now();
    const files = new Map<string, string>();
    for (let k = 0; k < n; k++) {
      const d = virtualDir();
      files.set(join(d, 'index.ts'), src);
      files.set(join(d, 'use.ts'), `import { trackAppOpened } from './index.js';\ntrackAppOpened();\n`);
    }
    const ps = check(files);
    console.log(n, Math.round(performance.now() - t), 'ms', formatProblems(ps));
  }
});
