/**
 * The reference of every diagnostic code in docs/clevertap-rules.md, between two markers, made from the
 * catalogue: a code cannot be added, reworded or retired without the docs following (rules-doc.test.ts;
 * `UPDATE_DOCS=1 npx vitest run test/docs` rewrites the block).
 */
import { CATALOGUE, type Code } from '../../generator/diagnostics/catalogue.js';

export const START =
  '<!-- codes: made from generator/diagnostics/catalogue.ts by test/docs/rule-codes.ts; do not edit by hand -->';
export const END = '<!-- codes: end -->';

/** The section that explains the rule behind each range of codes (see the catalogue's header). */
export function sectionOf(code: string): { title: string; link: string } {
  const n = Number(code.slice(2));
  if (n < 50) return { title: 'The plan format', link: 'plan-format.md' };
  if (n < 100) return { title: 'Plans in other formats', link: 'plan-format.md#plans-in-other-formats' };
  if (n < 200) return { title: 'Event names', link: '#event-names' };
  if (n < 300) return { title: 'Property keys', link: '#property-keys' };
  if (n < 400) return { title: 'Property values', link: '#property-values' };
  if (n < 500) return { title: 'The Charged event', link: '#the-charged-event' };
  if (n < 600) return { title: 'identify: the user profile', link: '#identify-the-user-profile' };
  if (n < 900) return { title: 'Transformations', link: 'transformations.md' };
  return { title: 'The config file', link: 'workflow.md#the-config-file' };
}

/** `{name}` placeholders read as what they stand for (`‹name›`); Markdown's own characters as themselves. */
const shown = (template: string): string => template.replace(/[\\*_<>[\]`|]/g, '\\$&').replace(/\{(\w+)\}/g, '‹$1›');

export function renderCodes(): string {
  const codes = (Object.keys(CATALOGUE) as Code[]).sort();
  const out = [START, ''];
  for (const code of codes) {
    const rule = CATALOGUE[code];
    const section = sectionOf(code);
    out.push(`### ${code}`, '');
    out.push(`**${rule.severity}**: ${shown(rule.message)}`, '');
    out.push(`Hint: ${shown(rule.hint)}. See [${section.title}](${section.link}).`, '');
  }
  out.push(END);
  return out.join('\n');
}
