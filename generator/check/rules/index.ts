/** Every rule the checker runs. A rule reads the IR and returns its diagnostics. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Plan } from '../../model/ir.js';
import { valueRules } from './values.js';

export type PlanRule = (plan: Plan) => Diagnostic[];

export const RULES: PlanRule[] = [...valueRules];
