/** A status report as text (for people), JSON (for tools) or GitHub Actions annotations (for pull requests). */
import { relative, sep } from 'node:path';
import { githubEscape } from '../diagnostics/format.js';
import type { Site } from './calls.js';
import type { FunctionStatus, StatusReport } from './status.js';

export type StatusFormat = 'text' | 'json' | 'github';

/** Paths in output: relative to `base` (the working directory), with forward slashes. */
const pathFrom = (base: string) => (p: string) => relative(base, p).split(sep).join('/') || '.';

const label = (f: FunctionStatus) => (f.kind === 'event' ? `${JSON.stringify(f.event ?? '?')} (${f.name})` : f.name);

function siteText(s: Site): string {
  const how = s.kind === 'wrapper' ? ` via ${s.via}` : s.kind === 'passed' ? ` passed to ${s.via}` : '';
  return `${how}${s.unsafe ? ` [unsafe: ${s.unsafe}]` : ''}`;
}

export function summaryLine(r: StatusReport): string {
  const events = r.functions.filter((f) => f.kind === 'event');
  const sites = r.functions.reduce((n, f) => n + f.sites.length, 0);
  const parts = [
    `${events.length - r.neverCalled.length} of ${events.length} events sent`,
    `${sites} call site${sites === 1 ? '' : 's'} in ${r.scanned} file${r.scanned === 1 ? '' : 's'}`,
  ];
  if (r.neverCalled.length > 0) parts.push(`${r.neverCalled.length} never sent`);
  if (r.missing.length > 0) parts.push(`${r.missing.length} uses of names the client does not export`);
  if (r.unsafe.length > 0) parts.push(`${r.unsafe.length} calls only through any or a cast`);
  return parts.join('; ');
}

const MISSING_WORDS = {
  import: 'imported',
  export: 're-exported',
  call: 'called',
  access: 'used',
} as const;

export function formatStatus(r: StatusReport, format: StatusFormat, base = process.cwd()): string {
  const rel = pathFrom(base);
  const at = (s: { file: string; line: number; column: number }) => `${rel(s.file)}:${s.line}:${s.column}`;
  if (format === 'json') return `${JSON.stringify(toJson(r, rel), null, 2)}\n`;
  if (format === 'github') {
    const lines: string[] = [];
    for (const m of r.missing) {
      const message = `${m.name} is ${MISSING_WORDS[m.kind]} here, but the client ${rel(m.client)} does not export it (removed from the plan?)`;
      lines.push(
        `::error file=${githubEscape(rel(m.file), true)},line=${m.line},col=${m.column},title=codegen status::${githubEscape(message)}`,
      );
    }
    for (const u of r.unsafe) {
      const message = `the type checker cannot vouch for this call of ${u.name}: ${u.unsafe}`;
      lines.push(
        `::warning file=${githubEscape(rel(u.file), true)},line=${u.line},col=${u.column},title=codegen status::${githubEscape(message)}`,
      );
    }
    for (const f of r.neverCalled) {
      const message = `the plan's event ${JSON.stringify(f.event ?? f.name)} is never sent: no code calls ${f.name}`;
      lines.push(
        `::warning file=${githubEscape(rel(f.client), true)},line=${f.line},title=codegen status::${githubEscape(message)}`,
      );
    }
    lines.push(`::notice title=codegen status::${githubEscape(summaryLine(r))}`);
    return lines.join('\n') + '\n';
  }
  const out: string[] = [`${rel(r.tsconfig)}: client ${r.clients.map(rel).join(', ')}`, ''];
  // The events first, then identify and updateProfile
  const ordered = [
    ...r.functions.filter((f) => f.kind === 'event'),
    ...r.functions.filter((f) => f.kind === 'profile'),
  ];
  for (const f of ordered) {
    if (f.sites.length === 0) continue;
    out.push(label(f));
    for (const s of f.sites) out.push(`  ${at(s)}${siteText(s)}`);
  }
  if (r.neverCalled.length > 0) {
    out.push('', `never sent (${r.neverCalled.length}):`);
    for (const f of r.neverCalled) out.push(`  ${label(f)}  ${rel(f.client)}:${f.line}`);
  }
  if (r.missing.length > 0) {
    out.push('', `not in the client (${r.missing.length}): removed from the plan, or misspelt`);
    for (const m of r.missing)
      out.push(`  ${at(m)} ${m.name} ${MISSING_WORDS[m.kind]}; ${rel(m.client)} does not export it`);
  }
  if (r.unsafe.length > 0) {
    out.push('', `only through any or a cast (${r.unsafe.length}):`);
    for (const u of r.unsafe) out.push(`  ${at(u)} ${u.name}: ${u.unsafe}`);
  }
  out.push('', summaryLine(r));
  return out.join('\n') + '\n';
}

/** The JSON shape (documented in docs/status.md): paths relative to the working directory. */
function toJson(r: StatusReport, rel: (p: string) => string) {
  const site = (s: Site) => ({
    file: rel(s.file),
    line: s.line,
    column: s.column,
    kind: s.kind,
    ...(s.via && { via: s.via }),
    ...(s.unsafe && { unsafe: s.unsafe }),
  });
  return {
    tsconfig: rel(r.tsconfig),
    clients: r.clients.map(rel),
    scanned: r.scanned,
    functions: r.functions.map((f) => ({
      name: f.name,
      kind: f.kind,
      ...(f.event !== undefined && { event: f.event }),
      client: rel(f.client),
      line: f.line,
      sites: f.sites.map(site),
    })),
    neverCalled: r.neverCalled.map((f) => ({ event: f.event ?? null, name: f.name })),
    missing: r.missing.map((m) => ({
      name: m.name,
      file: rel(m.file),
      line: m.line,
      column: m.column,
      kind: m.kind,
      client: rel(m.client),
    })),
    unsafe: r.unsafe.map((u) => ({ name: u.name, ...(u.event !== undefined && { event: u.event }), ...site(u) })),
    summary: summaryLine(r),
  };
}
