/**
 * The page's own CSS and script: static text, no plan text in them (the script reads the page it is in). The
 * page's Content-Security-Policy admits these two by hash and nothing else, so the page can load nothing from the
 * network, and a script that got into the plan's text would not run even if escaping failed.
 */

export const CSS = `
:root { --fg: #1d232b; --muted: #5b6673; --bg: #fff; --panel: #f5f7f9; --line: #dde3e9; --accent: #0b6bcb; --warn: #9a5b00; --bad: #b3261e; --ok: #1b7f3b; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e9ed; --muted: #9aa6b2; --bg: #14181d; --panel: #1c2228; --line: #2e3740; --accent: #6cb4ff; --warn: #f0b35a; --bad: #ff8a80; --ok: #7bd88f; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: break-word; }
a { color: var(--accent); }
header.top { padding: 16px 20px; border-bottom: 1px solid var(--line); }
header.top h1 { margin: 0 0 4px; font-size: 1.5em; overflow-wrap: anywhere; }
header.top p { margin: 4px 0; color: var(--muted); }
.search { position: sticky; top: 0; z-index: 2; background: var(--bg); padding: 10px 20px; border-bottom: 1px solid var(--line); display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.search input { flex: 1 1 240px; font: inherit; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); }
.search .count { color: var(--muted); font-size: 0.9em; }
.layout { display: grid; grid-template-columns: 260px minmax(0, 1fr); gap: 0; }
nav.toc { border-right: 1px solid var(--line); padding: 12px 0; position: sticky; top: 58px; align-self: start; max-height: calc(100vh - 58px); overflow: auto; }
nav.toc ul { list-style: none; margin: 0; padding: 0; }
nav.toc a { display: block; padding: 3px 20px; text-decoration: none; color: var(--fg); overflow-wrap: anywhere; }
nav.toc a:hover { background: var(--panel); }
main { padding: 8px 20px 40px; min-width: 0; }
section.event, section.identify { border-bottom: 1px solid var(--line); padding: 16px 0; scroll-margin-top: 64px; }
section h2 { margin: 0 0 6px; font-size: 1.25em; overflow-wrap: anywhere; }
section h2 a.self { color: var(--muted); text-decoration: none; margin-left: 6px; font-weight: normal; }
section h3 { font-size: 1em; margin: 14px 0 6px; color: var(--muted); }
.fn { color: var(--muted); margin: 0 0 6px; }
.desc { margin: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: 0.75em; padding: 1px 7px; border-radius: 10px; border: 1px solid currentColor; margin-left: 6px; vertical-align: middle; }
.badge.deprecated { color: var(--warn); }
.badge.never { color: var(--bad); }
.badge.sent { color: var(--ok); }
.badge.charged { color: var(--accent); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; white-space: nowrap; }
td ul { margin: 0; padding-left: 18px; }
/* Long keys and values break anywhere rather than widen the table; the key column keeps room for common keys */
td code { overflow-wrap: anywhere; }
table.props td:first-child { min-width: 13em; }
table.props td:nth-child(2), table.props td:nth-child(4) { min-width: 8em; }
td .req { color: var(--bad); font-size: 0.8em; margin-left: 4px; }
ul.sites { margin: 0; padding-left: 18px; }
.muted { color: var(--muted); }
.empty { padding: 24px 0; color: var(--muted); }
@media (max-width: 800px) {
  .layout { display: block; }
  nav.toc { display: none; }
  main { padding: 4px 12px 32px; }
  header.top, .search { padding-left: 12px; padding-right: 12px; }
  /* One property per card: a wide table is unreadable on a phone */
  table.props thead { display: none; }
  table.props, table.props tbody, table.props tr, table.props td { display: block; width: 100%; }
  table.props tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 4px 0; }
  table.props td { border: 0; padding: 3px 10px; }
  table.props td:empty { display: none; }
  table.props td:first-child, table.props td:nth-child(2), table.props td:nth-child(4) { min-width: 0; }
  table.props td::before { content: attr(data-label) ": "; color: var(--muted); font-size: 0.85em; }
}
@media print {
  :root { --fg: #000; --muted: #444; --bg: #fff; --panel: #f0f0f0; --line: #bbb; --accent: #000; }
  .search, nav.toc, a.self { display: none !important; }
  .layout { display: block; }
  main { padding: 0; }
  section.event, section.identify { break-inside: avoid-page; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { text-decoration: none; }
}
`;

export const SCRIPT = `
(function () {
  'use strict';
  var input = document.getElementById('filter');
  var count = document.getElementById('count');
  var none = document.getElementById('no-match');
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.event'));
  var links = {};
  Array.prototype.forEach.call(document.querySelectorAll('nav.toc li[data-for]'), function (li) { links[li.getAttribute('data-for')] = li; });
  function apply() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    sections.forEach(function (s) {
      var text = s.getAttribute('data-search') || '';
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      s.hidden = !match;
      if (links[s.id]) links[s.id].hidden = !match;
      if (match) shown++;
    });
    count.textContent = shown + ' of ' + sections.length + ' events';
    none.hidden = shown !== 0;
  }
  /* A link to an event the filter hides: clear the filter first */
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.hidden) { input.value = ''; apply(); target.scrollIntoView(); }
  }
  input.addEventListener('input', apply);
  window.addEventListener('hashchange', reveal);
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && document.activeElement !== input) { e.preventDefault(); input.focus(); }
    else if (e.key === 'Escape' && document.activeElement === input) { input.value = ''; apply(); }
  });
  apply();
})();
`;
