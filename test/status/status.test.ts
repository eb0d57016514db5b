import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { status, type StatusReport } from '../../generator/status/status.js';
import { compile, configOptions, format } from '../helpers/tsc.js';
import { fixtureApp, linesWith, markers, siteLines } from './support.js';

describe('codegen status over the fixture app', () => {
  let dir: string;
  let report: StatusReport;
  beforeAll(async () => {
    dir = await fixtureApp('app');
    report = await status({ project: dir });
  });

  it('the fixture is a valid app: it compiles under strict, but for the uses of removed names it marks', () => {
    const { options, fileNames } = configOptions(join(dir, 'tsconfig.json'));
    expect(format(compile(fileNames, options))).toBe('');
  });

  it('finds every call the markers name, through aliases, re-exports, namespaces, destructuring, wrappers and .tsx', () => {
    const expected = markers(dir, 'status')
      .map((m) => `${m.file}:${m.line} ${m.text}`)
      .sort();
    expect(expected.length).toBeGreaterThan(15);
    expect(siteLines(report, dir)).toEqual(expected);
  });

  it('counts no mention that is not a call of the client: a comment, a string, an app function of the same name', () => {
    const names = new Map(report.functions.map((f) => [f.name, f.sites.length]));
    expect(names.get('trackNewsletterJoined')).toBe(0);
    expect(names.get('trackCartViewed')).toBe(0);
  });

  it('maps each track function to the event it sends', () => {
    const events = Object.fromEntries(report.functions.map((f) => [f.name, f.event ?? f.kind]));
    expect(events).toEqual({
      identify: 'profile',
      trackAppOpened: 'App Opened',
      trackCartViewed: 'Cart Viewed',
      trackCouponApplied: 'Coupon Applied',
      trackItemLiked: 'Item Liked',
      trackNewsletterJoined: 'Newsletter Joined',
      trackOrderRefunded: 'Order Refunded',
      trackPageScrolled: 'Page Scrolled',
      trackProductShared: 'Product Shared',
      trackProductViewed: 'Product Viewed',
      trackSearchPerformed: 'Search Performed',
      updateProfile: 'profile',
    });
  });

  it('reports the plan events never called', () => {
    expect(report.neverCalled.map((f) => f.event)).toEqual(['Cart Viewed', 'Newsletter Joined']);
  });

  it('reports the names the client no longer exports, where they are imported and called', () => {
    const expected = markers(dir, 'missing')
      .map((m) => `${m.file}:${m.line} ${m.text}`)
      .sort();
    const found = report.missing.map((m) => `${relative(dir, m.file)}:${m.line} ${m.name} ${m.kind}`).sort();
    expect(found).toEqual(expected);
    expect(new Set(report.missing.map((m) => relative(dir, m.client)))).toEqual(new Set(['client/index.ts']));
  });

  it('reports the calls that compile only through any or a cast, saying why', () => {
    expect(report.unsafe.map((u) => `${relative(dir, u.file)}:${u.line} ${u.name}`)).toEqual(
      linesWith(dir, '// unsafe').map((m) => `${m.file}:${m.line} trackOrderRefunded`),
    );
    expect(report.unsafe.map((u) => u.unsafe)).toEqual([
      expect.stringMatching(/argument 1\.amount has type any/),
      expect.stringMatching(/argument 1 is cast with a type assertion \(OrderRefundedProperties\)/),
      expect.stringMatching(/reached through a value of type any/),
    ]);
  });

  it('counts the files it scanned: the app, not the client or declaration files', () => {
    const sources = readdirSync(join(dir, 'src')).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
    expect(sources.length).toBeGreaterThan(10);
    expect(report.scanned).toBe(sources.length);
    expect(report.clients.map((c) => relative(dir, c))).toEqual(['client/index.ts']);
  });
});

