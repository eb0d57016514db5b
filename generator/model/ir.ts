/**
 * The plan IR: what the checker and the emitters read. Built from the native plan by model/build-plan.ts;
 * nothing downstream looks at raw JSON. Every node carries the Origin it came from (file, JSON pointer, offset).
 */
import type { Origin } from '../core/source-file.js';
import type { StandardField } from '../clevertap/facts.js';

/** A value type, as JSON Schema described it. Non-scalar kinds exist so that the checker can reject them. */
export type TypeNode =
  | StringType
  | NumberType
  | BooleanType
  | DateType
  | NullType
  | UnionType
  | ScalarType
  | ArrayType
  | ObjectType
  | UntypedType;

interface TypeBase {
  origin: Origin;
}

export interface StringType extends TypeBase {
  kind: 'string';
  enum?: string[];
  format?: string;
  /** Every pattern the value must match (more than one when $ref or allOf layers each have one). */
  patterns?: string[];
  /** In Unicode code points, as JSON Schema counts. */
  minLength?: number;
  maxLength?: number;
}

export interface NumberType extends TypeBase {
  kind: 'number';
  integer: boolean;
  enum?: number[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
}

export interface BooleanType extends TypeBase {
  kind: 'boolean';
  enum?: boolean[];
}

/** `type: string` with `format: date` or `date-time`: a `Date` in the client, a CleverTap date on the wire. */
export interface DateType extends TypeBase {
  kind: 'date';
  format: 'date' | 'date-time';
}

export interface NullType extends TypeBase {
  kind: 'null';
}

/** `oneOf`/`anyOf` or a `type` array. */
export interface UnionType extends TypeBase {
  kind: 'union';
  members: TypeNode[];
  /** `oneOf`: a value must match exactly one member. */
  exclusive?: boolean;
}

/** Any CleverTap scalar: what `additionalProperties: true` allows. */
export interface ScalarType extends TypeBase {
  kind: 'scalar';
}

export interface ArrayType extends TypeBase {
  kind: 'array';
  items: TypeNode | undefined;
  maxItems?: number;
}

export interface ObjectType extends TypeBase {
  kind: 'object';
  properties: Property[];
  /** `false`: only the listed keys; otherwise the type of extra values. */
  additional: TypeNode | false;
}

/** A schema with no type at all (`{}`), or one the model could not read. */
export interface UntypedType extends TypeBase {
  kind: 'untyped';
  /** A diagnostic already says why (an invalid or empty `type`, types that conflict): the checker adds no CT302. */
  reported?: true;
}

export interface Docs {
  description?: string;
  deprecated?: boolean | string;
  examples?: unknown[];
  default?: unknown;
  title?: string;
}

/** A keyword that restricts values but that the generator cannot express or check. */
export interface IgnoredKeyword {
  keyword: string;
  origin: Origin;
}

export interface Property {
  /** The key exactly as sent to CleverTap. */
  name: string;
  required: boolean;
  type: TypeNode;
  docs: Docs;
  ignored: IgnoredKeyword[];
  /** The key's position in the plan. */
  origin: Origin;
}

export interface EventNode {
  /** The event name exactly as sent to CleverTap. */
  name: string;
  /** `track` + PascalCase of the name's words; `''` when the name has no letters or digits. */
  functionName: string;
  /** The name of the generated properties type, e.g. `ProductViewedProperties`. */
  typeName: string;
  isCharged: boolean;
  properties: Property[];
  additional: TypeNode | false;
  docs: Docs;
  ignored: IgnoredKeyword[];
  origin: Origin;
  /** Set by transform/ when a policy changed what CleverTap receives: `name` and `properties` are then CleverTap's. */
  transform?: EventTransform;
}

/** How one CleverTap key's value is taken from a track call's properties: as it is, or made from an array. */
export interface FieldMapping {
  /** Keys (and array indexes) from the call's properties object to the value. */
  path: Array<string | number>;
  /** The key CleverTap receives. */
  key: string;
  how: 'value' | 'join' | 'json' | 'count';
}

/** One change a policy made to an event, in words (for --explain and the track function's JSDoc). */
export interface TransformChange {
  action: 'renamed' | 'sanitized' | 'flattened' | 'joined' | 'json' | 'counted' | 'dropped' | 'scalar';
  /** The plan's name or property path (`product.id`, `items[0].sku`). */
  from: string;
  /** What CleverTap receives instead; absent for `dropped`. */
  to?: string;
  /** Why, for `dropped`. */
  why?: string;
}

/** What a transformation policy did to one event. */
export interface EventTransform {
  /** The event as the plan writes it: what its track function takes. */
  planned: EventNode;
  /** How each CleverTap key is computed; undefined when the call's properties go to CleverTap as they are. */
  fields: FieldMapping[] | undefined;
  changes: TransformChange[];
}

/** CleverTap's standard profile fields (the table is in clevertap/facts.ts). */
export type { StandardField };

export interface Trait extends Property {
  /** The profile field sent to CleverTap: a standard field, or the trait's own key for a custom property. */
  field: string;
  standard: StandardField | undefined;
}

export interface IdentifyNode {
  traits: Trait[];
  additional: TypeNode | false;
  docs: Docs;
  ignored: IgnoredKeyword[];
  origin: Origin;
}

export interface Plan {
  name: string;
  version?: string;
  description?: string;
  /** Sorted by name (code-unit order), so that moving events around in the plan does not change the output. */
  events: EventNode[];
  identify: IdentifyNode | undefined;
  origin: Origin;
}
