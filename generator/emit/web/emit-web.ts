/** The web target: one ES module, `index.ts`, wired to clevertap-web-sdk. */
import type { Plan } from '../../model/ir.js';
import { template } from '../templates.js';
import { webView } from './view.js';

export interface EmittedFile {
  /** Relative to the output directory. */
  path: string;
  content: string;
}

export function emitWeb(plan: Plan): EmittedFile[] {
  const text = template('web')(webView(plan));
  return [{ path: 'index.ts', content: tidy(text) }];
}

/** One newline at the end, no runs of blank lines, no trailing spaces: templates stay readable, output stays tidy. */
export function tidy(text: string): string {
  return text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n');
}
