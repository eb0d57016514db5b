/**
 * Snowplow Iglu self-describing schemas: `{self: {vendor, name, format, version}, properties, required, ...}`.
 * Each schema is one event named from `self.name` (made readable only when asked); its `definitions`/`$defs`
 * join the plan's `$defs`. A folder is read recursively: `*.json` files and Iglu's extension-less
 * `<vendor>/<name>/jsonschema/1-0-0` files. Versions of one vendor's schema keep the highest.
 */
import { readdirSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { hookedList, readJson } from '../read-json.js';
import type { SourceFile } from '../../core/source-file.js';
import { buildEventSchema } from './event-schema.js';
import { typeName } from './event-list.js';
import { fileOrigin, isObject, memberOr, originOr, type Json } from './origins.js';
import type { PlanBuilder } from './plan-builder.js';

/** `add_to_cart` -> `Add To Cart`, `productFieldObject` -> `Product Field Object`; capitals are kept. */
export function readableName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((w) => w !== '');
  const readable = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  return readable === '' ? name : readable;
}

export function isIgluSchema(value: unknown): value is Json & { self: Json } {
  return (
    isObject(value) &&
    isObject(value.self) &&
    typeof value.self.name === 'string' &&
    typeof value.self.vendor === 'string'
  );
}

/** Adds the event one self-describing schema describes. */
export function addIgluSchema(b: PlanBuilder, value: unknown, readable: boolean, file: SourceFile): void {
  const origin = originOr(value, fileOrigin(file));
  if (!isIgluSchema(value)) {
    const detail = isObject(value)
      ? 'a self-describing schema needs "self": {"vendor", "name", "format", "version"} (strings)'
      : `a self-describing schema must be a JSON object, not ${typeName(value)}`;
    b.malformed(detail, isObject(value) ? memberOr(value, 'self', origin) : origin);
    return;
  }
  const self = value.self;
  const source = self.name as string;
  const name = readable ? readableName(source) : source;
  b.addEvent({
    name,
    nameOrigin: memberOr(self, 'name', origin),
    version: self.version,
    family: self.vendor as string,
    build: () =>
      buildEventSchema(b, {
        doc: value,
        unwrapped: { schema: value, path: [] },
        describedBy: [],
        origin,
        target: ['events', name],
      }),
  });
}

/** One schema file as a plan, named after the schema's vendor. */
export function importIgluFile(b: PlanBuilder, value: unknown, file: SourceFile, readable: boolean): void {
  const self = isObject(value) && isObject(value.self) ? value.self : undefined;
  if (self && typeof self.vendor === 'string' && self.vendor !== '')
    b.setMeta('name', self.vendor, memberOr(self, 'vendor', b.root));
  addIgluSchema(b, value, readable, file);
}

/** Iglu's own file names for schema versions: SchemaVer `MODEL-REVISION-ADDITION`. */
const SCHEMAVER = /^\d+-\d+-\d+$/;

/** Hidden entries and node_modules are skipped, at every depth. */
const skipped = (name: string): boolean => name.startsWith('.') || name === 'node_modules';
const isSchemaFile = (name: string): boolean => name.endsWith('.json') || SCHEMAVER.test(name);

/**
 * The schema files under `dir`, sorted so that the plan does not depend on the file system's order. A folder the
 * loader's read hook serves (`diff --base`: the folder at a git commit) is listed by the hook, with the same rules.
 */
export function listIgluFiles(dir: string): string[] {
  const listed = hookedList(dir);
  if (listed !== undefined) {
    return listed
      .filter((path) => {
        const parts = relative(dir, path).split(sep);
        return !parts.some(skipped) && isSchemaFile(parts[parts.length - 1]!);
      })
      .sort();
  }
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (skipped(entry.name)) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isSchemaFile(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** Reads schema files into the builder; JSON errors come back as the reader's diagnostics. */
export function addIgluFiles(b: PlanBuilder, paths: readonly string[], readable: boolean): void {
  for (const path of paths) {
    const read = readJson(path);
    b.diagnostics.push(...read.diagnostics);
    b.sources.push(read.file);
    if (read.value !== undefined) addIgluSchema(b, read.value, readable, read.file);
  }
}

/** A name for a plan made of a folder: the folder's own name. */
export function folderName(dir: string): string {
  return basename(resolve(dir)) || 'Iglu schemas';
}
