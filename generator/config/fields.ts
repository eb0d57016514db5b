/**
 * The settings an output of codegen.config.json may carry, and what each accepts: one table that the config
 * reader checks against and that config.schema.json mirrors (test/config/schema.test.ts holds them together).
 */
import { TARGET_NAMES, type TargetName } from '../emit/target.js';

export { TARGET_NAMES as TARGETS, type TargetName };
export const LANGUAGES = ['ts', 'js'] as const;
export const FORMATS = ['native', 'segment', 'rudderstack', 'iglu'] as const;
export { SEVERITY_LEVELS, type SeverityLevel } from '../diagnostics/severity.js';
import type { SeverityLevel } from '../diagnostics/severity.js';

/** One output, with every default applied except the CLI's. Paths are absolute (resolved against the config's folder). */
export interface OutputSettings {
  plan: string;
  out: string;
  target?: TargetName;
  language?: 'ts' | 'js';
  /** The transformation policy: a file (absolute path) or an object, passed to the generator as it is. */
  transform?: string | Record<string, unknown>;
  severity: Record<string, SeverityLevel>;
  from?: (typeof FORMATS)[number];
  readableNames?: boolean;
  maxWarnings?: number;
}

export type FieldKind =
  | { kind: 'path' }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'target' }
  | { kind: 'boolean' }
  | { kind: 'count' }
  | { kind: 'transform' }
  | { kind: 'severity' };

/** The keys of an output (each may also be given at the top level, as a default for every output). */
export const OUTPUT_FIELDS: Record<string, FieldKind> = {
  plan: { kind: 'path' },
  out: { kind: 'path' },
  target: { kind: 'target' },
  language: { kind: 'choice', values: LANGUAGES },
  transform: { kind: 'transform' },
  severity: { kind: 'severity' },
  from: { kind: 'choice', values: FORMATS },
  readableNames: { kind: 'boolean' },
  maxWarnings: { kind: 'count' },
};

/** Keys only the top level has. */
export const TOP_LEVEL_ONLY = ['$schema', 'outputs'] as const;
