/** The React Native target: ES modules wired to clevertap-react-native (recordEvent, onUserLogin, ...). */
import type { Plan } from '../../model/ir.js';
import { clientModules } from '../common/modules.js';
import { sharedView } from '../common/view.js';
import type { EmittedFile, Target } from '../target.js';

export function emitReactNative(plan: Plan): EmittedFile[] {
  return clientModules('react-native', sharedView(plan));
}

export const reactNative: Target = { name: 'react-native', sdk: 'clevertap-react-native', emit: emitReactNative };
