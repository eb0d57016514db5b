/** The web target: ES modules wired to clevertap-web-sdk. */
import type { Plan } from '../../model/ir.js';
import { clientModules } from '../common/modules.js';
import { sharedView } from '../common/view.js';
import type { EmittedFile, Target } from '../target.js';

export function emitWeb(plan: Plan): EmittedFile[] {
  return clientModules('web', sharedView(plan));
}

export const web: Target = { name: 'web', sdk: 'clevertap-web-sdk', emit: emitWeb };
