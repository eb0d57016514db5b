/**
 * Importers: plans people already have (Segment Protocols / Typewriter, RudderStack / RudderTyper, Snowplow Iglu
 * schemas) converted to a native plan object. The conversion removes only pure format differences; anything
 * CleverTap cannot accept passes through for the checker to report, and every converted object keeps the
 * origin of the node it came from, so diagnostics point into the original file.
 */
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { IoError } from '../../core/io-error.js';
import type { SourceFile } from '../../core/source-file.js';
import { fileOrigin } from './origins.js';
import { addIgluFiles, folderName, importIgluFile, listIgluFiles } from './iglu.js';
import { detectFormat, type PlanFormat } from './detect.js';
import { PlanBuilder, type ImportFormat, type Imported } from './plan-builder.js';
import { importRudderstack } from './rudderstack.js';
import { importSegment } from './segment.js';

export { detectFormat, type PlanFormat } from './detect.js';
export { readableName } from './iglu.js';
export type { ImportFormat, Imported } from './plan-builder.js';

export interface ImportOptions {
  /** Iglu: name events readably (`add_to_cart` -> "Add To Cart") instead of by `self.name` as written. */
  readableNames?: boolean;
}

/** The file's name without directories or extension: the plan's name when the file names none. */
function baseName(path: string): string {
  const last = path.split(/[\\/]/).pop() ?? '';
  return last.replace(/\.[^.]*$/, '') || 'Imported plan';
}

/** Converts a parsed plan file of an imported format to a native plan object. */
export function importPlan(
  value: unknown,
  file: SourceFile,
  format: ImportFormat,
  options: ImportOptions = {},
): Imported {
  const b = new PlanBuilder(format, fileOrigin(file), baseName(file.path));
  b.sources.push(file);
  if (format === 'segment') importSegment(b, value);
  else if (format === 'rudderstack') importRudderstack(b, value);
  else importIgluFile(b, value, file, options.readableNames === true);
  return b.build();
}

/** A folder of Snowplow Iglu self-describing schemas (recursively, *.json and extension-less Iglu files like .../jsonschema/1-0-0): one event each. */
export function importIgluFolder(dir: string, options: ImportOptions = {}): Imported {
  let files: string[];
  try {
    files = listIgluFiles(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'it is not a folder' : (e as Error).message;
    throw new IoError(`cannot read ${dir}: ${why}`);
  }
  const folder: SourceFile = { path: dir, text: '' };
  const b = new PlanBuilder('iglu', fileOrigin(folder), folderName(dir));
  if (files.length === 0) b.report('CT055', b.root, { dir });
  addIgluFiles(b, files, options.readableNames === true);
  return b.build();
}

/** detectFormat, with a CT050 diagnostic at the top of the file when the format cannot be told. */
export function formatOf(
  value: unknown,
  file: SourceFile,
): { format: PlanFormat | undefined; diagnostics: Diagnostic[] } {
  const format = detectFormat(value);
  return { format, diagnostics: format ? [] : [diagnose('CT050', fileOrigin(file))] };
}
