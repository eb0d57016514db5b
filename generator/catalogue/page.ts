/**
 * The catalogue page: one self-contained HTML file (inline CSS and a little script, nothing from the network) of
 * every event, its properties, what CleverTap receives, the identify traits, and, when status data is given,
 * where the app sends each event. Every plan text goes through escapeHtml; ids come from anchors.ts.
 */
import { createHash } from 'node:crypto';
import { constraintLines, typeText } from '../emit/render-types.js';
import type { Docs, EventNode, IdentifyNode, Plan, Property, TypeNode } from '../model/ir.js';
import { GENERATED_MARKER } from '../emit/target.js';
import { anchors } from './anchors.js';
import { CSS, SCRIPT } from './assets.js';
import { escapeHtml as h, jsonText } from './html.js';
import { receivedProperty, receivedTrait, stringValueNote, type Received } from './received.js';

/** Where a function is called, as the catalogue shows it (the path relative to the app's folder). */
export interface SiteRef {
  file: string;
  line: number;
  /** A wrapper or the function it is passed to. */
  via?: string;
  unsafe?: string;
}

/** Status data for the page: the sites of each event (by event name) and of identify/updateProfile. */
export interface CatalogueStatus {
  /** The app, as the reader knows it (e.g. the tsconfig.json's path). */
  project: string;
  events: Record<string, SiteRef[]>;
  profile: Record<string, SiteRef[]>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64');

/** The whole page. Deterministic: the same plan and status give the same bytes. */
export function cataloguePage(plan: Plan, status?: CatalogueStatus): string {
  const ids = anchors(plan.events.map((e) => e.name));
  const title = `${plan.name}${plan.version ? ` ${plan.version}` : ''}`;
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${sha256(CSS)}'`,
    `script-src 'sha256-${sha256(SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const nav = plan.events
    .map((e, i) => `<li data-for="${ids[i]}"><a href="#${ids[i]}">${h(e.name)}</a></li>`)
    .concat(plan.identify ? ['<li><a href="#identify">identify (profile)</a></li>'] : [])
    .join('\n');
  const sections = plan.events.map((e, i) => eventSection(e, ids[i]!, status)).join('\n');
  return `<!doctype html>
<!-- ${GENERATED_MARKER}: a catalogue of the tracking plan. Regenerate with \`codegen docs\`; changes made here are lost. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${h(title)}: tracking plan</title>
<style>${CSS}</style>
</head>
<body>
<header class="top">
<h1>${h(title)}</h1>
${plan.description ? `<p class="desc">${h(plan.description)}</p>\n` : ''}<p>${plan.events.length} events${plan.identify ? `, ${plan.identify.traits.length} profile traits` : ''}${status ? `; where the app sends them: <span class="mono">${h(status.project)}</span>` : ''}.</p>
</header>
<div class="search" role="search">
<input id="filter" type="search" placeholder="Filter events: name, property, description (press /)" aria-label="Filter events" autocomplete="off">
<span id="count" class="count" aria-live="polite">${plan.events.length} of ${plan.events.length} events</span>
</div>
<div class="layout">
<nav class="toc" aria-label="Events">
<ul>
${nav}
</ul>
</nav>
<main>
${sections}
<p id="no-match" class="empty" hidden>No event matches the filter.</p>
<p class="muted note">${h(stringValueNote())}</p>
${plan.identify ? identifySection(plan.identify, status) : ''}
</main>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function docBlock(docs: Docs): string {
  const parts: string[] = [];
  if (docs.title && docs.title !== docs.description)
    parts.push(`<p class="desc"><strong>${h(docs.title)}</strong></p>`);
  if (docs.description) parts.push(`<p class="desc">${h(docs.description)}</p>`);
  if (typeof docs.deprecated === 'string')
    parts.push(`<p class="desc"><strong>Deprecated:</strong> ${h(docs.deprecated)}</p>`);
  return parts.join('\n');
}

const deprecatedBadge = (docs: Docs) => (docs.deprecated ? '<span class="badge deprecated">deprecated</span>' : '');

/** The lower-cased text the filter matches: the name, the function, property keys and descriptions. */
function searchText(e: EventNode): string {
  const parts = [e.name, e.functionName, e.docs.title, e.docs.description];
  for (const p of e.properties) parts.push(p.name, p.docs.description, p.docs.title);
  return parts
    .filter((x) => x)
    .join(' ')
    .toLowerCase();
}

function eventSection(e: EventNode, id: string, status: CatalogueStatus | undefined): string {
  const sites = status?.events[e.name];
  const sentBadge = !status
    ? ''
    : sites && sites.length > 0
      ? '<span class="badge sent">sent</span>'
      : '<span class="badge never">never sent</span>';
  const out = [
    `<section class="event" id="${id}" data-search="${h(searchText(e))}">`,
    `<h2>${h(e.name)}${deprecatedBadge(e.docs)}${e.isCharged ? '<span class="badge charged">revenue</span>' : ''}${sentBadge}<a class="self" href="#${id}" aria-label="Link to this event">#</a></h2>`,
    e.functionName
      ? `<p class="fn"><code>${h(e.functionName)}(${e.properties.length > 0 ? `properties: ${h(e.typeName)}` : ''})</code></p>`
      : '',
    docBlock(e.docs),
  ];
  if (e.properties.length > 0) {
    out.push('<h3>Properties</h3>', propertyTable(rows(e.properties), receivedProperty));
  } else {
    out.push('<p class="muted">No properties.</p>');
  }
  if (e.additional !== false)
    out.push(`<p class="muted">Keys beyond these are allowed (values: ${h(typeText(e.additional))}).</p>`);
  if (status) out.push(sitesBlock(sites ?? []));
  out.push('</section>');
  return out.filter((x) => x !== '').join('\n');
}

interface Row {
  /** As shown: `Items[].sku` for a property of a Charged item. */
  label: string;
  property: Property;
}

/** The properties, each followed by the properties of its list items when they are objects (Charged `Items`). */
function rows(props: Property[], prefix = ''): Row[] {
  const out: Row[] = [];
  for (const p of props) {
    out.push({ label: prefix + p.name, property: p });
    const t = p.type;
    if (t.kind === 'array' && t.items?.kind === 'object')
      out.push(...rows(t.items.properties, `${prefix}${p.name}[].`));
  }
  return out;
}

function typeCell(t: TypeNode): string {
  if (t.kind === 'array' && t.items?.kind === 'object') return 'list of items';
  if (t.kind === 'object' || t.kind === 'untyped') return t.kind;
  return h(typeText(t));
}

function constraintsCell(p: Property): string {
  const lines = constraintLines(p.type).map(h);
  const t = p.type;
  if (t.kind === 'number' && t.multipleOf !== undefined) lines.push(`A multiple of ${t.multipleOf}.`);
  if (t.kind === 'array' && t.maxItems !== undefined) lines.push(`At most ${t.maxItems} items.`);
  const ignored = p.ignored.map((k) => k.keyword);
  if (ignored.length > 0) lines.push(`Not checked by the client: ${h(ignored.join(', '))}.`);
  return lines.length === 0 ? '' : `<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`;
}

function examplesCell(docs: Docs): string {
  const items = (docs.examples ?? []).map((x) => `<li><code>${jsonText(x)}</code></li>`);
  if (docs.default !== undefined) items.push(`<li>default: <code>${jsonText(docs.default)}</code></li>`);
  return items.length === 0 ? '' : `<ul>${items.join('')}</ul>`;
}

function describeCell(docs: Docs): string {
  const parts: string[] = [];
  if (docs.title && docs.title !== docs.description) parts.push(`<strong>${h(docs.title)}</strong>`);
  if (docs.description) parts.push(`<span class="desc">${h(docs.description)}</span>`);
  if (docs.deprecated)
    parts.push(
      `<span class="badge deprecated">deprecated</span>${typeof docs.deprecated === 'string' ? ` ${h(docs.deprecated)}` : ''}`,
    );
  return parts.join('<br>');
}

function propertyTable(list: Row[], received: (p: Property) => Received, keyHeader = 'Property'): string {
  const head = `<tr><th>${keyHeader}</th><th>Type</th><th>Constraints</th><th>Examples</th><th>Description</th><th>CleverTap receives</th></tr>`;
  const body = list.map(({ label, property: p }) => {
    const r = received(p);
    return (
      '<tr>' +
      `<td data-label="${keyHeader}"><code>${h(label)}</code>${p.required ? '<span class="req">required</span>' : ''}</td>` +
      `<td data-label="Type"><code>${typeCell(p.type)}</code></td>` +
      `<td data-label="Constraints">${constraintsCell(p)}</td>` +
      `<td data-label="Examples">${examplesCell(p.docs)}</td>` +
      `<td data-label="Description">${describeCell(p.docs)}</td>` +
      `<td data-label="CleverTap receives"><code>${h(r.key)}</code>: ${h(r.value)}</td>` +
      '</tr>'
    );
  });
  return `<div class="table-wrap"><table class="props"><thead>${head}</thead><tbody>\n${body.join('\n')}\n</tbody></table></div>`;
}

function sitesBlock(sites: SiteRef[]): string {
  if (sites.length === 0) return '<h3>Sent from</h3>\n<p class="muted">No code calls it.</p>';
  const items = sites.map((s) => {
    const how = s.via ? ` <span class="muted">via ${h(s.via)}</span>` : '';
    const unsafe = s.unsafe ? ` <span class="badge deprecated">unchecked: ${h(s.unsafe)}</span>` : '';
    return `<li><code>${h(s.file)}:${s.line}</code>${how}${unsafe}</li>`;
  });
  return `<h3>Sent from</h3>\n<ul class="sites">${items.join('')}</ul>`;
}

function identifySection(identify: IdentifyNode, status: CatalogueStatus | undefined): string {
  const out = [
    '<section class="identify" id="identify">',
    '<h2>identify and updateProfile: profile traits<a class="self" href="#identify" aria-label="Link to the traits">#</a></h2>',
    '<p class="fn"><code>identify(userId, traits)</code>, <code>identify(traits)</code>, <code>updateProfile(traits)</code></p>',
    docBlock(identify.docs),
  ];
  if (identify.traits.length > 0) {
    out.push(
      propertyTable(
        identify.traits.map((t) => ({ label: t.name, property: t })),
        (p) => receivedTrait(p as (typeof identify.traits)[number]),
        'Trait',
      ),
    );
  } else {
    out.push('<p class="muted">No traits.</p>');
  }
  if (status) {
    for (const fn of ['identify', 'updateProfile']) {
      const sites = status.profile[fn] ?? [];
      out.push(sitesBlock(sites).replace('<h3>Sent from</h3>', `<h3>${fn}: called from</h3>`));
    }
  }
  out.push('</section>');
  return out.filter((x) => x !== '').join('\n');
}
