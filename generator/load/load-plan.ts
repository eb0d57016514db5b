/** The load phase: a plan file (or an Iglu folder) as a native plan value, with its source and diagnostics. */
import { statSync } from 'node:fs';
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { IoError, readJson } from './read-json.js';
import type { SourceFile } from './source.js';

export type PlanFormat = 'native' | 'segment' | 'rudderstack' | 'iglu';

export interface LoadOptions {
  /** The format; detected from the file's shape when absent. */
  from?: PlanFormat;
  /** Iglu: `add_to_cart` becomes `Add To Cart`. */
  readableNames?: boolean;
}

export interface LoadedPlan {
  /** The native plan, or undefined when the file could not be read as one (diagnostics say why). */
  value: unknown;
  file: SourceFile;
  format: PlanFormat;
  diagnostics: Diagnostic[];
}

export function loadPlan(path: string, options: LoadOptions = {}): LoadedPlan {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new IoError(`cannot read ${path}: no such file`);
  }
  if (isDir) {
    throw new IoError(`${path} is a directory; a folder of Iglu schemas needs the importers`);
  }
  const read = readJson(path);
  const format = options.from ?? 'native';
  if (read.value === undefined) return { value: undefined, file: read.file, format, diagnostics: read.diagnostics };
  if (format !== 'native') {
    return { value: undefined, file: read.file, format, diagnostics: [...read.diagnostics, diagnose('CT050', undefined)] };
  }
  return { value: read.value, file: read.file, format, diagnostics: read.diagnostics };
}
