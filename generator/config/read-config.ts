/**
 * Reads and checks a config (codegen.config.json, or the "codegen" key of package.json) into outputs. Every
 * unknown key and bad value is a diagnostic at its place in the file (file:line:col), as for plans.
 */
import { basename, dirname, resolve } from 'node:path';
import { CATALOGUE, type Code } from '../diagnostics/catalogue.js';
import { diagnose, type Args, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseJsonText, readText } from '../load/read-json.js';
import { availableTargets } from '../emit/targets.js';
import { memberOrigin, originOf } from '../load/source.js';
import type { Origin, SourceFile } from '../core/source-file.js';
import { severityRefusal } from '../diagnostics/severity.js';
import { OUTPUT_FIELDS, TOP_LEVEL_ONLY, type FieldKind, type OutputSettings, type SeverityLevel } from './fields.js';

export interface Config {
  /** The file the config was read from. */
  path: string;
  outputs: OutputSettings[];
  diagnostics: Diagnostic[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

const list = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(', ');

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly file: SourceFile,
    private readonly base: string,
  ) {}

  report(code: Code, at: Origin | undefined, args: Args): void {
    this.diagnostics.push(diagnose(code, at ?? { file: this.file, pointer: '', offset: 0 }, args));
  }

  /** The settings of one object (the top level or an output), checked key by key. */
  settings(obj: Json, where: string, extraKeys: readonly string[]): Partial<OutputSettings> {
    const out: Partial<OutputSettings> = {};
    const allowed = [...extraKeys, ...Object.keys(OUTPUT_FIELDS)];
    for (const key of Object.keys(obj)) {
      const at = memberOrigin(obj, key);
      const field = OUTPUT_FIELDS[key];
      if (!field) {
        if (!extraKeys.includes(key)) this.report('CT901', at, { key, where, allowed: list(allowed) });
        continue;
      }
      const value = this.field(field, obj[key], key, at);
      if (value !== undefined) (out as Record<string, unknown>)[key] = value;
    }
    return out;
  }

  private field(field: FieldKind, value: unknown, key: string, at: Origin | undefined): unknown {
    const bad = (expected: string): undefined => {
      this.report('CT902', at, { key, expected, actual: jsonType(value) });
      return undefined;
    };
    switch (field.kind) {
      case 'path':
        return typeof value === 'string' && value !== ''
          ? resolve(this.base, value)
          : bad('a path (a non-empty string)');
      case 'target': {
        // a target of the contract that this build cannot emit yet is refused here, not at generation
        const available = availableTargets();
        return typeof value === 'string' && (available as string[]).includes(value)
          ? value
          : bad(`one of ${list(available)}`);
      }
      case 'choice':
        return typeof value === 'string' && field.values.includes(value) ? value : bad(`one of ${list(field.values)}`);
      case 'boolean':
        return typeof value === 'boolean' ? value : bad('true or false');
      case 'count':
        return typeof value === 'number' && Number.isInteger(value) && value >= 0
          ? value
          : bad('a whole number, 0 or more');
      case 'transform':
        if (typeof value === 'string' && value !== '') return resolve(this.base, value);
        return isObject(value) ? value : bad('a path to a transformation policy file, or a policy object');
      case 'severity':
        return isObject(value)
          ? this.severity(value)
          : bad('an object mapping rule codes to "error", "warning" or "off"');
    }
  }

  private severity(map: Json): Record<string, SeverityLevel> {
    const out: Record<string, SeverityLevel> = {};
    for (const [code, level] of Object.entries(map)) {
      const at = memberOrigin(map, code);
      if (!Object.hasOwn(CATALOGUE, code)) {
        this.report('CT904', at, { code });
        continue;
      }
      if (level !== 'error' && level !== 'warning' && level !== 'off') {
        this.report('CT902', at, { key: code, expected: 'one of "error", "warning", "off"', actual: jsonType(level) });
        continue;
      }
      const refusal = severityRefusal(code as Code, level);
      if (refusal) {
        this.report('CT905', at, { code, level, consequence: refusal });
        continue;
      }
      out[code] = level;
    }
    return out;
  }
}

/** Checks a config value (already parsed, with origins) read from `file`; `at` is where the value is written. */
export function checkConfig(
  value: unknown,
  file: SourceFile,
  where: string,
  at: Origin | undefined = originOf(value),
): Config {
  const reader = new Reader(file, dirname(resolve(file.path)));
  const config: Config = { path: file.path, outputs: [], diagnostics: reader.diagnostics };
  if (!isObject(value)) {
    reader.report('CT902', at, { key: where, expected: 'an object', actual: jsonType(value) });
    return config;
  }
  const defaults = reader.settings(value, where, TOP_LEVEL_ONLY);
  if (typeof value.$schema !== 'string' && value.$schema !== undefined) {
    reader.report('CT902', memberOrigin(value, '$schema'), {
      key: '$schema',
      expected: 'a string',
      actual: jsonType(value.$schema),
    });
  }
  // Without "outputs", the top level is the one output
  const outputs: Array<{ obj: Json; settings: Partial<OutputSettings>; name: string }> = [];
  if (value.outputs === undefined) {
    outputs.push({ obj: {}, settings: {}, name: where });
  } else if (!Array.isArray(value.outputs) || value.outputs.length === 0) {
    reader.report('CT902', memberOrigin(value, 'outputs'), {
      key: 'outputs',
      expected: 'a non-empty array of outputs',
      actual: jsonType(value.outputs),
    });
    return config;
  } else {
    value.outputs.forEach((o: unknown, i: number) => {
      if (!isObject(o))
        reader.report('CT902', memberOrigin(value.outputs as unknown[], i), {
          key: `outputs[${i}]`,
          expected: 'an object',
          actual: jsonType(o),
        });
      else outputs.push({ obj: o, settings: reader.settings(o, `outputs[${i}]`, []), name: `outputs[${i}]` });
    });
  }
  const byOut = new Map<string, string>();
  for (const o of outputs) {
    const merged = { ...defaults, ...o.settings, severity: { ...defaults.severity, ...o.settings.severity } };
    const site = value.outputs === undefined ? at : originOf(o.obj);
    let complete = true;
    for (const key of ['plan', 'out'] as const) {
      if (merged[key] !== undefined) continue;
      complete = false;
      // a key written with a bad value has its own diagnostic already
      if (!(key in value) && !(key in o.obj)) {
        reader.report('CT903', site, {
          where: o.name,
          key,
          example: key === 'plan' ? '"tracking-plan.json"' : '"src/analytics"',
        });
      }
    }
    if (!complete) continue;
    const first = byOut.get(merged.out!);
    if (first !== undefined) reader.report('CT906', originOf(o.obj), { first, second: o.name, out: merged.out! });
    byOut.set(merged.out!, o.name);
    config.outputs.push(merged as OutputSettings);
  }
  return config;
}

/** Reads a config file: codegen.config.json, or package.json (its "codegen" key). */
export function readConfig(path: string): Config {
  const read = parseJsonText(path, readText(path));
  if (read.value === undefined || read.diagnostics.length > 0)
    return { path, outputs: [], diagnostics: read.diagnostics };
  if (basename(path) === 'package.json' && isObject(read.value)) {
    return checkConfig(read.value.codegen, read.file, '"codegen" in package.json', memberOrigin(read.value, 'codegen'));
  }
  return checkConfig(read.value, read.file, basename(path));
}
