/**
 * One schema as the model reads it: the schema itself, what its `$ref` chain points at, and its `allOf` parts,
 * as layers (the referring schema first, so its own keywords win over the target's).
 */
import { memberOrigin, originOf } from '../load/source.js';
import type { Origin } from '../core/source-file.js';
import type { RefResolver } from '../load/refs.js';

export type Schema = Record<string, unknown>;

export function isSchemaObject(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class SchemaView {
  /** The layer, when there is one only (most schemas): reads skip the search through layers. */
  private readonly single: Schema | undefined;

  constructor(
    readonly layers: readonly Schema[],
    /** Where the schema is used (the property's key, the event's name). */
    readonly origin: Origin,
  ) {
    this.single = layers.length === 1 ? layers[0] : undefined;
  }

  has(key: string): boolean {
    const single = this.single;
    return single !== undefined ? Object.hasOwn(single, key) : this.owner(key) !== undefined;
  }

  get(key: string): unknown {
    const single = this.single;
    if (single !== undefined) {
      // Most keywords asked for are absent: one failed lookup answers, without the own-property test
      const value = single[key];
      return value !== undefined && Object.hasOwn(single, key) ? value : undefined;
    }
    const owner = this.owner(key);
    return owner === undefined ? undefined : owner[key];
  }

  /** Where a keyword is written, for a diagnostic about it. */
  keyOrigin(key: string): Origin {
    const owner = this.owner(key);
    return (owner && memberOrigin(owner, key)) ?? this.origin;
  }

  keys(): string[] {
    if (this.layers.length === 1) return Object.keys(this.layers[0]!);
    const out = new Set<string>();
    for (const layer of this.layers) for (const k of Object.keys(layer)) out.add(k);
    return [...out];
  }

  /** `properties` of every layer, first definition of a key winning; each with the layer that defines it. */
  properties(): Array<{ key: string; schema: unknown; owner: Schema }> {
    const seen = new Set<string>();
    const out: Array<{ key: string; schema: unknown; owner: Schema }> = [];
    for (const layer of this.layers) {
      const props = layer.properties;
      if (!isSchemaObject(props)) continue;
      const keys = Object.keys(props);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ key, schema: props[key], owner: props });
      }
    }
    return out;
  }

  /** The union of every layer's `required` list (non-strings are skipped; the model reports them). */
  required(): Set<string> {
    const out = new Set<string>();
    for (const layer of this.layers) {
      if (Array.isArray(layer.required)) for (const k of layer.required) if (typeof k === 'string') out.add(k);
    }
    return out;
  }

  private owner(key: string): Schema | undefined {
    const layers = this.layers;
    for (let i = 0; i < layers.length; i++) if (Object.hasOwn(layers[i]!, key)) return layers[i];
    return undefined;
  }
}

/** `allOf` inside `allOf` deeper than this is refused rather than followed until the stack runs out. */
const MAX_ALLOF_DEPTH = 32;

/** Builds the view of `schema`, following `$ref` and `allOf`; undefined when a reference is broken. */
export function viewOf(schema: Schema, origin: Origin, refs: RefResolver): SchemaView | undefined {
  // Most schemas have neither: one layer, and nothing to follow
  if (!Object.hasOwn(schema, '$ref') && !Object.hasOwn(schema, 'allOf')) {
    return new SchemaView([schema], origin ?? originOf(schema));
  }
  const layers: Schema[] = [];
  const visited = new Set<Schema>();
  const expand = (s: Schema, depth = 0): boolean => {
    if (depth > MAX_ALLOF_DEPTH) {
      refs.refuse(s, `allOf nested more than ${MAX_ALLOF_DEPTH} levels deep`);
      return false;
    }
    const chain = refs.chain(s);
    if (!chain) return false;
    for (const link of chain) {
      if (visited.has(link)) continue; // an allOf that comes back to itself adds nothing new
      visited.add(link);
      layers.push(link);
      const allOf = link.allOf;
      if (Array.isArray(allOf)) {
        for (const part of allOf) if (isSchemaObject(part) && !expand(part, depth + 1)) return false;
      }
    }
    return true;
  };
  return expand(schema) ? new SchemaView(layers, origin ?? originOf(schema)) : undefined;
}
