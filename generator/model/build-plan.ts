/** Builds the plan IR from a native plan value: events, identify traits, names resolved to identifiers. */
import { STANDARD_TRAITS } from '../clevertap/facts.js';
import { diagnose, type Diagnostic } from '../diagnostics/diagnostic.js';
import { RefResolver } from '../load/refs.js';
import { memberOrigin, originOf } from '../load/source.js';
import type { Origin, SourceFile } from '../core/source-file.js';
import type { MemoizedEvent } from '../core/memo.js';
import type { EventNode, IdentifyNode, Plan, Trait } from './ir.js';
import { propertiesTypeName, trackFunctionName } from './names.js';
import { isSchemaObject, viewOf, type Schema } from './schema-view.js';
import { additionalOf, ignoredKeywords, propertiesOf, readDocs, type TypeContext } from './types.js';
import { keywordProblems } from './keyword-types.js';

// `transform`: a transformation policy, read by transform/policy.ts
const TOP_LEVEL = new Set([
  '$schema',
  'name',
  'version',
  'description',
  'events',
  'identify',
  '$defs',
  'definitions',
  'transform',
]);

export interface BuiltPlan {
  plan: Plan | undefined;
  diagnostics: Diagnostic[];
}

const describeValue = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'object'
        ? 'an object'
        : `${typeof v} ${JSON.stringify(v)}`;

/**
 * `sources`: the files the plan was read from (one for a native plan; an Iglu folder has many). `memo` (--watch):
 * events built before from the very same schema value (the loader keeps unchanged parts of a newer text).
 */
export function buildPlan(
  value: unknown,
  sources: readonly SourceFile[],
  memo?: WeakMap<object, MemoizedEvent>,
): BuiltPlan {
  const diagnostics: Diagnostic[] = [];
  const rootOrigin: Origin = originOf(value) ?? { file: sources[0]!, pointer: '', offset: 0 };
  if (!isSchemaObject(value)) {
    diagnostics.push(diagnose('CT003', rootOrigin, { actual: describeValue(value) }));
    return { plan: undefined, diagnostics };
  }
  const refs = new RefResolver(sources.includes(rootOrigin.file) ? sources : [rootOrigin.file, ...sources], value);
  const ctx: TypeContext = { refs, diagnostics, active: [], checked: new Map() };
  const at = (key: string): Origin => memberOrigin(value, key) ?? rootOrigin;

  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL.has(key) && !key.startsWith('x-')) diagnostics.push(diagnose('CT005', at(key), { key }));
  }
  const name = value.name;
  if (name === undefined) diagnostics.push(diagnose('CT004', rootOrigin, { key: 'name', example: '"My App"' }));
  else if (typeof name !== 'string')
    diagnostics.push(diagnose('CT006', at('name'), { key: 'name', expected: 'a string', actual: describeValue(name) }));
  const version = value.version;
  if (version !== undefined && typeof version !== 'string' && typeof version !== 'number') {
    diagnostics.push(
      diagnose('CT006', at('version'), { key: 'version', expected: 'a string', actual: describeValue(version) }),
    );
  }
  const description = value.description;
  if (description !== undefined && typeof description !== 'string') {
    diagnostics.push(
      diagnose('CT006', at('description'), {
        key: 'description',
        expected: 'a string',
        actual: describeValue(description),
      }),
    );
  }

  const events: EventNode[] = [];
  const rawEvents = value.events;
  if (rawEvents === undefined)
    diagnostics.push(diagnose('CT004', rootOrigin, { key: 'events', example: '{ "App Opened": {} }' }));
  else if (!isSchemaObject(rawEvents))
    diagnostics.push(
      diagnose('CT006', at('events'), {
        key: 'events',
        expected: 'an object of event schemas',
        actual: describeValue(rawEvents),
      }),
    );
  else {
    for (const eventName of Object.keys(rawEvents)) {
      const raw = rawEvents[eventName];
      const origin = memberOrigin(rawEvents, eventName) ?? at('events');
      events.push(
        memo && isSchemaObject(raw)
          ? memoizedEvent(eventName, raw, origin, ctx, memo)
          : buildEvent(eventName, raw, origin, ctx),
      );
    }
  }
  events.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const key of ['$defs', 'definitions']) {
    if (value[key] !== undefined && !isSchemaObject(value[key])) {
      diagnostics.push(
        diagnose('CT006', at(key), { key, expected: 'an object of schemas', actual: describeValue(value[key]) }),
      );
    }
  }

  let identify: IdentifyNode | undefined;
  if (value.identify !== undefined) identify = buildIdentify(value.identify, at('identify'), ctx);

  diagnostics.push(...refs.diagnostics);
  const plan: Plan = {
    name: typeof name === 'string' ? name : '',
    events,
    identify,
    origin: rootOrigin,
    ...(version !== undefined &&
      (typeof version === 'string' || typeof version === 'number') && { version: String(version) }),
    ...(typeof description === 'string' && { description }),
  };
  return { plan, diagnostics };
}

/**
 * The event as built before from the very same schema value (--watch keeps the unchanged parts of a newer text), or
 * built now. Only an event built without a diagnostic, and without meeting a layer whose problem was reported
 * elsewhere, is kept: where a diagnostic points, and which event reports a shared layer, depend on the rest of the
 * plan. A kept event stands while each of its `$ref`s leads to the same node.
 */
function memoizedEvent(
  name: string,
  raw: Schema,
  origin: Origin,
  ctx: TypeContext,
  memo: WeakMap<object, MemoizedEvent>,
): EventNode {
  const known = memo.get(raw);
  if (known && known.event.name === name && refsStand(known.refs, ctx.refs)) return known.event;
  const before = ctx.diagnostics.length + ctx.refs.diagnostics.length;
  const trail: unknown[] = [];
  ctx.refs.trail = trail;
  ctx.metReported = false;
  const event = buildEvent(name, raw, origin, ctx);
  ctx.refs.trail = undefined;
  if (!ctx.metReported && ctx.diagnostics.length + ctx.refs.diagnostics.length === before)
    memo.set(raw, { event, refs: trail });
  else memo.delete(raw);
  return event;
}

function refsStand(trail: readonly unknown[], refs: RefResolver): boolean {
  for (let i = 0; i < trail.length; i += 3) {
    if (!refs.leadsTo(trail[i] as Schema, trail[i + 1] as string, trail[i + 2])) return false;
  }
  return true;
}

function objectSchema(raw: unknown, what: string, origin: Origin, ctx: TypeContext) {
  if (!isSchemaObject(raw)) {
    ctx.diagnostics.push(diagnose('CT007', origin, { what, actual: describeValue(raw) }));
    return undefined;
  }
  const view = viewOf(raw, origin, ctx.refs);
  if (!view) return undefined;
  keywordProblems(view, ctx);
  const type = view.get('type');
  if (type !== undefined && type !== 'object') {
    ctx.diagnostics.push(diagnose('CT007', view.keyOrigin('type'), { what, actual: `type ${JSON.stringify(type)}` }));
    return undefined;
  }
  return view;
}

/** An event; one whose schema is unreadable (reported) is kept without properties, so its name is still checked. */
function buildEvent(name: string, raw: unknown, origin: Origin, ctx: TypeContext): EventNode {
  const view = objectSchema(raw, `event "${name}"`, origin, ctx);
  return {
    name,
    functionName: trackFunctionName(name),
    typeName: propertiesTypeName(name),
    isCharged: name === 'Charged',
    properties: view ? propertiesOf(view, ctx) : [],
    additional: view ? additionalOf(view, ctx) : false,
    docs: view ? readDocs(view) : {},
    ignored: view ? ignoredKeywords(view) : [],
    origin,
  };
}

function buildIdentify(raw: unknown, origin: Origin, ctx: TypeContext): IdentifyNode | undefined {
  const view = objectSchema(raw as Schema, 'identify', origin, ctx);
  if (!view) return undefined;
  const traits: Trait[] = propertiesOf(view, ctx).map((p) => {
    const standard = Object.hasOwn(STANDARD_TRAITS, p.name) ? STANDARD_TRAITS[p.name] : undefined;
    return { ...p, field: standard ?? p.name, standard };
  });
  return { traits, additional: additionalOf(view, ctx), docs: readDocs(view), ignored: ignoredKeywords(view), origin };
}
