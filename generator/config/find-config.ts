/** Finds the config: codegen.config.json, or a "codegen" key in package.json, in the folder or the nearest above it. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { IoError } from '../core/io-error.js';

export const CONFIG_FILE = 'codegen.config.json';

function packageHasConfig(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  if (!text.includes('"codegen"')) return false;
  try {
    const pkg: unknown = JSON.parse(text);
    return typeof pkg === 'object' && pkg !== null && Object.hasOwn(pkg, 'codegen');
  } catch {
    // not JSON: npm says so; the config is not there in any case
    return false;
  }
}

/** The config file that applies in `from` (a folder), or undefined when there is none up to the root. */
export function findConfig(from: string = process.cwd()): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const file = join(dir, CONFIG_FILE);
    const pkg = join(dir, 'package.json');
    const inPackage = packageHasConfig(pkg);
    if (existsSync(file)) {
      if (inPackage)
        throw new IoError(`${dir} has both ${CONFIG_FILE} and a "codegen" key in package.json; keep one of them`);
      return file;
    }
    if (inPackage) return pkg;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
