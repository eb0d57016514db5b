import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, slug } from '../../generator/catalogue/anchors.js';
import { catalogueStatus } from '../../generator/catalogue/catalogue.js';
import { escapeHtml } from '../../generator/catalogue/html.js';
import { stringValueNote } from '../../generator/catalogue/received.js';
import { DELETED_VALUE_CHARACTERS, LIMITS } from '../../generator/clevertap/facts.js';
import { cataloguePage } from '../../generator/catalogue/page.js';
import { main } from '../../generator/cli/main.js';
import { validate } from '../../generator/pipeline.js';
import { status } from '../../generator/status/status.js';
import { scratch } from '../helpers/paths.js';
import { planJson, writePlan } from '../helpers/plan.js';
import { fixtureApp, linesWith } from '../status/support.js';
import { HOSTILE, SHOP_PLAN, hostilePlan, shopPlan } from './support.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), color: false });
  return { code, out, err };
}

describe('anchors', () => {
  it.each([
    ['Product Viewed', 'product-viewed'],
    ['product_viewed', 'product-viewed'],
    ['  Coupon Applied – Checkout ', 'coupon-applied-checkout'],
    ['Ürün Favorilere Eklendi', 'urun-favorilere-eklendi'],
    ['"><script>alert(1)</script>', 'script-alert-1-script'],
    ['javascript:alert(1)', 'javascript-alert-1'],
    ['注文完了', ''],
    ['!!!', ''],
  ])('slug(%j) = %j', (name, expected) => {
    expect(slug(name)).toBe(expected);
  });

  it('numbers names without letters, and gives later names with the same slug -2, -3', () => {
    expect(anchors(['A b', 'a-b', 'a_b', '注文', 'x'])).toEqual([
      'event-a-b',
      'event-a-b-2',
      'event-a-b-3',
      'event-4',
      'event-x',
    ]);
  });

  it('a numbered id that a later slug also yields is not reused', () => {
    expect(anchors(['!', 'event 1'])).toEqual(['event-1', 'event-event-1']);
    expect(anchors(['!', '1'])).toEqual(['event-1', 'event-1-2']);
  });
});

describe('escapeHtml', () => {
  it.each([
    ['plain text', 'plain text'],
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    ['"quoted" \'single\'', '&quot;quoted&quot; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });
});

describe('the catalogue page', () => {
  const html = cataloguePage(shopPlan());

  it('is the same bytes for the same plan, whatever the order of its events in the file', () => {
    const plan = JSON.parse(readFileSync(SHOP_PLAN, 'utf8')) as { events: Record<string, unknown> };
    plan.events = Object.fromEntries(Object.entries(plan.events).reverse());
    const reversed = join(scratch('docs-order'), 'plan.json');
    // $ref paths of the shop plan are inside the file, so the copy can live elsewhere
    writeFileSync(reversed, JSON.stringify(plan, null, 2));
    expect(cataloguePage(validate(reversed).plan!)).toBe(html);
    expect(cataloguePage(shopPlan())).toBe(html);
  });

  it('loads nothing: no src, no href but fragments, a CSP that admits only its own style and script by hash', () => {
    expect(html).not.toMatch(/\ssrc=/);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith('#'))).toEqual([]);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain("default-src 'none'");
  });

  it('has one section per event with its anchor, and every property and trait', () => {
    const plan = shopPlan();
    const ids = [...html.matchAll(/<section class="event" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(anchors(plan.events.map((e) => e.name)));
    for (const e of plan.events)
      for (const p of e.properties) expect(html).toContain(`<code>${escapeHtml(p.name)}</code>`);
    for (const t of plan.identify!.traits) expect(html).toContain(`<code>${escapeHtml(t.field)}</code>`);
    expect(html).toContain('Items[].quantity');
    expect(html).toContain('<code>DOB</code>: date');
    // what CleverTap does to string values, from the facts module
    expect(html).toContain(escapeHtml(stringValueNote()));
    expect(stringValueNote()).toContain(`${LIMITS.valueBytes} bytes`);
    for (const c of DELETED_VALUE_CHARACTERS) expect(stringValueNote()).toContain(c);
  });

  it('escapes every hostile text: none appears raw, each appears escaped', () => {
    const hostile = cataloguePage(hostilePlan());
    for (const text of HOSTILE) {
      if (/[<>"']/.test(text)) expect(hostile).not.toContain(text);
      expect(hostile).toContain(escapeHtml(text));
    }
    // the page's own markup: one style, one script, whatever the plan says
    expect(hostile.match(/<script/g)).toHaveLength(1);
    expect(hostile.match(/<style/g)).toHaveLength(1);
    expect(hostile.match(/<\/style/g)).toHaveLength(1);
  });

  it('shows deprecation, examples, defaults and the keywords the client cannot check', () => {
    const plan = validate(
      writePlan(
        planJson({
          name: 'Docs',
          events: {
            'Old Event': {
              deprecated: 'Use New Event.',
              properties: {
                n: {
                  type: 'number',
                  multipleOf: 5,
                  not: { const: 20 },
                  examples: [10, 15],
                  default: 5,
                  deprecated: true,
                },
              },
            },
          },
        }),
      ),
    ).plan!;
    const page = cataloguePage(plan);
    expect(page).toContain('<span class="badge deprecated">deprecated</span>');
    expect(page).toContain('<strong>Deprecated:</strong> Use New Event.');
    expect(page).toContain('<li><code>10</code></li><li><code>15</code></li><li>default: <code>5</code></li>');
    expect(page).toContain('<li>A multiple of 5.</li><li>Not checked by the client: not.</li>');
  });
});

describe('codegen docs', () => {
  it('writes one index.html and exits 0; a second run leaves it unchanged', async () => {
    const out = scratch('docs-cli');
    const first = await run(['docs', SHOP_PLAN, '--out', out]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.err).toMatch(/wrote .*index\.html/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(cataloguePage(shopPlan()));
    expect((await run(['docs', SHOP_PLAN, '--out', out])).err).toMatch(/unchanged .*index\.html/);
  });

  it('writes nothing for a plan with errors (exit 1), and never over a file it did not write (exit 2)', async () => {
    const out = scratch('docs-errors');
    const bad = writePlan(
      planJson({ name: 'Bad', events: { 'Order Completed': { properties: { items: { type: 'array' } } } } }),
    );
    const r = await run(['docs', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error CT301');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    writeFileSync(join(out, 'index.html'), '<p>mine</p>');
    const refused = await run(['docs', SHOP_PLAN, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/was not written by clevertap-codegen/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>mine</p>');
  });

  it('--status shows where the app sends each event, and which it never sends', async () => {
    const app = await fixtureApp('app');
    const out = scratch('docs-status');
    const r = await run(['docs', join(app, 'plan.json'), '--out', out, '--status', app]);
    expect(r.code).toBe(0);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    const section = (id: string) =>
      page.slice(page.indexOf(`id="${id}"`), page.indexOf('</section>', page.indexOf(`id="${id}"`)));
    expect(section('event-cart-viewed')).toContain('<span class="badge never">never sent</span>');
    const at = (marker: string) => linesWith(app, marker).map((m) => `<code>${m.file}:${m.line}</code>`)[0]!;
    expect(section('event-coupon-applied')).toContain(
      `${at('trackCouponApplied wrapper applyCoupon')} <span class="muted">via applyCoupon</span>`,
    );
    expect(section('event-page-scrolled')).toContain(at('trackPageScrolled call'));
    expect(section('event-order-refunded')).toContain('unchecked: argument 1.amount has type any');
    expect(section('identify')).toContain(at('identify call'));
  });

  it('catalogueStatus groups sites by event name, with paths relative to the app', async () => {
    const app = await fixtureApp('app');
    const s = catalogueStatus(await status({ project: app }), app);
    expect(s.project).toBe('tsconfig.json');
    const passed = linesWith(app, 'trackItemLiked passed withRetry');
    expect(passed).toHaveLength(1);
    expect(s.events['Item Liked']).toContainEqual({ file: 'src/wrapper.ts', line: passed[0]!.line, via: 'withRetry' });
    expect(s.events['Cart Viewed']).toEqual([]);
    expect(Object.keys(s.profile).sort()).toEqual(['identify', 'updateProfile']);
  });
});
