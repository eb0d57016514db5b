/**
 * Where a plan's text comes from and where in it something is: the types every phase shares (the loader makes
 * them, the IR carries them, diagnostics print them), and `locate`, from an offset to a line and column.
 */

export interface SourceFile {
  /** The path as the user named it (relative paths stay relative, so diagnostics read like the command line). */
  readonly path: string;
  readonly text: string;
  lineStarts?: number[];
  /** Read with JSON.parse: where a node is written is found in the text only when a diagnostic asks (json-index.ts). */
  offsetsOnDemand?: boolean;
}

/** Where a node of the plan came from: a file, a JSON pointer in it, and the offset of its key (or value). */
export interface Origin {
  readonly file: SourceFile;
  readonly pointer: string;
  readonly offset: number;
}

export interface Location {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** The offset each line starts at, worked out once per file (code frames and locations reuse it). */
export function lineStarts(file: SourceFile): number[] {
  if (!file.lineStarts) {
    const starts = [0];
    const text = file.text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    file.lineStarts = starts;
  }
  return file.lineStarts;
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function locate(file: SourceFile, offset: number): Location {
  const starts = lineStarts(file);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { path: file.path, line: lo + 1, column: offset - starts[lo]! + 1 };
}
