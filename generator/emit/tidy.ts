/**
 * One newline at the end, no runs of blank lines, no trailing spaces: templates stay readable, output stays tidy.
 *
 * Exactly `text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n')`
 * (test/emit/tidy.test.ts holds it to that), but a client is megabytes long and a regex pass over all of it is
 * slow, the more so on its first run in a process (V8 interprets a regex before it compiles it). Generated text
 * almost never has a trailing blank, so native substring searches decide whether the first pass has anything to
 * do, and the ends are trimmed by hand.
 */
export function tidy(text: string): string {
  let t = mayHaveTrailingBlanks(text) ? text.replace(/[ \t]+$/gm, '') : text;
  if (t.includes('\n\n\n')) t = t.replace(/\n{3,}/g, '\n\n');
  let start = 0;
  while (t.charCodeAt(start) === 0x0a) start++;
  let end = t.length;
  while (end > start && t.charCodeAt(end - 1) === 0x0a) end--;
  // Already one newline at the end (the usual case): the text itself, not a copy
  if (start === 0 && end === t.length - 1) return t;
  return `${t.slice(start, end)}\n`;
}

/**
 * False only when `/[ \t]+$/m` cannot match: no space or tab before a newline or at the end. Any CR or line
 * separator (a line end for `$` too, and never in generated code) sends the text to the regex.
 */
function mayHaveTrailingBlanks(t: string): boolean {
  const last = t.charCodeAt(t.length - 1);
  return (
    last === 0x20 ||
    last === 0x09 ||
    t.includes(' \n') ||
    t.includes('\t\n') ||
    t.includes('\r') ||
    t.includes('\u2028') ||
    t.includes('\u2029')
  );
}
