/** `codegen docs`: the plan as one HTML page (see page.ts), and the status data it can show. */
import { dirname, relative, sep } from 'node:path';
import type { EmittedFile } from '../emit/target.js';
import type { Plan } from '../model/ir.js';
import type { StatusReport } from '../status/status.js';
import { cataloguePage, type CatalogueStatus, type SiteRef } from './page.js';

export type { CatalogueStatus, SiteRef } from './page.js';

/** The files `codegen docs` writes: `index.html`. */
export function catalogue(plan: Plan, status?: CatalogueStatus): EmittedFile[] {
  return [{ path: 'index.html', content: cataloguePage(plan, status) }];
}

/** A status report as the page shows it: paths relative to the app's folder, sites by event name. */
export function catalogueStatus(report: StatusReport, base = process.cwd()): CatalogueStatus {
  const root = dirname(report.tsconfig);
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const events: Record<string, SiteRef[]> = {};
  const profile: Record<string, SiteRef[]> = {};
  for (const f of report.functions) {
    const sites = f.sites.map((s) => ({
      file: rel(s.file),
      line: s.line,
      ...(s.via && { via: s.via }),
      ...(s.unsafe && { unsafe: s.unsafe }),
    }));
    if (f.kind === 'profile') profile[f.name] = [...(profile[f.name] ?? []), ...sites];
    else if (f.event !== undefined) events[f.event] = [...(events[f.event] ?? []), ...sites];
  }
  return { project: relative(base, report.tsconfig).split(sep).join('/'), events, profile };
}
