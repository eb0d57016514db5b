/** The web client's view model: every name resolved, every text escaped, in output order. */
import type { EventNode, IdentifyNode, Plan, Property } from '../../model/ir.js';
import { jsdoc, lineCommentText, propertyKey, stringLiteral } from '../escape.js';
import { chargedItemObject } from '../../check/sites.js';
import { extraRule, rulesOf, type ItemRule, type Rule } from '../render-checks.js';
import { docLines, interfaceBody } from '../render-types.js';

export interface EventView {
  functionName: string;
  typeName: string;
  nameLiteral: string;
  hasProperties: boolean;
  typeDecl: string;
  functionDoc: string;
  /** The Charged item interface, or ''. */
  itemDecl: string;
}

export interface IdentifyView {
  hasTraits: boolean;
  typeDecl: string;
  fieldPairs: string;
  emailKey: string;
  emailKeyText: string;
}

export interface WebView {
  header: string;
  events: EventView[];
  identify: IdentifyView;
  /** checks.ts: the development-mode rules as JSON string literals. */
  eventRules: string;
  traitRules: string;
}

const ITEM_TYPE = 'ChargedItem';

function interfaceDecl(name: string, doc: string[], body: string): string {
  return `${jsdoc(doc)}export interface ${name} {\n${body}}\n`;
}

export function webView(plan: Plan): WebView {
  const version = plan.version ? ` ${plan.version}` : '';
  return {
    header: lineCommentText(`CleverTap client for the tracking plan "${plan.name}"${version}.`),
    events: plan.events.map(eventView),
    identify: identifyView(plan.identify),
    eventRules: stringLiteral(JSON.stringify(plan.events.filter((e) => e.properties.length > 0 || e.additional !== false).map((e) => [e.name, [eventRules(e), extraRule(e.additional)]]))),
    traitRules: stringLiteral(JSON.stringify(traitRules(plan.identify))),
  };
}

/** The Charged event's Items property, when it is an array of objects (possibly nullable, or a union with null). */
function chargedItems(e: EventNode): Property | undefined {
  return e.isCharged ? e.properties.find((p) => chargedItemObject(p) !== undefined) : undefined;
}

const maxItemsOf = (p: Property): number | undefined => {
  const t = p.type.kind === 'union' ? p.type.members.find((m) => m.kind === 'array') : p.type;
  return t?.kind === 'array' ? t.maxItems : undefined;
};

function eventRules(e: EventNode): Rule[] {
  const items = chargedItems(e);
  if (!items || maxItemsOf(items) !== undefined) return rulesOf(e.properties);
  // Without a maxItems the client still checks CleverTap's own limit (the web SDK's error 522 past 50 items)
  return rulesOf(e.properties, (p) => (p === items ? { n: 50 } : {}));
}

function traitRules(identify: IdentifyNode | undefined): [Rule[], ItemRule | 0] {
  const traits = identify?.traits ?? [];
  // Required traits count for identify, not for updateProfile (checks.ts); Email is checked even where the plan
  // gives no format (a phone is the profile guard's: it is refused and reported there, once), and a multi-value
  // trait against CleverTap's limit of 100 values. Without an Email trait, identify({ email }) still takes one.
  const rules = rulesOf(traits, (p) => {
    if (p.type.kind === 'array' && p.type.maxItems === undefined) return { n: 100 };
    if (p.type.kind === 'string' && p.type.format !== undefined) return {};
    const standard = traits.find((t) => t.name === p.name)?.standard;
    return standard === 'Email' ? { f: 'email' } : {};
  });
  if (!traits.some((t) => t.standard === 'Email')) rules.push(['email', 's', { f: 'email' }]);
  return [rules, extraRule(identify?.additional ?? false)];
}

function eventView(e: EventNode): EventView {
  const items = chargedItems(e);
  const itemObject = items ? chargedItemObject(items) : undefined;
  const hasProperties = e.properties.length > 0 || e.additional !== false;
  const sends = `Sends ${JSON.stringify(e.name)} to CleverTap.`;
  return {
    functionName: e.functionName,
    typeName: e.typeName,
    nameLiteral: stringLiteral(e.name),
    hasProperties,
    typeDecl: interfaceDecl(e.typeName, [`Properties of ${JSON.stringify(e.name)}.`], interfaceBody(e.properties, e.additional, '  ', { item: ITEM_TYPE })),
    functionDoc: jsdoc(docLines(e.docs, [sends])),
    itemDecl: itemObject
      ? interfaceDecl(ITEM_TYPE, docLines(items!.docs, ['One item of a Charged event.']), interfaceBody(itemObject.properties, itemObject.additional))
      : '',
  };
}

function identifyView(identify: IdentifyNode | undefined): IdentifyView {
  const traits = identify?.traits ?? [];
  const emailTrait = traits.find((t) => t.standard === 'Email');
  const emailKey = emailTrait?.name ?? 'email';
  const pairs = traits.filter((t) => t.field !== t.name).map((t) => [t.name, t.field] as const);
  if (!emailTrait) pairs.push([emailKey, 'Email']);
  return {
    hasTraits: traits.length > 0 || (identify?.additional ?? false) !== false,
    typeDecl: interfaceDecl('IdentifyTraits', docLines(identify?.docs ?? {}, ['Profile traits, sent to CleverTap as profile fields.']), interfaceBody(traits, identify?.additional ?? false)),
    fieldPairs: `[${pairs.map(([a, b]) => `[${stringLiteral(a)}, ${stringLiteral(b)}]`).join(', ')}]`,
    emailKey,
    emailKeyText: propertyKey(emailKey),
  };
}
