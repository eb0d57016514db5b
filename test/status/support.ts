/** Fixture apps for `codegen status`: a copy in test/.tmp with the client of its plan generated beside it. */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateFiles } from '../../generator/pipeline.js';
import type { StatusReport } from '../../generator/status/status.js';
import { ROOT, scratch } from '../helpers/paths.js';

export const FIXTURES = join(ROOT, 'test', 'status', 'fixtures');

/** Copies fixture `name` to a scratch folder and writes its plan's client to `client/` there. */
export async function fixtureApp(
  name: string,
  options: { language?: 'ts' | 'js'; plan?: string } = {},
): Promise<string> {
  const dir = scratch(`status-${name}`);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  const generated = await generateFiles(options.plan ?? join(dir, 'plan.json'), { language: options.language ?? 'ts' });
  if (generated.files.length === 0)
    throw new Error(
      `the fixture plan of ${name} does not generate: ${JSON.stringify(generated.diagnostics.map((d) => d.message))}`,
    );
  mkdirSync(join(dir, 'client'), { recursive: true });
  for (const f of generated.files) writeFileSync(join(dir, 'client', f.path), f.content);
  return dir;
}

export interface Marker {
  file: string;
  line: number;
  text: string;
}

/** The `// <tag>: ...` markers of the app's sources, with file (relative to the app) and line. */
export function markers(dir: string, tag: string): Marker[] {
  return sourceLines(dir).flatMap((l) => {
    const m = new RegExp(`// ${tag}: ([^/]*)`).exec(l.text);
    return m ? [{ ...l, text: m[1]!.trim() }] : [];
  });
}

/** The lines of the app's sources that contain `text`, in file and line order. */
export function linesWith(dir: string, text: string): Marker[] {
  return sourceLines(dir).filter((l) => l.text.includes(text));
}

function sourceLines(dir: string): Marker[] {
  const out: Marker[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((text, i) => {
            out.push({ file: relative(dir, path), line: i + 1, text });
          });
      }
    }
  };
  walk(join(dir, 'src'));
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** Every site of a report as `file:line function kind [via]` (file relative to `dir`), sorted. */
export function siteLines(report: StatusReport, dir: string): string[] {
  return report.functions
    .flatMap((f) =>
      f.sites.map((s) => `${relative(dir, s.file)}:${s.line} ${f.name} ${s.kind}${s.via ? ` ${s.via}` : ''}`),
    )
    .sort();
}
