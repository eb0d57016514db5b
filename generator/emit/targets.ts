/** Every target the generator can emit, by name (see target.ts for how to add one). */
import type { Target, TargetName } from './target.js';
import { web } from './web/emit-web.js';
import { reactNative } from './react-native/emit-react-native.js';
import { node } from './node/emit-node.js';

const TARGETS: Partial<Record<TargetName, Target>> = { web, 'react-native': reactNative, node };

export function targetOf(name: TargetName = 'web'): Target {
  const target = TARGETS[name];
  if (!target) throw new Error(`internal: no emitter for target "${name}"`);
  return target;
}

/** The targets this build can emit. */
export const availableTargets = (): TargetName[] => Object.keys(TARGETS) as TargetName[];
