/** Generates a client from a plan object into a scratch folder and imports it (a fresh module each time). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../generator/pipeline.js';
import { scratch } from './paths.js';
import { planJson } from './plan.js';

/** A generated client's exports, called with whatever a test passes (a misuse is the point of many tests). */
export type LoadedClient = Record<string, (...args: unknown[]) => unknown>;

export async function clientFor<T = LoadedClient>(plan: unknown): Promise<T> {
  const dir = scratch('client');
  writeFileSync(join(dir, 'plan.json'), planJson(plan));
  const result = generate(join(dir, 'plan.json'));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`plan has errors: ${errors.map((d) => d.message).join('; ')}`);
  for (const f of result.files) writeFileSync(join(dir, f.path), f.content);
  return (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as T;
}
