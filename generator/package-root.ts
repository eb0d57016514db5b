/** The installed package's folder (where package.json and templates/ are), from the source or the bundled CLI alike. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'clevertap-codegen')
        break;
      const up = dirname(dir);
      if (up === dir) throw new Error('internal: cannot find the clevertap-codegen package folder');
      dir = up;
    }
    root = dir;
  }
  return root;
}
