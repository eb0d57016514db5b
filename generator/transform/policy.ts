/**
 * A transformation policy (docs/transformations.md): how a plan written for a tool that accepts nested objects and
 * arrays is adapted to CleverTap. Read from `--transform FILE.json`, from a native plan's top-level `"transform"`,
 * or handed over as an object (a config file); every unknown key and bad value is a located diagnostic.
 */
import { CATALOGUE, type Code } from '../diagnostics/catalogue.js';
import { severityRefusal, type SeverityLevel } from '../diagnostics/severity.js';
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readJson } from '../load/read-json.js';
import { memberOrigin, originOf } from '../load/source.js';
import type { Origin, SourceFile } from '../core/source-file.js';

export type ArrayRule = 'join' | 'json' | 'count' | 'drop';
export type ArrayObjectRule = 'index' | 'drop';

export interface TransformPolicy {
  /** Nested objects become flat keys joined by this separator. */
  flatten?: string;
  /** Arrays of scalars (outside Charged.Items). */
  arrays?: ArrayRule;
  /** Arrays of objects: each member flattened with its index (`items_0_sku`), or left out. */
  arrayObjects?: ArrayObjectRule;
  /** A property with no type is typed as any CleverTap scalar. */
  untyped?: 'scalar';
  /** Characters CleverTap deletes or rejects in event names and keys become `_`; outer whitespace is trimmed. */
  sanitize?: boolean;
  /** `functions`: a plan event's generated function (and its properties type) named by the policy, not its words. */
  rename: { events: Map<string, Renamed>; properties: Map<string, Renamed>; functions: Map<string, Renamed> };
  events: { include: Glob[] | undefined; exclude: Glob[] };
  /** Severity overrides by code. */
  severity: Map<Code, SeverityLevel>;
  /** Where the policy is written (its object), for diagnostics about it as a whole. */
  origin: Origin;
}

export interface Renamed {
  to: string;
  /** The key `from` in the policy file. */
  origin: Origin;
}

export interface Glob {
  pattern: string;
  regex: RegExp;
  origin: Origin;
}

const KEYS = ['flatten', 'arrays', 'arrayObjects', 'untyped', 'sanitize', 'rename', 'events', 'severity'];

export const EMPTY_POLICY = (origin: Origin): TransformPolicy => ({
  rename: { events: new Map(), properties: new Map(), functions: new Map() },
  events: { include: undefined, exclude: [] },
  severity: new Map(),
  origin,
});

/** Whether the policy changes anything at all (an empty `{}` does not). */
export function isActive(p: TransformPolicy): boolean {
  return (
    p.flatten !== undefined ||
    p.arrays !== undefined ||
    p.arrayObjects !== undefined ||
    p.untyped !== undefined ||
    p.sanitize === true ||
    p.rename.events.size > 0 ||
    p.rename.properties.size > 0 ||
    p.rename.functions.size > 0 ||
    p.events.include !== undefined ||
    p.events.exclude.length > 0 ||
    p.severity.size > 0
  );
}

const describeValue = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : JSON.stringify(v);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `*` matches any run of characters, `?` one; everything else literally, the whole name. */
export function globRegex(pattern: string): RegExp {
  let src = '';
  for (const c of pattern) src += c === '*' ? '[^]*' : c === '?' ? '[^]' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  return new RegExp(`^${src}$`, 'u');
}

/** Reads a policy value (an object with origins, or a plain object: then `fallback` locates its problems). */
export function readPolicy(
  value: unknown,
  fallback: Origin,
): { policy: TransformPolicy | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (obj: object, key: string): Origin => memberOrigin(obj, key) ?? originOf(obj) ?? fallback;
  const bad = (origin: Origin, key: string, expected: string, actual: unknown): void => {
    diagnostics.push(diagnose('CT602', origin, { key, expected, actual: describeValue(actual) }));
  };
  if (!isObject(value)) {
    bad(originOf(value) ?? fallback, 'transform', 'an object', value);
    return { policy: undefined, diagnostics };
  }
  const policy = EMPTY_POLICY(originOf(value) ?? fallback);
  for (const key of Object.keys(value)) {
    const v = value[key];
    const origin = at(value, key);
    switch (key) {
      case 'flatten':
        if (typeof v === 'string' && v !== '') policy.flatten = v;
        else bad(origin, key, 'a non-empty separator string, such as "_"', v);
        break;
      case 'arrays':
        if (v === 'join' || v === 'json' || v === 'count' || v === 'drop') policy.arrays = v;
        else bad(origin, key, '"join", "json", "count" or "drop"', v);
        break;
      case 'arrayObjects':
        if (v === 'index' || v === 'drop') policy.arrayObjects = v;
        else bad(origin, key, '"index" or "drop"', v);
        break;
      case 'untyped':
        if (v === 'scalar') policy.untyped = v;
        else bad(origin, key, '"scalar"', v);
        break;
      case 'sanitize':
        if (typeof v === 'boolean') policy.sanitize = v;
        else bad(origin, key, 'true or false', v);
        break;
      case 'rename':
        readRename(v, origin, policy, diagnostics, at, bad);
        break;
      case 'events':
        readEvents(v, origin, policy, diagnostics, at, bad);
        break;
      case 'severity':
        readSeverity(v, origin, policy, diagnostics, at, bad);
        break;
      default:
        diagnostics.push(diagnose('CT601', origin, { key, suggestion: suggestion(key, KEYS) }));
    }
  }
  return { policy, diagnostics };
}

type At = (obj: object, key: string) => Origin;
type Bad = (origin: Origin, key: string, expected: string, actual: unknown) => void;

function suggestion(key: string, known: readonly string[]): string {
  const k = key.toLowerCase();
  const near = known.find((c) => c.toLowerCase() === k || c.toLowerCase().startsWith(k.slice(0, 4)));
  return near ? `; did you mean "${near}"?` : '';
}

function readRename(v: unknown, origin: Origin, policy: TransformPolicy, ds: Diagnostic[], at: At, bad: Bad): void {
  if (!isObject(v)) {
    bad(origin, 'rename', 'an object with "events" and "properties"', v);
    return;
  }
  for (const part of Object.keys(v)) {
    const map = v[part];
    const partOrigin = at(v, part);
    if (part !== 'events' && part !== 'properties' && part !== 'functions') {
      ds.push(
        diagnose('CT601', partOrigin, {
          key: `rename.${part}`,
          suggestion: suggestion(part, ['events', 'properties', 'functions']),
        }),
      );
      continue;
    }
    if (!isObject(map)) {
      bad(partOrigin, `rename.${part}`, 'an object of "from": "to" names', map);
      continue;
    }
    for (const from of Object.keys(map)) {
      const to = map[from];
      if (typeof to !== 'string') bad(at(map, from), `rename.${part}.${from}`, 'a string', to);
      else if (part === 'functions' && !FUNCTION_NAME.test(to))
        bad(
          at(map, from),
          `rename.functions.${from}`,
          'a function name: track, then a capital and letters or digits',
          to,
        );
      else policy.rename[part].set(from, { to, origin: at(map, from) });
    }
  }
}

/**
 * A function name the policy may give: `track` and a PascalCase rest, as the generator's own names are. So it
 * cannot clash with the client's other exports, and its properties type (`<rest>Properties`) is unique with it.
 */
const FUNCTION_NAME = /^track[A-Z][A-Za-z0-9]*$/;

function readEvents(v: unknown, origin: Origin, policy: TransformPolicy, ds: Diagnostic[], at: At, bad: Bad): void {
  if (!isObject(v)) {
    bad(origin, 'events', 'an object with "include" and "exclude" lists', v);
    return;
  }
  for (const part of Object.keys(v)) {
    const list = v[part];
    const partOrigin = at(v, part);
    if (part !== 'include' && part !== 'exclude') {
      ds.push(
        diagnose('CT601', partOrigin, { key: `events.${part}`, suggestion: suggestion(part, ['include', 'exclude']) }),
      );
      continue;
    }
    if (!Array.isArray(list)) {
      bad(partOrigin, `events.${part}`, 'a list of event names or globs', list);
      continue;
    }
    const globs: Glob[] = [];
    list.forEach((g, i) => {
      const o = memberOrigin(list, i) ?? partOrigin;
      if (typeof g !== 'string') bad(o, `events.${part}[${i}]`, 'a string', g);
      else globs.push({ pattern: g, regex: globRegex(g), origin: o });
    });
    if (part === 'include') policy.events.include = globs;
    else policy.events.exclude = globs;
  }
}

function readSeverity(v: unknown, origin: Origin, policy: TransformPolicy, ds: Diagnostic[], at: At, bad: Bad): void {
  if (!isObject(v)) {
    bad(origin, 'severity', 'an object of "CTxxx": "error" | "warning" | "off" pairs', v);
    return;
  }
  for (const code of Object.keys(v)) {
    const level = v[code];
    const o = at(v, code);
    if (!Object.hasOwn(CATALOGUE, code)) {
      ds.push(diagnose('CT603', o, { code }));
      continue;
    }
    if (level !== 'warning' && level !== 'error' && level !== 'off') {
      bad(o, `severity.${code}`, '"error", "warning" or "off"', level);
      continue;
    }
    const known = code as Code;
    const refusal = severityRefusal(known, level);
    if (refusal) {
      ds.push(diagnose('CT604', o, { code, level, consequence: refusal }));
      continue;
    }
    policy.severity.set(known, level);
  }
}

/** Reads `--transform FILE.json`. An unreadable file is an IoError (exit 2), as for the plan. */
export function readPolicyFile(path: string): {
  policy: TransformPolicy | undefined;
  diagnostics: Diagnostic[];
  file: SourceFile;
} {
  const read = readJson(path);
  if (read.value === undefined) return { policy: undefined, diagnostics: read.diagnostics, file: read.file };
  const fallback: Origin = { file: read.file, pointer: '', offset: 0 };
  const { policy, diagnostics } = readPolicy(read.value, fallback);
  return { policy, diagnostics: [...read.diagnostics, ...diagnostics], file: read.file };
}
