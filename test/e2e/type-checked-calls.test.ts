// Issue 11, in the browser: every call that type-checks is accepted by the real clevertap-web-sdk in production,
// including optional properties left `undefined` (which the SDK would report to CleverTap as errors) and Charged
// without Items, or with `Items: undefined` (which the SDK would drop whole: error 511). The entry is type-checked
// here first (strict, as an app without exactOptionalPropertyTypes has it), then bundled and run in Chromium.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { scratch } from '../helpers/paths.js';
import { planJson } from '../helpers/plan.js';
import { browserSuite, clientWarnings, pushed } from './fixtures/client-wire.js';
import { closeBrowser, runInBrowser, type BrowserRun } from './harness.js';

const plan = {
  name: 'Type-checked calls',
  events: {
    'Signed Up': {
      properties: {
        method: { type: 'string', enum: ['email', 'google'] },
        referrer: { type: 'string' },
        note: { type: ['string', 'null'] },
      },
      required: ['method'],
    },
    'Feature Used': { properties: { feature: { type: 'string' } }, required: ['feature'], additionalProperties: true },
    Charged: {
      properties: {
        Amount: { type: 'number' },
        Items: {
          type: 'array',
          maxItems: 5,
          items: {
            type: 'object',
            properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
            required: ['sku'],
          },
        },
      },
      required: ['Amount'],
    },
  },
};

const calls = [
  `trackSignedUp({ method: 'email', referrer: undefined });`,
  `trackCharged({ Amount: 10 });`,
  `trackCharged({ Amount: 5, Items: undefined });`,
  `trackFeatureUsed({ feature: 'export', gone: undefined, plain: 1 });`,
];
const entry = (page: string) => `
import { init, trackCharged, trackFeatureUsed, trackSignedUp } from './client/index.js';
import { runPage } from ${JSON.stringify(page)};

async function main(): Promise<void> {
  // before init: queued, then sent
  ${calls.join('\n  ')}
  await init({ accountId: 'TEST-ACC-0001', region: 'in1', mode: 'production' });
  // after init: handed to the SDK directly
  ${calls.join('\n  ')}
  trackSignedUp({ method: 'google', note: null });
  trackCharged({ Amount: 7, Items: [{ sku: 'a', qty: undefined }, { sku: 'b', qty: 2 }] });
}

runPage(main);
`;

const { describe: browserDescribe, title } = browserSuite(
  'the type-checked calls browser test',
  'calls that type-check, through the real clevertap-web-sdk in headless Chromium',
);

browserDescribe(title, () => {
  let run: BrowserRun;
  let dir: string;

  beforeAll(async () => {
    dir = scratch('e2e-typed');
    writeFileSync(join(dir, 'plan.json'), planJson(plan));
    const result = generate(join(dir, 'plan.json'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'client'));
    for (const f of result.files) writeFileSync(join(dir, 'client', f.path), f.content);
    writeFileSync(join(dir, 'entry.ts'), entry(join(import.meta.dirname, 'fixtures', 'page.js')));
    run = await runInBrowser(join(dir, 'entry.ts'));
  }, 90_000);

  afterAll(async () => {
    await closeBrowser();
  });

  it('the calls type-check (strict, without exactOptionalPropertyTypes)', () => {
    const program = ts.createProgram([join(dir, 'entry.ts')], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    });
    const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName.startsWith(dir));
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('the SDK accepts every one of them: no SDK error, nothing dropped, undefined keys left out', () => {
    expect(run.result).toBeUndefined();
    expect(run.pageErrors).toEqual([]);
    expect(run.consoleErrors).toEqual([]);
    expect(run.wzrkErrors).toEqual([]);
    expect(clientWarnings(run)).toEqual([]);
    const twice = <T>(xs: T[]): T[] => [...xs, ...xs];
    expect(pushed(run)).toStrictEqual([
      ...twice([
        { event: 'Signed Up', data: { method: 'email' } },
        { event: 'Charged', data: { Amount: 10 } },
        { event: 'Charged', data: { Amount: 5 } },
        { event: 'Feature Used', data: { feature: 'export', plain: 1 } },
      ]),
      { event: 'Signed Up', data: { method: 'google' } },
      { event: 'Charged', data: { Amount: 7, Items: [{ sku: 'a' }, { sku: 'b', qty: 2 }] } },
    ]);
  });
});
