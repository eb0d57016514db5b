/**
 * Collects what an importer found (events, identify traits, shared definitions, the plan's name) and assembles
 * the native plan object, with origins pointing into the source files. Events that share a name are never
 * silently merged: distinct versions keep the highest (a note), anything else keeps the first (an error).
 */
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Code } from '../../diagnostics/catalogue.js';
import type { Origin, SourceFile } from '../../core/source-file.js';
import { normalizeSchema, type RefMapping } from './normalize.js';
import { hasOwn, isObject, memberOr, newObject, originOr, put, type Json } from './origins.js';

export type ImportFormat = 'segment' | 'rudderstack' | 'iglu';

export const FORMAT_LABEL: Record<ImportFormat, string> = {
  segment: 'Segment',
  rudderstack: 'RudderStack',
  iglu: 'Snowplow Iglu',
};

export interface Imported {
  plan: Record<string, unknown>;
  diagnostics: Diagnostic[];
  /**
   * The files the plan was read from. Same-document `$ref`s (`#/...`) in them were rewritten to point into the
   * converted plan, so a resolver must treat the converted plan as the root document of each of these files.
   */
  sources: SourceFile[];
}

/** One event (or identify schema) found in the source; `build` runs only for the version that is kept. */
export interface Candidate {
  name: string;
  /** Where the name is written: the event's `name` key, the rule's `key`, the Iglu `self.name`. */
  nameOrigin: Origin;
  version?: unknown;
  /** Events of different families (Iglu vendors) are different events, even with one name. */
  family?: string;
  build: () => unknown;
}

interface Meta {
  value: unknown;
  origin: Origin;
}

type VersionKey = number[];

function versionKey(v: unknown): VersionKey | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? [v] : undefined;
  if (typeof v !== 'string' || !/^\d+(?:[-.]\d+)*$/.test(v)) return undefined;
  return v.split(/[-.]/).map(Number);
}

function compareKeys(a: VersionKey, b: VersionKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class PlanBuilder {
  readonly diagnostics: Diagnostic[] = [];
  readonly sources: SourceFile[] = [];
  private readonly events: Candidate[] = [];
  private readonly identify: Candidate[] = [];
  /** The order candidates were found in. */
  private readonly seq = new Map<Candidate, number>();
  private readonly meta = new Map<'name' | 'version' | 'description', Meta>();
  private eventsOrigin: Origin;
  private defs: Json | undefined;
  private readonly defsText = new Map<string, string>();

  constructor(
    readonly format: ImportFormat,
    readonly root: Origin,
    readonly fallbackName: string,
  ) {
    this.eventsOrigin = root;
  }

  report(
    code: Code,
    origin: Origin | undefined,
    args: Record<string, string | number> = {},
    related: Origin[] = [],
  ): void {
    this.diagnostics.push(diagnose(code, origin, args, related));
  }

  /** CT051: the file is not what its format says it should be. */
  malformed(detail: string, origin: Origin, related: Origin[] = []): void {
    this.report('CT051', origin, { detail, format: FORMAT_LABEL[this.format] }, related);
  }

  /** CT052: a call the CleverTap client does not generate. */
  skipped(kind: string, name: string, origin: Origin): void {
    this.report('CT052', origin, { kind, name });
  }

  setMeta(key: 'name' | 'version' | 'description', value: unknown, origin: Origin): void {
    this.meta.set(key, { value, origin });
  }

  /** Reads `display_name`/`name`, `description` and `version` from a plan file's top level. */
  takeMeta(top: Json): void {
    for (const key of ['display_name', 'name']) {
      if (!this.meta.has('name') && typeof top[key] === 'string' && top[key] !== '')
        this.setMeta('name', top[key], memberOr(top, key, this.root));
    }
    if (typeof top.description === 'string' && top.description !== '')
      this.setMeta('description', top.description, memberOr(top, 'description', this.root));
    if (typeof top.version === 'string' || typeof top.version === 'number') {
      this.setMeta('version', String(top.version), memberOr(top, 'version', this.root));
    }
  }

  setEventsOrigin(origin: Origin): void {
    this.eventsOrigin = origin;
  }

  addEvent(c: Candidate): void {
    this.seq.set(c, this.seq.size);
    this.events.push(c);
  }

  addIdentify(c: Candidate): void {
    this.seq.set(c, this.seq.size);
    this.identify.push(c);
  }

  /**
   * Carries a schema document's `$defs`/`definitions` into the plan's `$defs` (renaming on a clash with a
   * different definition) and returns how the document's pointers map into the plan, `extra` included.
   */
  carryDefs(doc: Json, extra: RefMapping[]): RefMapping[] {
    const mappings = [...extra];
    const pending: Array<{ name: string; value: unknown; origin: Origin }> = [];
    for (const keyword of ['$defs', 'definitions']) {
      const defs = doc[keyword];
      if (!isObject(defs)) continue;
      for (const key of Object.keys(defs)) {
        const name = this.defName(key, defs[key]);
        mappings.push({ from: [keyword, key], to: ['$defs', name] });
        if (!this.defs || !hasOwn(this.defs, name))
          pending.push({ name, value: defs[key], origin: memberOr(defs, key, this.root) });
        if (!this.defsText.has(name)) this.defsText.set(name, JSON.stringify(defs[key]) ?? '');
      }
    }
    for (const p of pending) {
      this.defs ??= newObject(originOr(doc.$defs ?? doc.definitions, this.root));
      if (hasOwn(this.defs, p.name)) continue;
      put(
        this.defs,
        p.name,
        normalizeSchema(p.value, { mappings, fallback: p.origin, diagnostics: this.diagnostics }),
        p.origin,
      );
    }
    return mappings;
  }

  private defName(key: string, value: unknown): string {
    const text = JSON.stringify(value) ?? '';
    for (let n = 1; ; n++) {
      const name = n === 1 ? key : `${key}_${n}`;
      const existing = this.defsText.get(name);
      if (existing === undefined || existing === text) return name;
    }
  }

  private duplicate(what: string, c: Candidate, first: Candidate): void {
    this.report('CT054', c.nameOrigin, { what }, [first.nameOrigin]);
  }

  /** Of several versions of one event, the highest; a CT053 note names them. */
  private pickVersion(what: string, list: Candidate[]): Candidate {
    const keys = list.map((c) => versionKey(c.version));
    if (list.length === 1 || keys.some((k) => k === undefined)) {
      for (const c of list.slice(1)) this.duplicate(what, c, list[0]!);
      return list[0]!;
    }
    let best = 0;
    keys.forEach((k, i) => {
      if (compareKeys(k!, keys[best]!) > 0) best = i;
    });
    const chosen = list[best]!;
    const distinct = [...new Map(list.map((c, i) => [String(c.version), keys[i]!])).entries()].sort((a, b) =>
      compareKeys(a[1], b[1]),
    );
    if (distinct.length > 1) {
      const others = list.filter((c) => c !== chosen).map((c) => c.nameOrigin);
      this.report(
        'CT053',
        chosen.nameOrigin,
        { name: chosen.name, versions: distinct.map((d) => d[0]).join(', '), version: String(chosen.version) },
        others,
      );
    }
    list.forEach((c, i) => {
      if (c !== chosen && compareKeys(keys[i]!, keys[best]!) === 0) this.duplicate(what, c, chosen);
    });
    return chosen;
  }

  /** One candidate per name, in the order names first appear. */
  private resolve(list: Candidate[], describe: (name: string) => string): Candidate[] {
    const byName = new Map<string, Map<string, Candidate[]>>();
    for (const c of list) {
      const families = byName.get(c.name) ?? new Map<string, Candidate[]>();
      byName.set(c.name, families);
      const fam = families.get(c.family ?? '') ?? [];
      families.set(c.family ?? '', fam);
      fam.push(c);
    }
    const out: Candidate[] = [];
    for (const [name, families] of byName) {
      const chosen = [...families.values()].map((fam) => this.pickVersion(describe(name), fam));
      for (const c of chosen.slice(1)) this.duplicate(describe(name), c, chosen[0]!);
      out.push(chosen[0]!);
    }
    return out;
  }

  build(): Imported {
    const plan = newObject(this.root);
    const name = this.meta.get('name') ?? { value: this.fallbackName, origin: this.root };
    put(plan, 'name', name.value, name.origin);
    for (const key of ['version', 'description'] as const) {
      const m = this.meta.get(key);
      if (m) put(plan, key, m.value, m.origin);
    }
    const identify = this.resolve(this.identify, () => 'the identify schema')[0];
    const chosen = this.resolve(this.events, (n) => `event "${n}"`);
    // built in source order, so that a definition name clash renames the later one
    const built = new Map<Candidate, unknown>();
    for (const c of [...chosen, ...(identify ? [identify] : [])].sort((x, y) => this.seq.get(x)! - this.seq.get(y)!)) {
      built.set(c, c.build());
    }
    if (identify) put(plan, 'identify', built.get(identify), identify.nameOrigin);
    const events = newObject(this.eventsOrigin);
    for (const c of chosen) put(events, c.name, built.get(c), c.nameOrigin);
    put(plan, 'events', events, this.eventsOrigin);
    if (this.defs) put(plan, '$defs', this.defs, originOr(this.defs, this.root));
    return { plan, diagnostics: this.diagnostics, sources: this.sources };
  }
}
