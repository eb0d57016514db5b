/**
 * The view model every target starts from: every name resolved, every plan text escaped, in output order, and
 * CleverTap's facts as ready-made literals. A target's view spreads this and adds what only it needs.
 */
import { runtimeFacts, type StandardField } from '../../clevertap/facts.js';
import type { EventNode, IdentifyNode, Plan, Property } from '../../model/ir.js';
import { GENERATED_MARKER } from '../target.js';
import { jsdoc, jsonLiteral, lineCommentText, propertyKey, stringLiteral } from '../escape.js';
import { chargedItemObject, isMultiValue } from '../../check/sites.js';
import { extraRule, rulesOf, type ItemRule, type CheckRule } from '../render-checks.js';
import { docLines, exactParameter, exactTypes, interfaceBody } from '../render-types.js';
import { transformedEventView } from '../../transform/emit.js';

export interface EventView {
  /** The event's name as sent. */
  name: string;
  functionName: string;
  typeName: string;
  nameLiteral: string;
  hasProperties: boolean;
  isCharged: boolean;
  typeDecl: string;
  functionDoc: string;
  /** The Charged item interface, or ''. */
  itemDecl: string;
  /** Charged: the key of its Items property (a string literal), or ''. */
  itemsKeyLiteral: string;
  /** The type of the call's argument, in terms of its type parameter `T` (render-types.ts, `exactParameter`). */
  parameterType: string;
  /** What the function hands to track(): `properties`, or their transformed copy (transform/emit.ts). */
  argument: string;
  /** A transformed event's field table, or ''. */
  fieldsDecl: string;
}

export interface IdentifyView {
  hasTraits: boolean;
  typeDecl: string;
  fieldPairs: string;
  emailKey: string;
  emailKeyText: string;
  /** The e-mail trait's key as a string literal. */
  emailKeyLiteral: string;
  /** Multi-value traits (arrays of strings), as a string-literal array: targets whose SDK sets lists apart need it. */
  multiValueKeys: string;
  /** The traits' parameter types, in terms of a type parameter `T`: with a user id, with the e-mail as identity. */
  traitsParameter: string;
  emailTraitsParameter: string;
}

/** CleverTap's facts as code: literals and regular expressions a template drops in as they are. */
export interface FactsView {
  valueBytes: number;
  /** Strings of at most this many UTF-16 units cannot pass valueBytes (a unit is at most 3 bytes of UTF-8). */
  valueBytesUnits: number;
  nameLength: number;
  reservedPrefix: string;
  reservedMessage: string;
  prohibitedRegex: string;
  prohibitedMessage: string;
  deletedValueRegex: string;
  deletedValueMessage: string;
  emailRegex: string;
  phoneRegex: string;
  regionType: string;
  regionList: string;
  defaultRegion: string;
  /** `[field, kind, message, values?, pattern?]` per standard field CleverTap checks. */
  fieldRules: string;
  chargedEvent: string;
  chargedItemsKey: string;
  apiRecordsPerRequest: number;
  apiConcurrentRequests: number;
  apiHosts: string;
  apiUploadPath: string;
}

export interface SharedView {
  header: string;
  /** GENERATED_MARKER, for the banner of every file. */
  marker: string;
  events: EventView[];
  identify: IdentifyView;
  /** `Exact` and `ExactItems`, the helper types of the calls' parameters. */
  exactTypes: string;
  /** checks.ts: the development-mode rules as JSON string literals. */
  eventRules: string;
  traitRules: string;
  facts: FactsView;
  /** Whether some event is transformed: then the client carries the helper that transforms its calls. */
  hasTransforms: boolean;
}

const ITEM_TYPE = 'ChargedItem';

function interfaceDecl(name: string, doc: string[], body: string): string {
  return `${jsdoc(doc)}export interface ${name} {\n${body}}\n`;
}

/** The shared view of a checked plan. */
export function sharedView(plan: Plan): SharedView {
  const version = plan.version ? ` ${plan.version}` : '';
  return {
    header: lineCommentText(`CleverTap client for the tracking plan "${plan.name}"${version}.`),
    marker: GENERATED_MARKER,
    events: plan.events.map(memoizedEventView),
    identify: identifyView(plan.identify),
    exactTypes: exactTypes(plan.events.some((e) => chargedItems(e) !== undefined)),
    // stringLiteral(JSON.stringify([[name, rules], ...])), put together from each event's part (escaping is
    // character by character, and no part starts or ends inside a surrogate pair)
    eventRules: `"[${plan.events
      .filter((e) => e.properties.length > 0 || e.additional !== false)
      .map(eventRulesPart)
      .join(',')}]"`,
    traitRules: stringLiteral(JSON.stringify(traitRules(plan.identify))),
    facts: factsView(),
    hasTransforms: plan.events.some((e) => e.transform?.fields !== undefined),
  };
}

const quoted = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const regexLiteral = (source: string, flags = ''): string => `/${source.replace(/\//g, '\\/')}/${flags}`;

let facts: FactsView | undefined;
function factsView(): FactsView {
  if (facts) return facts;
  const f = runtimeFacts();
  const refusal = (r: (typeof f.fieldRules)[number]): string => {
    if (r.field === 'Phone') return 'must be + and the country code, then the number (E.164)';
    if (r.values) return `must be ${r.values.length === 2 ? r.values.join(' or ') : `one of ${r.values.join(', ')}`}`;
    return r.kind === 'date'
      ? 'must be a valid Date'
      : r.kind === 'number'
        ? 'must be a finite number'
        : `must be a ${r.kind}`;
  };
  facts = {
    valueBytes: f.valueBytes,
    valueBytesUnits: Math.floor(f.valueBytes / 3),
    nameLength: f.nameLength,
    reservedPrefix: quoted(f.reservedPrefix),
    reservedMessage: quoted(`starts with ${f.reservedPrefix}, which CleverTap reserves`),
    prohibitedRegex: regexLiteral(f.prohibitedClass),
    prohibitedMessage: quoted(`contains a character CleverTap deletes or rejects (${f.prohibitedList})`),
    deletedValueRegex: regexLiteral(f.deletedValueClass),
    deletedValueMessage: quoted(
      `contains ${f.deletedValueList.split(' ').join(' or ')}, which CleverTap deletes from values`,
    ),
    emailRegex: regexLiteral(f.emailPattern),
    phoneRegex: regexLiteral(f.phonePattern),
    regionType: f.regions.map(quoted).join(' | '),
    regionList: `[${f.regions.map(quoted).join(', ')}]`,
    defaultRegion: quoted(f.defaultRegion),
    fieldRules: jsonLiteral(
      f.fieldRules.map((r) => [
        r.field,
        r.kind,
        refusal(r),
        ...(r.values || r.pattern ? [r.values ?? 0] : []),
        ...(r.pattern ? [r.pattern] : []),
      ]),
    ),
    chargedEvent: quoted(f.chargedEvent),
    chargedItemsKey: quoted(f.chargedItems),
    apiRecordsPerRequest: f.apiRecordsPerRequest,
    apiConcurrentRequests: f.apiConcurrentRequests,
    apiHosts: jsonLiteral(f.apiHosts),
    apiUploadPath: quoted(f.apiUploadPath),
  };
  return facts;
}

/** The Charged event's Items property, when it is an array of objects (possibly nullable, or a union with null). */
export function chargedItems(e: EventNode): Property | undefined {
  return e.isCharged ? e.properties.find((p) => chargedItemObject(p) !== undefined) : undefined;
}

const maxItemsOf = (p: Property): number | undefined => {
  const t = p.type.kind === 'union' ? p.type.members.find((m) => m.kind === 'array') : p.type;
  return t?.kind === 'array' ? t.maxItems : undefined;
};

function eventRules(e: EventNode): CheckRule[] {
  const items = chargedItems(e);
  if (!items || maxItemsOf(items) !== undefined) return rulesOf(e.properties);
  // Without a maxItems the client still checks CleverTap's own limit (the web SDK's error 522)
  return rulesOf(e.properties, (p) => (p === items ? { n: runtimeFacts().itemsWarning } : {}));
}

/** Standard fields checked for a format even where the plan gives none (a phone is the profile guard's: it is
 * refused and reported there, once). */
const FIELD_FORMATS: Partial<Record<StandardField, string>> = { Email: 'email' };

function traitRules(identify: IdentifyNode | undefined): [CheckRule[], ItemRule | 0] {
  const traits = identify?.traits ?? [];
  // Required traits count for identify, not for updateProfile (checks.ts); a multi-value trait is checked against
  // CleverTap's limit of values. Without an Email trait, identify({ email }) still takes one.
  const rules = rulesOf(traits, (p) => {
    if (p.type.kind === 'array' && p.type.maxItems === undefined) return { n: runtimeFacts().multiValueItems };
    if (p.type.kind === 'string' && p.type.format !== undefined) return {};
    const standard = traits.find((t) => t.name === p.name)?.standard;
    const format = standard && FIELD_FORMATS[standard];
    return format ? { f: format } : {};
  });
  if (!traits.some((t) => t.standard === 'Email')) rules.push(['email', 's', { f: 'email' }]);
  return [rules, extraRule(identify?.additional ?? false)];
}

/**
 * What is made of one event, kept for as long as its IR lives: the IR is never changed once built, and --watch keeps
 * the IR of unchanged events (core/memo.ts), so a one-event edit renders one event again.
 */
const perEvent = new WeakMap<EventNode, { view?: EventView; rules?: string }>();

function memoOf(e: EventNode): { view?: EventView; rules?: string } {
  let m = perEvent.get(e);
  if (!m) {
    m = {};
    perEvent.set(e, m);
  }
  return m;
}

function memoizedEventView(e: EventNode): EventView {
  const m = memoOf(e);
  m.view ??= eventView(e);
  return m.view;
}

/** The event's entry of checks.ts's rules, as it is inside the string literal of all of them. */
function eventRulesPart(e: EventNode): string {
  const m = memoOf(e);
  m.rules ??= stringLiteral(JSON.stringify([e.name, [eventRules(e), extraRule(e.additional)]])).slice(1, -1);
  return m.rules;
}

function eventView(e: EventNode): EventView {
  const items = chargedItems(e);
  const itemObject = items ? chargedItemObject(items) : undefined;
  const transformed = transformedEventView(e);
  const planned = e.transform?.planned ?? e;
  const hasProperties = planned.properties.length > 0 || planned.additional !== false;
  const sends = `Sends ${JSON.stringify(e.name)} to CleverTap.`;
  return {
    name: e.name,
    functionName: e.functionName,
    typeName: e.typeName,
    nameLiteral: stringLiteral(e.name),
    hasProperties,
    isCharged: e.isCharged,
    typeDecl: interfaceDecl(
      e.typeName,
      [`Properties of ${JSON.stringify(planned.name)}.`],
      transformed?.typeBody || interfaceBody(e.properties, e.additional, '  ', { item: ITEM_TYPE }),
    ),
    functionDoc: jsdoc(docLines(e.docs, transformed ? transformed.docLines : [sends])),
    itemDecl: itemObject
      ? interfaceDecl(
          ITEM_TYPE,
          docLines(items!.docs, ['One item of a Charged event.']),
          interfaceBody(itemObject.properties, itemObject.additional),
        )
      : '',
    itemsKeyLiteral: items ? stringLiteral(items.name) : '',
    // The call takes the planned properties (a transformed event's own, before the transform)
    parameterType: exactParameter(e.typeName, planned.properties, planned.additional, {
      names: { item: ITEM_TYPE },
      ...(!transformed &&
        items &&
        itemObject && {
          items: {
            key: items.name,
            typeName: ITEM_TYPE,
            props: itemObject.properties,
            additional: itemObject.additional,
          },
        }),
    }),
    argument: transformed?.argument ?? 'properties',
    fieldsDecl: transformed?.fieldsDecl ?? '',
  };
}

function identifyView(identify: IdentifyNode | undefined): IdentifyView {
  const traits = identify?.traits ?? [];
  const emailTrait = traits.find((t) => t.standard === 'Email');
  const emailKey = emailTrait?.name ?? 'email';
  const pairs = traits.filter((t) => t.field !== t.name).map((t) => [t.name, t.field] as const);
  if (!emailTrait) pairs.push([emailKey, 'Email']);
  const multi = traits
    .filter((t) => t.standard === undefined && isMultiValue(t.type))
    .map((t) => stringLiteral(t.field));
  return {
    hasTraits: traits.length > 0 || (identify?.additional ?? false) !== false,
    typeDecl: interfaceDecl(
      'IdentifyTraits',
      docLines(identify?.docs ?? {}, ['Profile traits, sent to CleverTap as profile fields.']),
      interfaceBody(traits, identify?.additional ?? false),
    ),
    fieldPairs: `[${pairs.map(([a, b]) => `[${stringLiteral(a)}, ${stringLiteral(b)}]`).join(', ')}]`,
    emailKey,
    emailKeyText: propertyKey(emailKey),
    emailKeyLiteral: stringLiteral(emailKey),
    multiValueKeys: `[${multi.join(', ')}]`,
    traitsParameter: exactParameter('IdentifyTraits', traits, identify?.additional ?? false),
    emailTraitsParameter: exactParameter('IdentifyTraits', traits, identify?.additional ?? false, {
      extraKeys: emailTrait ? [] : [emailKey],
    }),
  };
}
