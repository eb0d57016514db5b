/** `--transform` and `--explain` on the command line: the mapping in words, per event. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { scratch } from '../helpers/paths.js';
import { planJson, writePlan } from '../helpers/plan.js';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), color: false });
  return { code, out, err };
}

const PLAN = {
  name: 'T',
  events: {
    'Order: Completed': {
      properties: {
        product: { type: 'object', properties: { id: { type: 'string' }, price: { type: 'number' } } },
        tags: { type: 'array', items: { type: 'string' } },
        lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
        misc: {},
        total: { type: 'number' },
      },
    },
    'App Installed': {},
    'Page Viewed': { properties: { path: { type: 'string' } } },
    'Debug Ping': {},
  },
};

function policyFile(policy: unknown): string {
  const path = join(scratch('explain'), 't.json');
  writeFileSync(path, JSON.stringify(policy));
  return path;
}

describe('--explain', () => {
  it('prints per event what is renamed, flattened, joined or dropped, and what CleverTap receives', async () => {
    const policy = policyFile({
      flatten: '_',
      arrays: 'join',
      untyped: 'scalar',
      sanitize: true,
      arrayObjects: 'drop',
      rename: { events: { 'App Installed': 'App Install Seen' } },
      events: { exclude: ['Debug *'] },
    });
    const r = await cli(['validate', writePlan(planJson(PLAN)), '--transform', policy, '--explain']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '"App Installed" → "App Install Seen"',
        '"Order: Completed" → "Order_ Completed"',
        '  product → product_* (flattened)',
        '  tags → tags (values joined with "," into one string)',
        '  lines is not sent (an array of objects)',
        '  misc has no type: any scalar (a string, number, boolean or date)',
        '  CleverTap receives: product_id, product_price, tags, misc, total',
        'left out by "events": "Debug Ping"',
        '2 events transformed, 1 sent as the plan writes it, 1 left out',
        '',
      ].join('\n'),
    );
  });

  it('without a policy the plan fails as it is; with it, the client is written', async () => {
    const plan = writePlan(planJson(PLAN));
    const out = scratch('explain-out');
    const without = await cli([plan, '--out', out]);
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/CT301.*CT302|CT105/s);
    const policy = policyFile({
      flatten: '_',
      arrays: 'join',
      arrayObjects: 'drop',
      untyped: 'scalar',
      sanitize: true,
      rename: { events: { 'App Installed': 'App Install Seen' } },
    });
    const withPolicy = await cli([plan, '--out', out, '--transform', policy]);
    expect(withPolicy.err).toMatch(/wrote .*index\.ts/);
    expect(withPolicy.code).toBe(0);
  });

  it('a policy problem exits 1 and names the policy file', async () => {
    const policy = policyFile({ flatten: 1 });
    const r = await cli(['validate', writePlan(planJson(PLAN)), '--transform', policy]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${policy}:1:2 error CT602 /flatten: "flatten" must be a non-empty separator string, such as "_", not 1`,
    );
  });

  it('with --format json, stdout stays JSON: the explanation goes to stderr', async () => {
    const policy = policyFile({
      flatten: '_',
      arrays: 'join',
      untyped: 'scalar',
      sanitize: true,
      arrayObjects: 'drop',
    });
    const r = await cli([
      'validate',
      writePlan(planJson(PLAN)),
      '--transform',
      policy,
      '--explain',
      '--format',
      'json',
    ]);
    expect(JSON.parse(r.out).map((d: { code: string }) => d.code)).toEqual(['CT105']);
    expect(r.err).toContain('  product → product_* (flattened)\n');
  });

  it('convert prints the plan as it is: --transform there is a usage error', async () => {
    const r = await cli(['convert', writePlan(planJson(PLAN)), '--transform', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Unknown argument');
  });

  it('a missing policy file is a usage error (exit 2)', async () => {
    const r = await cli(['validate', writePlan(planJson(PLAN)), '--transform', '/nonexistent.json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('codegen: cannot read /nonexistent.json: no such file\n');
  });
});
