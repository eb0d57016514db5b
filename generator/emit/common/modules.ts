/** The two modules a client-side target writes: `index.ts`, and `checks.ts`, which init() loads only in development. */
import type { EmittedFile } from '../target.js';
import { template } from '../templates.js';
import { tidy } from '../tidy.js';

export function clientModules(target: string, view: object): EmittedFile[] {
  return [
    { path: 'index.ts', content: tidy(template(target, 'index.ts')(view)) },
    { path: 'checks.ts', content: tidy(template(target, 'checks.ts')(view)) },
  ];
}
