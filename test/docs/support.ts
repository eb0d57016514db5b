/** Plans for the catalogue tests: the shop example, and a hostile plan whose every text tries to become markup. */
import { join } from 'node:path';
import type { Plan } from '../../generator/model/ir.js';
import { validate } from '../../generator/pipeline.js';
import { ROOT } from '../helpers/paths.js';
import { planJson, writePlan } from '../helpers/plan.js';

export const SHOP_PLAN = join(ROOT, 'examples', 'shop', 'plan.json');

export function shopPlan(): Plan {
  const { plan } = validate(SHOP_PLAN);
  if (!plan) throw new Error('the shop plan does not load');
  return plan;
}

/** Texts that would be markup, script or a URL if the page did not escape them. */
export const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '"><img src=x onerror="window.__pwned = \'img\'">',
  "'><svg onload=\"window.__pwned = 'svg'\">",
  '</style><script>window.__pwned = "style"</script>',
  '</title><script>window.__pwned = "title"</script>',
  '<!-- an unclosed comment',
  'javascript:window.__pwned = "href"',
  '&lt;already escaped&gt; &amp; <b>bold</b>',
  '<a href="https://evil.example/">a link</a>',
] as const;

/**
 * A plan whose names, keys, descriptions, enum values, examples, patterns and deprecation notes are hostile. The
 * checker refuses some of these names (CleverTap prohibits `<` in them); the page must escape them anyway, so the
 * tests render the IR as it is, errors and all.
 */
export function hostilePlan(): Plan {
  const events: Record<string, unknown> = {};
  HOSTILE.forEach((text, i) => {
    events[i % 2 === 0 ? text : `Hostile ${i}`] = {
      description: text,
      deprecated: text,
      properties: {
        [i % 3 === 0 ? text : `key_${i}`]: {
          type: 'string',
          description: text,
          title: `title ${text}`,
          enum: [text, 'plain'],
          examples: [text],
        },
        [`pattern_${i}`]: { type: 'string', pattern: text, default: text },
      },
    };
  });
  const text = planJson({
    name: HOSTILE[3],
    version: HOSTILE[4],
    description: HOSTILE[1],
    identify: {
      properties: {
        [HOSTILE[0]]: { type: 'string', description: HOSTILE[2] },
        email: { type: 'string', description: HOSTILE[6] },
      },
    },
    events,
  });
  const { plan } = validate(writePlan(text));
  if (!plan) throw new Error('the hostile plan does not build');
  return plan;
}
