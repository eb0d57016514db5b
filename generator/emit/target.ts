/**
 * The target contract: what every platform's emitter provides. A target is a folder `generator/emit/<name>/` with
 * one entry satisfying `Target`, a set of templates in `templates/<name>/`, and one line in `targets.ts`. Targets
 * share the IR, the checker, the property types and JSDoc (`render-types.ts`), the development-mode rules
 * (`render-checks.ts`) and their interpreter (`templates/shared/checks.ts.hbs`), through `shared/view.ts`.
 */
import type { Plan } from '../model/ir.js';

/** A generated file, its path relative to the output directory. */
export interface EmittedFile {
  path: string;
  content: string;
}

export const TARGET_NAMES = ['web', 'react-native', 'node'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface Target {
  name: TargetName;
  /** The package or API the client drives, for help text and docs. */
  sdk: string;
  /** Turns a checked plan (no errors) into the client's files. */
  emit(plan: Plan): EmittedFile[];
}
