/**
 * Every rule the checker runs, one module per rule family. A rule reads the IR (and the value sites and key groups
 * of sites.ts, built once per check) and returns its diagnostics.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Plan } from '../../model/ir.js';
import type { PlanSites } from '../sites.js';
import { chargedRules } from './charged.js';
import { constraintRules } from './constraints.js';
import { eventNameRules } from './event-names.js';
import { identifyRules } from './identify.js';
import { keywordRules } from './keywords.js';
import { propertyKeyRules } from './property-keys.js';
import { valueRules } from './values.js';

export type PlanRule = (plan: Plan, sites: PlanSites) => Diagnostic[];

export const RULES: PlanRule[] = [
  ...eventNameRules,
  ...propertyKeyRules,
  ...valueRules,
  ...constraintRules,
  ...chargedRules,
  ...identifyRules,
  ...keywordRules,
];
