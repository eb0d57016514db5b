import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importIgluFolder, importPlan, readableName } from '../../generator/load/import/index.js';
import { sortDiagnostics } from '../../generator/diagnostics/diagnostic.js';
import { IoError } from '../../generator/core/io-error.js';
import { memberOrigin } from '../../generator/load/source.js';
import { at, brief, fileOf, keyAt, nodeAt, parse, plain, pos, type Obj } from './fixtures/helpers.js';

const SCHEMA = `{
  "$schema": "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#",
  "description": "Schema for an application error",
  "self": {
    "vendor": "com.snowplowanalytics.snowplow",
    "name": "application_error",
    "format": "jsonschema",
    "version": "1-0-0"
  },
  "type": "object",
  "properties": {
    "message": { "type": "string", "maxLength": 2048 },
    "thread name": { "type": ["string", "null"] },
    "extra": {}
  },
  "required": ["message"],
  "additionalProperties": false
}`;

describe('one Iglu self-describing schema', () => {
  const { file, value } = parse(SCHEMA, 'application_error.json');

  it('becomes one event named from self.name, keeping everything CleverTap may reject', () => {
    const { plan, diagnostics } = importPlan(value, file, 'iglu');
    expect(diagnostics).toEqual([]);
    expect(plain(plan)).toEqual({
      name: 'com.snowplowanalytics.snowplow',
      events: {
        application_error: {
          description: 'Schema for an application error',
          type: 'object',
          properties: {
            message: { type: 'string', maxLength: 2048 },
            'thread name': { type: ['string', 'null'] },
            extra: {},
          },
          required: ['message'],
          additionalProperties: false,
        },
      },
    });
    const event = (plan.events as Obj).application_error;
    expect(keyAt(plan.events, 'application_error')).toBe(pos(SCHEMA, '"name": "application_error"'));
    expect(nodeAt(event)).toBe('1:1');
    expect(keyAt(event, 'description')).toBe(pos(SCHEMA, '"description"'));
    expect(keyAt(event.properties, 'thread name')).toBe(pos(SCHEMA, '"thread name"'));
    expect(event.properties).toBe((value as Obj).properties);
  });

  it('gets a readable name only when asked', () => {
    const { plan } = importPlan(value, file, 'iglu', { readableNames: true });
    expect(Object.keys(plan.events as Obj)).toEqual(['Application Error']);
    expect(keyAt(plan.events, 'Application Error')).toBe(pos(SCHEMA, '"name": "application_error"'));
  });

  it('reports a file without "self"', () => {
    const text = '{\n  "type": "object",\n  "properties": {}\n}';
    const { file: f, value: v } = parse(text);
    const { plan, diagnostics } = importPlan(v, f, 'iglu');
    expect(brief(diagnostics)).toEqual([
      'CT051@1:1 a self-describing schema needs "self": {"vendor", "name", "format", "version"} (strings)',
    ]);
    expect(plain(plan)).toEqual({ name: 'plan', events: {} });
  });
});

describe('readableName', () => {
  it.each([
    ['add_to_cart', 'Add To Cart'],
    ['productFieldObject', 'Product Field Object'],
    ['link-click', 'Link Click'],
    ['CUSTOM', 'CUSTOM'],
    ['s3_notification_event', 'S3 Notification Event'],
    ['_', '_'],
  ])('%s -> %s', (name, readable) => {
    expect(readableName(name)).toBe(readable);
  });
});

const dir = fileURLToPath(new URL('./fixtures/iglu', import.meta.url));
const text = (rel: string): string => readFileSync(join(dir, rel), 'utf8');

describe('a folder of Iglu schemas', () => {
  const { plan, diagnostics } = importIgluFolder(dir);
  const events = plan.events as Obj;
  const newest = 'com.acme/add_to_cart/jsonschema/1-1-0';

  it('reads .json and extension-less SchemaVer files, one event each, the highest version of each', () => {
    expect(plain(plan)).toEqual({
      name: 'iglu',
      events: {
        add_to_cart: {
          description: 'Schema for an add-to-cart event, with a currency',
          type: 'object',
          properties: {
            sku: { type: 'string' },
            quantity: { type: 'number' },
            currency: { type: ['string', 'null'], maxLength: 3 },
          },
          required: ['sku', 'quantity'],
          additionalProperties: false,
        },
        productViewed: {
          type: 'object',
          properties: { tags: { $ref: '#/$defs/stringArray' }, sku: { type: 'string' } },
          additionalProperties: false,
        },
        link_click: {
          description: 'A link was clicked',
          type: 'object',
          properties: {
            'target url': { type: 'string', format: 'uri' },
            'element classes': { type: 'array', items: { type: 'string' } },
          },
          required: ['target url'],
        },
      },
      $defs: { stringArray: { type: 'array', items: { type: 'string' } } },
    });
  });

  it('notes the versions it chose between, in the file of the chosen one', () => {
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'CT053 "add_to_cart" has versions 1-0-0, 1-1-0; using version 1-1-0',
    ]);
    expect(diagnostics[0]!.origin?.file.path).toBe(join(dir, newest));
    expect(at(diagnostics[0]!.origin)).toBe(pos(text(newest), '"name": "add_to_cart"'));
    expect(diagnostics[0]!.related.map((o) => o.file.path)).toEqual([
      join(dir, 'com.acme/add_to_cart/jsonschema/1-0-0'),
    ]);
  });

  it('keeps each event pointing into its own file', () => {
    expect(memberOrigin(events, 'add_to_cart')?.file.path).toBe(join(dir, newest));
    expect(keyAt(events, 'add_to_cart')).toBe(pos(text(newest), '"name": "add_to_cart"'));
    expect(fileOf(events.link_click)).toBe(join(dir, 'link_click.json'));
    expect(keyAt(events.link_click.properties, 'target url')).toBe(pos(text('link_click.json'), '"target url"'));
    expect(fileOf(events.add_to_cart.properties.currency)).toBe(join(dir, newest));
    expect(nodeAt(events.add_to_cart.properties.currency)).toBe(pos(text(newest), '"currency": |{'));
    const pv = 'com.acme/productViewed/jsonschema/1-0-0';
    expect(fileOf(plan.$defs)).toBe(join(dir, pv));
    expect(keyAt(plan.$defs, 'stringArray')).toBe(pos(text(pv), '"stringArray"'));
    expect(keyAt(events.productViewed.properties.tags, '$ref')).toBe(pos(text(pv), '"$ref"'));
  });

  it('lists the files it read, for resolving the rewritten $refs', () => {
    expect(importIgluFolder(dir).sources.map((f) => f.path.slice(dir.length + 1))).toEqual([
      'com.acme/add_to_cart/jsonschema/1-0-0',
      'com.acme/add_to_cart/jsonschema/1-1-0',
      'com.acme/productViewed/jsonschema/1-0-0',
      'link_click.json',
    ]);
  });

  it('names events readably when asked', () => {
    const readable = importIgluFolder(dir, { readableNames: true });
    expect(Object.keys(readable.plan.events as Obj)).toEqual(['Add To Cart', 'Product Viewed', 'Link Click']);
  });
});

describe('a folder with problems', () => {
  const messy = fileURLToPath(new URL('./fixtures/iglu-messy', import.meta.url));

  it('reports broken JSON, files that are not schemas and one name from two vendors', () => {
    const imported = importIgluFolder(messy);
    const plan = imported.plan;
    const diagnostics = sortDiagnostics(imported.diagnostics);
    const shown = diagnostics.map((d) => `${d.code} ${d.origin?.file.path.slice(messy.length + 1)}@${at(d.origin)}`);
    expect(shown).toEqual([
      'CT001 broken/jsonschema/1-0-0@4:2', // the end of the file: after its last character
      'CT054 io.other/add_to_cart/jsonschema/1-0-0@6:3',
      'CT051 settings.json@1:1',
    ]);
    expect(diagnostics[1]!.message).toBe(
      'event "add_to_cart" appears more than once; only the first (the related place) is kept',
    );
    expect(diagnostics[1]!.related.map((r) => `${r.file.path}@${at(r)}`)).toEqual([
      `${join(messy, 'com.acme/add_to_cart/jsonschema/1-0-0')}@6:3`,
    ]);
    expect((plan.events as Obj).add_to_cart.description).toBe('Schema for an add-to-cart event');
  });

  it('reports a folder without schemas', () => {
    const empty = mkdtempSync(join(tmpdir(), 'iglu-empty-'));
    try {
      writeFileSync(join(empty, 'notes.txt'), 'not a schema');
      const { plan, diagnostics } = importIgluFolder(empty);
      expect(plain(plan)).toEqual({ name: basename(empty), events: {} });
      expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
        `CT055 found no self-describing schemas (*.json, or SchemaVer files such as 1-0-0) in ${empty}`,
      ]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('throws an IoError for a folder that does not exist', () => {
    expect(() => importIgluFolder(join(messy, 'nope'))).toThrow(IoError);
  });
});
