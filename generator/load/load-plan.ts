/** The load phase: a plan file (or a folder of Iglu schemas) as a native plan value, with its sources and diagnostics. */
import { statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatOf, importIgluFolder, importPlan, type PlanFormat } from './import/index.js';
import { hookedList, hookedText, readJson } from './read-json.js';
import { IoError } from '../core/io-error.js';
import type { SourceFile } from '../core/source-file.js';

export type { PlanFormat } from './import/index.js';

export interface LoadOptions {
  /** The format; detected from the file's shape when absent. */
  from?: PlanFormat;
  /** Iglu: `add_to_cart` becomes `Add To Cart`. */
  readableNames?: boolean;
}

export interface LoadedPlan {
  /** The native plan, or undefined when the input could not be read as one (diagnostics say why). */
  value: unknown;
  /** Every file the plan was read from: a `#/...` reference in any of them points into `value`. */
  sources: SourceFile[];
  format: PlanFormat | undefined;
  diagnostics: Diagnostic[];
}

function isDirectory(path: string): boolean {
  if (hookedList(path) !== undefined) return true;
  if (hookedText(path) !== undefined) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new IoError(`cannot read ${path}: no such file or folder`);
  }
}

export function loadPlan(path: string, options: LoadOptions = {}): LoadedPlan {
  const importOptions = { readableNames: options.readableNames === true };
  if (isDirectory(path)) {
    if (options.from !== undefined && options.from !== 'iglu')
      throw new IoError(`${path} is a folder; only --from iglu reads folders`);
    const imported = importIgluFolder(path, importOptions);
    return { value: imported.plan, sources: imported.sources, format: 'iglu', diagnostics: imported.diagnostics };
  }
  const read = readJson(path);
  if (read.value === undefined)
    return { value: undefined, sources: [read.file], format: options.from, diagnostics: read.diagnostics };
  // A file that is not even an object is no plan of any format: the native reader says so (CT003)
  const notAnObject = typeof read.value !== 'object' || read.value === null || Array.isArray(read.value);
  const detected = options.from
    ? { format: options.from, diagnostics: [] }
    : notAnObject
      ? { format: 'native' as const, diagnostics: [] }
      : formatOf(read.value, read.file);
  const format = detected.format;
  if (format === undefined)
    return {
      value: undefined,
      sources: [read.file],
      format,
      diagnostics: [...read.diagnostics, ...detected.diagnostics],
    };
  if (format === 'native') return { value: read.value, sources: [read.file], format, diagnostics: read.diagnostics };
  const imported = importPlan(read.value, read.file, format, importOptions);
  return {
    value: imported.plan,
    sources: imported.sources,
    format,
    diagnostics: [...read.diagnostics, ...imported.diagnostics],
  };
}
