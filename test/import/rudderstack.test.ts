import { describe, expect, it } from 'vitest';
import { importPlan } from '../../generator/load/import/index.js';
import { originOf } from '../../generator/load/source.js';
import { brief, keyAt, nodeAt, parse, plain, pos, type Obj } from './fixtures/helpers.js';

// A RudderStack data-catalog plan: every call type, one-element type arrays (nested too), nullable and
// multi-type arrays left alone, an untyped {} property, a key with spaces.
const CATALOG = `{
  "config": { "identify": "traits", "track": "properties" },
  "createdAt": "2024-08-20T05:25:29.033Z",
  "creationType": "Template",
  "description": "Ecommerce Tracking Plan",
  "id": "tp_2kuRZPE6pJYlWqdjC127h9BYJKq",
  "name": "Ecommerce",
  "rules": {
    "events": [
      {
        "description": "Sample Identify event",
        "eventType": "identify",
        "name": "",
        "rules": {
          "properties": {
            "traits": {
              "properties": { "email": { "type": ["string"] } },
              "required": [],
              "type": "object"
            }
          }
        }
      },
      { "eventType": "page", "name": "Home", "rules": {} },
      { "eventType": "screen", "name": "", "rules": {} },
      { "eventType": "group", "name": "Company", "rules": {} },
      {
        "description": "When a visitor views their cart",
        "eventType": "track",
        "name": "Cart Viewed",
        "rules": {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "description": "When a visitor views their cart",
          "properties": {
            "properties": {
              "additionalProperties": true,
              "properties": {
                "cart id": { "description": "the cart", "type": ["string"] },
                "products": { "type": ["array"], "items": { "type": ["object"] } },
                "source": { "type": ["array", "string"] },
                "coupon": { "type": ["string", "null"] },
                "note": {}
              },
              "required": ["cart id"],
              "type": "object"
            }
          },
          "type": "object"
        }
      }
    ]
  },
  "version": 3,
  "workspaceId": "ws"
}`;

describe('RudderStack data-catalog plans', () => {
  const { file, value } = parse(CATALOG);
  const { plan, diagnostics } = importPlan(value, file, 'rudderstack');
  const cart = (plan.events as Obj)['Cart Viewed'];

  it('keeps track events and identify, normalizing one-element type arrays only', () => {
    expect(plain(plan)).toEqual({
      name: 'Ecommerce',
      version: '3',
      description: 'Ecommerce Tracking Plan',
      identify: {
        description: 'Sample Identify event',
        properties: { email: { type: 'string' } },
        required: [],
        type: 'object',
      },
      events: {
        'Cart Viewed': {
          description: 'When a visitor views their cart',
          additionalProperties: true,
          properties: {
            'cart id': { description: 'the cart', type: 'string' },
            products: { type: 'array', items: { type: 'object' } },
            source: { type: ['array', 'string'] },
            coupon: { type: ['string', 'null'] },
            note: {},
          },
          required: ['cart id'],
          type: 'object',
        },
      },
    });
  });

  it('skips page, screen and group calls with notes at their names', () => {
    expect(brief(diagnostics)).toEqual([
      `CT052@${pos(CATALOG, '"name": "Home"')} page call "Home" skipped: the CleverTap client generates track and identify only`,
      `CT052@${pos(CATALOG, '"name": ""', 1)} screen call "" skipped: the CleverTap client generates track and identify only`,
      `CT052@${pos(CATALOG, '"name": "Company"')} group call "Company" skipped: the CleverTap client generates track and identify only`,
    ]);
  });

  it('gives normalized copies the origins of their sources', () => {
    const cartId = cart.properties['cart id'];
    expect(nodeAt(cartId)).toBe(pos(CATALOG, '"cart id": |{'));
    expect(keyAt(cartId, 'type')).toBe(pos(CATALOG, '"type": ["string"] }', 1));
    expect(keyAt(cartId, 'description')).toBe(pos(CATALOG, '"description": "the cart"'));
    expect(nodeAt(cart.properties.products.items)).toBe(pos(CATALOG, '"items": |{'));
    expect(nodeAt(cart.properties)).toBe(pos(CATALOG, '"properties": |{\n                "cart id"'));
    expect(keyAt(cart.properties, 'note')).toBe(pos(CATALOG, '"note"'));
    expect(keyAt(plan.events, 'Cart Viewed')).toBe(pos(CATALOG, '"name": "Cart Viewed"'));
    expect(keyAt(plan, 'identify')).toBe(pos(CATALOG, '"name": ""'));
    expect(keyAt((plan.identify as Obj).properties.email, 'type')).toBe(pos(CATALOG, '"type": ["string"]'));
    expect(keyAt(plan, 'version')).toBe(pos(CATALOG, '"version": 3'));
  });

  it('leaves unchanged schemas as the very same objects', () => {
    const source = (value as Obj).rules.events[4].rules.properties.properties.properties;
    expect(cart.properties.source).toBe(source.source);
    expect(cart.properties.coupon).toBe(source.coupon);
    expect(cart.properties['cart id']).not.toBe(source['cart id']);
    expect(originOf(cart.properties['cart id'])?.pointer).toBe(
      '/rules/events/4/rules/properties/properties/properties/cart id',
    );
  });
});

// rudder-cli (rudder-iac) plans: a top-level events[], identitySection, per-event $defs that clash by name.
const TYPER = `{
  "name": "Typer",
  "events": [
    {
      "name": "First",
      "eventType": "track",
      "identitySection": "properties",
      "rules": {
        "type": "object",
        "properties": {
          "properties": {
            "properties": { "kind": { "$ref": "#/$defs/Kind" }, "size": { "$ref": "#/$defs/Size" } },
            "type": "object"
          }
        },
        "$defs": {
          "Kind": { "type": ["string"], "enum": ["a", "b"] },
          "Size": { "type": ["integer"] }
        }
      }
    },
    {
      "name": "Second",
      "eventType": "track",
      "identitySection": "properties",
      "rules": {
        "properties": {
          "properties": {
            "properties": { "kind": { "$ref": "#/$defs/Kind" }, "size": { "$ref": "#/$defs/Size" } }
          }
        },
        "$defs": {
          "Kind": { "type": ["string"], "enum": ["c"] },
          "Size": { "type": ["integer"] }
        }
      }
    },
    {
      "name": "Who",
      "eventType": "identify",
      "identitySection": "context.traits",
      "rules": {
        "properties": {
          "context": { "properties": { "traits": { "properties": { "plan": { "$ref": "#/$defs/Kind" } } } } }
        },
        "$defs": { "Kind": { "type": ["string"], "enum": ["c"] } }
      }
    }
  ]
}`;

describe('RudderStack plans with per-event $defs', () => {
  const { file, value } = parse(TYPER, 'typer.json');
  const { plan, diagnostics } = importPlan(value, file, 'rudderstack');
  const defs = plan.$defs as Obj;

  it('carries $defs into the plan, renaming a clash and rewriting the $refs that point at it', () => {
    expect(diagnostics).toEqual([]);
    expect(plain(plan)).toEqual({
      name: 'Typer',
      identify: { properties: { plan: { $ref: '#/$defs/Kind_2' } } },
      events: {
        First: { properties: { kind: { $ref: '#/$defs/Kind' }, size: { $ref: '#/$defs/Size' } }, type: 'object' },
        Second: { properties: { kind: { $ref: '#/$defs/Kind_2' }, size: { $ref: '#/$defs/Size' } } },
      },
      $defs: {
        Kind: { type: 'string', enum: ['a', 'b'] },
        Size: { type: 'integer' },
        Kind_2: { type: 'string', enum: ['c'] },
      },
    });
  });

  it('points definitions and rewritten $refs at their source', () => {
    expect(keyAt(defs, 'Kind')).toBe(pos(TYPER, '"Kind": {'));
    expect(keyAt(defs, 'Kind_2')).toBe(pos(TYPER, '"Kind": {', 1));
    expect(nodeAt(defs.Kind_2)).toBe(pos(TYPER, '"Kind": |{', 1));
    const secondKind = (plan.events as Obj).Second.properties.kind;
    expect(keyAt(secondKind, '$ref')).toBe(pos(TYPER, '"$ref": "#/$defs/Kind"', 1));
    expect(nodeAt(secondKind)).toBe(pos(TYPER, '"kind": |{', 1));
  });
});

describe('RudderStack plans in the legacy Segment-like shape', () => {
  const LEGACY = `{
  "display_name": "Data Catalog Event Tracking",
  "name": "workspaces/1R/tracking-plans/tp_2c",
  "rules": { "events": [
    { "id": "ev_2b", "name": "catalogAddNewEvent", "version": "2-0-0",
      "rules": { "properties": { "context": {}, "properties": { "properties": { "type": { "type": ["string"] } }, "type": "object" }, "traits": {} } } }
  ] },
  "version": 1
}`;
  it('reads them like Segment plans, with SchemaVer event versions', () => {
    const { file, value } = parse(LEGACY);
    const { plan, diagnostics } = importPlan(value, file, 'rudderstack');
    expect(diagnostics).toEqual([]);
    expect(plain(plan)).toEqual({
      name: 'Data Catalog Event Tracking',
      version: '1',
      events: { catalogAddNewEvent: { properties: { type: { type: 'string' } }, type: 'object' } },
    });
  });
});
