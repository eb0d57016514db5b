// The catalogue page in headless Chromium: filtering, deep links, phone and print layouts, no network, no console
// errors, hostile text shown as text. Screenshots are kept in test/.tmp/docs/ (gitignored) for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogueStatus } from '../../generator/catalogue/catalogue.js';
import { cataloguePage } from '../../generator/catalogue/page.js';
import { status } from '../../generator/status/status.js';
import { closeBrowser, getBrowser } from '../e2e/harness.js';
import { browserSuite } from '../e2e/fixtures/client-wire.js';
import { ROOT } from '../helpers/paths.js';
import { HOSTILE, hostilePlan, shopPlan } from './support.js';

const SCREENSHOTS = join(ROOT, 'test', '.tmp', 'docs');
const ORIGIN = 'http://catalogue.test';

interface Opened {
  page: Page;
  context: BrowserContext;
  problems: string[];
  requests: string[];
}

/** Serves `html` at ORIGIN/ and opens `path` in a new context; every other request is refused and recorded. */
async function open(html: string, path = '/', viewport = { width: 1200, height: 900 }): Promise<Opened> {
  const context = await (await getBrowser()).newContext({ viewport, serviceWorkers: 'block' });
  const problems: string[] = [];
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.split('#')[0] === `${ORIGIN}/`)
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else {
      requests.push(url);
      await route.abort();
    }
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${ORIGIN}${path}`, { waitUntil: 'load' });
  return { page, context, problems, requests };
}

const visibleEvents = (page: Page) =>
  page.$$eval('section.event', (els) =>
    els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.querySelector('h2')!.firstChild!.textContent),
  );

const suite = browserSuite('the catalogue page tests', 'codegen docs: the page in Chromium');

suite.describe(suite.title, () => {
  let shop: Opened;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    shop = await open(cataloguePage(shopPlan()));
  });
  afterAll(async () => {
    await shop?.context.close();
    await closeBrowser();
  });

  it('lists every event, loads nothing from the network and logs no error (CSP violations included)', async () => {
    expect(await visibleEvents(shop.page)).toEqual(shopPlan().events.map((e) => e.name));
    expect(await shop.page.textContent('#count')).toBe('7 of 7 events');
    expect(shop.requests).toEqual([]);
    expect(shop.problems).toEqual([]);
    await shop.page.screenshot({ path: join(SCREENSHOTS, 'shop.png'), fullPage: true });
  });

  it('filters events by name, property key and description; says so when nothing matches', async () => {
    const { page } = shop;
    await page.fill('#filter', 'product');
    // the Turkish event matches through its property product_id
    expect(await visibleEvents(page)).toEqual(['Product Added To Cart', 'Product Viewed', 'Ürün Favorilere Eklendi']);
    expect(await page.textContent('#count')).toBe('3 of 7 events');
    expect(
      await page.$$eval('nav.toc li[data-for]', (lis) => lis.filter((l) => !(l as HTMLElement).hidden).length),
    ).toBe(3);
    await page.fill('#filter', 'PRODUCT viewed');
    expect(await visibleEvents(page)).toEqual(['Product Viewed']);
    await page.fill('#filter', 'coupon_code');
    expect(await visibleEvents(page)).toEqual(['Coupon Applied – Checkout']);
    await page.fill('#filter', 'revenue event');
    expect(await visibleEvents(page)).toEqual(['Charged']);
    await page.fill('#filter', 'no such thing anywhere');
    expect(await visibleEvents(page)).toEqual([]);
    expect(await page.isVisible('#no-match')).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'shop-filtered.png') });
    await page.fill('#filter', '');
    expect((await visibleEvents(page)).length).toBe(7);
    expect(await page.isVisible('#no-match')).toBe(false);
  });

  it('a deep link opens the page scrolled to its event; a link to a filtered-out event clears the filter', async () => {
    const linked = await open(cataloguePage(shopPlan()), '/#event-search-performed');
    try {
      const top = await linked.page.$eval('#event-search-performed', (e) => e.getBoundingClientRect().top);
      expect(await linked.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(120);
      await linked.page.fill('#filter', 'charged');
      expect(await linked.page.isHidden('#event-product-viewed')).toBe(true);
      await linked.page.evaluate(() => (location.hash = '#event-product-viewed'));
      await linked.page.waitForFunction(() => !document.getElementById('event-product-viewed')!.hidden);
      expect(await linked.page.inputValue('#filter')).toBe('');
      const top2 = await linked.page.$eval('#event-product-viewed', (e) => e.getBoundingClientRect().top);
      expect(top2).toBeLessThan(120);
      expect(linked.problems).toEqual([]);
    } finally {
      await linked.context.close();
    }
  });

  it('reads on a phone: one column, no sideways scrolling, properties as cards', async () => {
    const phone = await open(cataloguePage(shopPlan()), '/#event-charged', { width: 375, height: 740 });
    try {
      const { scrollWidth, width } = await phone.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        width: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(width);
      expect(await phone.page.isVisible('nav.toc')).toBe(false);
      expect(await phone.page.$eval('table.props thead', (e) => getComputedStyle(e).display)).toBe('none');
      await phone.page.screenshot({ path: join(SCREENSHOTS, 'shop-phone.png') });
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('with status data: where the example app sends each event, and a badge on the events it never sends', async () => {
    const report = await status({ project: join(ROOT, 'examples', 'shop') });
    const withStatus = await open(cataloguePage(shopPlan(), catalogueStatus(report, ROOT)), '/#event-product-viewed');
    try {
      const { page } = withStatus;
      expect(await page.textContent('#event-product-viewed ul.sites')).toMatch(/^app\.ts:\d+$/);
      const never = await page.$$eval('section.event', (els) =>
        els.filter((e) => e.querySelector('.badge.never')).map((e) => e.id),
      );
      expect(never).toEqual([
        'event-coupon-applied-checkout',
        'event-product-added-to-cart',
        'event-urun-favorilere-eklendi',
      ]);
      expect(await page.textContent('header.top')).toContain('examples/shop/tsconfig.json');
      await page.screenshot({ path: join(SCREENSHOTS, 'shop-status.png') });
      expect(withStatus.problems).toEqual([]);
    } finally {
      await withStatus.context.close();
    }
  });

  it('prints without the filter box and the event list', async () => {
    await shop.page.fill('#filter', '');
    await shop.page.emulateMedia({ media: 'print' });
    try {
      expect(await shop.page.isVisible('.search')).toBe(false);
      expect(await shop.page.isVisible('nav.toc')).toBe(false);
      expect(await shop.page.isVisible('#event-charged')).toBe(true);
    } finally {
      await shop.page.emulateMedia({ media: 'screen' });
    }
  });

  it("shows a hostile plan's names and descriptions as text: nothing runs, no element is injected", async () => {
    const plan = hostilePlan();
    const hostile = await open(cataloguePage(plan));
    try {
      const { page } = hostile;
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.$$eval('script', (s) => s.length)).toBe(1);
      expect(await page.$$eval('img, svg, b, iframe, object', (s) => s.length)).toBe(0);
      expect(
        await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#'))),
      ).toEqual([]);
      expect(await page.textContent('h1')).toBe(`${HOSTILE[3]} ${HOSTILE[4]}`);
      expect(await page.title()).toBe(`${HOSTILE[3]} ${HOSTILE[4]}: tracking plan`);
      expect(await visibleEvents(page)).toEqual(plan.events.map((e) => e.name));
      const text = await page.textContent('main');
      for (const h of HOSTILE) expect(text).toContain(h);
      // The filter still works over hostile text
      await page.fill('#filter', '<script>');
      expect((await visibleEvents(page)).length).toBeGreaterThan(0);
      await page.fill('#filter', '');
      await page.screenshot({ path: join(SCREENSHOTS, 'hostile.png'), fullPage: true });
      expect(hostile.requests).toEqual([]);
      expect(hostile.problems).toEqual([]);
    } finally {
      await hostile.context.close();
    }
  });
});
