/** The web target: one ES module, `index.ts`, wired to clevertap-web-sdk. */
import type { Plan } from '../../model/ir.js';
import { template } from '../templates.js';
import { tidy } from '../tidy.js';
import { webView } from './view.js';

export interface EmittedFile {
  /** Relative to the output directory. */
  path: string;
  content: string;
}

/** `index.ts`, the client; `checks.ts`, its development-mode checks, which init() loads only in development. */
export function emitWeb(plan: Plan): EmittedFile[] {
  const view = webView(plan);
  return [
    { path: 'index.ts', content: tidy(template('web', 'index.ts')(view)) },
    { path: 'checks.ts', content: tidy(template('web', 'checks.ts')(view)) },
  ];
}
