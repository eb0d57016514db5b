/** The web target: one ES module, `index.ts`, wired to clevertap-web-sdk. */
import type { Plan } from '../../model/ir.js';
import { template } from '../templates.js';
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

/** One newline at the end, no runs of blank lines, no trailing spaces: templates stay readable, output stays tidy. */
export function tidy(text: string): string {
  return text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n');
}
