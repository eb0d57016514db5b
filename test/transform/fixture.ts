/** The transformed plan the client, browser and corpus tests share, and a generator of its client. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetName } from '../../generator/emit/target.js';
import { generate } from '../../generator/pipeline.js';
import { scratch } from '../helpers/paths.js';
import { planJson } from '../helpers/plan.js';

export const PLAN = {
  name: 'Transformed',
  events: {
    'Order Completed': {
      description: 'An order went through.',
      properties: {
        order_id: { type: 'string' },
        product: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            price: { type: 'number' },
            brand: { type: 'object', properties: { name: { type: 'string' } } },
          },
          required: ['id'],
        },
        tags: { type: 'array', items: { type: 'string' } },
        lines: {
          type: 'array',
          maxItems: 2,
          items: {
            type: 'object',
            properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
            required: ['sku'],
          },
        },
        coupon: { type: ['object', 'null'], properties: { code: { type: 'string' } } },
        misc: {},
        'a:b': { type: 'string' },
      },
      required: ['order_id', 'product'],
    },
    'Page: Viewed': { properties: { path: { type: 'string' } }, required: ['path'] },
    'Product Viewed': { properties: { sku: { type: 'string' }, price: { type: 'number' } }, required: ['sku'] },
  },
};

export const POLICY = { flatten: '_', arrays: 'join', arrayObjects: 'index', untyped: 'scalar', sanitize: true };

/** Generates the client of `plan` under `policy` into a scratch folder; the folder. */
export function generateClient(
  plan: unknown,
  policy: unknown,
  name = 'transformed',
  target: TargetName = 'web',
): string {
  const dir = scratch(name);
  writeFileSync(join(dir, 'plan.json'), planJson(plan));
  const result = generate(join(dir, 'plan.json'), { transform: policy as Record<string, unknown>, target });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.origin?.pointer} ${d.message}`).join('\n'));
  for (const f of result.files) writeFileSync(join(dir, f.path), f.content);
  return dir;
}
