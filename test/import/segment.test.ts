import { describe, expect, it } from 'vitest';
import { importPlan } from '../../generator/load/import/index.js';
import { at, brief, keyAt, nodeAt, parse, plain, pos, type Obj } from './fixtures/helpers.js';

// Config API (`rules.events[]`), as Typewriter v7 saved it, with the corpus quirks: a nullable type array,
// an untyped {} property, a key with spaces, an empty event name, labels, identify and group traits.
const CONFIG_API = `{
  "create_time": "2019-06-25T22:44:43.000Z",
  "display_name": "Shop Plan",
  "name": "workspaces/acme/tracking-plans/rs_1",
  "rules": {
    "events": [
      {
        "description": "Customer paid",
        "name": "Order Completed",
        "rules": {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "labels": { "team": "checkout" },
          "properties": {
            "context": {},
            "properties": {
              "properties": {
                "order id": { "description": "the id", "type": "string" },
                "total": { "type": ["number", "null"] },
                "extra": {}
              },
              "required": ["order id"],
              "type": "object"
            },
            "traits": { "type": "object" }
          },
          "required": ["properties"],
          "type": "object"
        },
        "version": 1
      },
      {
        "description": "nameless",
        "name": "",
        "rules": { "properties": { "context": {}, "traits": {} }, "type": "object" },
        "version": 1
      }
    ],
    "group_traits": [{ "name": "company", "rules": { "properties": { "traits": {} } } }],
    "identify_traits": [
      {
        "name": "user traits",
        "rules": {
          "properties": {
            "traits": {
              "properties": { "email": { "type": "string", "format": "email" } },
              "required": ["email"],
              "type": "object"
            }
          }
        }
      }
    ]
  },
  "update_time": "2019-06-25T22:44:43.000Z"
}`;

describe('Segment Config API plans (rules.events[])', () => {
  const { file, value } = parse(CONFIG_API);
  const { plan, diagnostics } = importPlan(value, file, 'segment');
  const events = plan.events as Obj;

  it('converts events, identify traits and the name, passing quirks through unchanged', () => {
    expect(plain(plan)).toEqual({
      name: 'Shop Plan',
      identify: {
        properties: { email: { type: 'string', format: 'email' } },
        required: ['email'],
        type: 'object',
      },
      events: {
        'Order Completed': {
          description: 'Customer paid',
          properties: {
            'order id': { description: 'the id', type: 'string' },
            total: { type: ['number', 'null'] },
            extra: {},
          },
          required: ['order id'],
          type: 'object',
        },
        '': { description: 'nameless' },
      },
    });
  });

  it('skips group traits with a located note', () => {
    expect(brief(diagnostics)).toEqual([
      `CT052@${pos(CONFIG_API, '|{ "name": "company"')} group call "company" skipped: the CleverTap client generates track and identify only`,
    ]);
  });

  it('maps every converted node back to the original text', () => {
    const e = events['Order Completed'];
    expect(keyAt(events, 'Order Completed')).toBe(pos(CONFIG_API, '"name": "Order Completed"'));
    expect(keyAt(events, '')).toBe(pos(CONFIG_API, '"name": ""'));
    expect(nodeAt(e)).toBe(
      pos(CONFIG_API, '"properties": |{\n              "properties": {\n                "order id"'),
    );
    expect(keyAt(e, 'description')).toBe(pos(CONFIG_API, '"description": "Customer paid"'));
    expect(keyAt(e, 'required')).toBe(pos(CONFIG_API, '"required": ["order id"]'));
    expect(keyAt(e.properties, 'order id')).toBe(pos(CONFIG_API, '"order id": {'));
    expect(nodeAt(e.properties.total)).toBe(pos(CONFIG_API, '"total": |{'));
    expect(keyAt(e.properties.total, 'type')).toBe(pos(CONFIG_API, '"type": ["number"'));
    expect(nodeAt(e.properties.extra)).toBe(pos(CONFIG_API, '"extra": |{}'));
    expect(keyAt(plan, 'name')).toBe(pos(CONFIG_API, '"display_name"'));
    expect(keyAt(plan, 'identify')).toBe(pos(CONFIG_API, '"name": "user traits"'));
    expect(keyAt(plan.identify, 'required')).toBe(pos(CONFIG_API, '"required": ["email"]'));
    expect(nodeAt(events)).toBe(pos(CONFIG_API, '"events": |['));
  });

  it('reuses the source property schemas instead of cloning them', () => {
    const source = (value as Obj).rules.events[0].rules.properties.properties.properties;
    expect(events['Order Completed'].properties).toBe(source);
  });
});

// Public API (`rules[]`), unwrapped by Typewriter (eventMetadata), with versions, a duplicate, a page rule and an
// IDENTIFY rule in the raw API envelope.
const PUBLIC_API = `{
  "createdAt": "2022-07-22T21:47:06.000Z",
  "description": "Plan of the web shop",
  "id": "tp_1",
  "name": "Web Shop",
  "rules": [
    {
      "jsonSchema": {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "description": "first version",
        "eventMetadata": { "name": "Signed Up", "type": "TRACK" },
        "labels": {},
        "properties": { "plan": { "type": "string" } },
        "type": "object"
      },
      "key": "Signed Up",
      "type": "TRACK",
      "version": 1
    },
    {
      "jsonSchema": {
        "$id": "signed_up",
        "description": "second version",
        "eventMetadata": { "name": "Signed Up", "type": "TRACK" },
        "properties": { "plan": { "type": "string" }, "referrer": { "type": "string" } },
        "required": ["plan"],
        "type": "object"
      },
      "key": "Signed Up",
      "type": "TRACK",
      "version": 2
    },
    {
      "jsonSchema": { "eventMetadata": { "name": "Logged In", "type": "TRACK" }, "properties": {}, "type": "object" },
      "key": "Logged In",
      "type": "TRACK",
      "version": 1
    },
    {
      "jsonSchema": { "eventMetadata": { "name": "Logged In", "type": "TRACK" }, "properties": { "again": {} }, "type": "object" },
      "key": "Logged In",
      "type": "TRACK",
      "version": 1
    },
    { "jsonSchema": { "properties": {} }, "key": "Home", "type": "PAGE", "version": 1 },
    {
      "jsonSchema": {
        "properties": {
          "context": {},
          "traits": { "properties": { "plan": { "type": "string" } }, "type": "object" }
        }
      },
      "key": "",
      "type": "IDENTIFY",
      "version": 1
    }
  ],
  "slug": "",
  "type": "LIVE"
}`;

describe('Segment Public API plans (rules[])', () => {
  const { file, value } = parse(PUBLIC_API);
  const { plan, diagnostics } = importPlan(value, file, 'segment');
  const events = plan.events as Obj;

  it('keeps the highest version, the first of two equal ones, and drops API metadata', () => {
    expect(plain(plan)).toEqual({
      name: 'Web Shop',
      description: 'Plan of the web shop',
      identify: { properties: { plan: { type: 'string' } }, type: 'object' },
      events: {
        'Signed Up': {
          description: 'second version',
          properties: { plan: { type: 'string' }, referrer: { type: 'string' } },
          required: ['plan'],
          type: 'object',
        },
        'Logged In': { properties: {}, type: 'object' },
      },
    });
  });

  it('reports versions, duplicates and skipped calls where they are written', () => {
    expect(brief(diagnostics)).toEqual([
      `CT052@${pos(PUBLIC_API, '"key": "Home"')} page call "Home" skipped: the CleverTap client generates track and identify only`,
      `CT053@${pos(PUBLIC_API, '"key": "Signed Up"', 1)} "Signed Up" has versions 1, 2; using version 2`,
      `CT054@${pos(PUBLIC_API, '"key": "Logged In"', 1)} event "Logged In" appears more than once; only the first (the related place) is kept`,
    ]);
    expect(at(diagnostics[1]!.related[0])).toBe(pos(PUBLIC_API, '"key": "Signed Up"'));
    expect(at(diagnostics[2]!.related[0])).toBe(pos(PUBLIC_API, '"key": "Logged In"'));
  });

  it('points the chosen version at its own rule', () => {
    expect(keyAt(events, 'Signed Up')).toBe(pos(PUBLIC_API, '"key": "Signed Up"', 1));
    expect(keyAt(events['Signed Up'], 'description')).toBe(pos(PUBLIC_API, '"description": "second version"'));
    expect(keyAt(events['Signed Up'].properties, 'referrer')).toBe(pos(PUBLIC_API, '"referrer"'));
    expect(keyAt(plan, 'identify')).toBe(pos(PUBLIC_API, '"key": ""'));
    expect(nodeAt(plan.identify)).toBe(pos(PUBLIC_API, '"traits": |{ "properties": { "plan"'));
    expect(keyAt(plan, 'description')).toBe(pos(PUBLIC_API, '"description": "Plan of'));
  });
});

// The raw Public API envelope (no eventMetadata): properties under jsonSchema.properties.properties.
const RAW_PUBLIC_API = `{
  "name": "Raw",
  "rules": [
    {
      "key": "Song Played",
      "type": "TRACK",
      "version": 3,
      "jsonSchema": {
        "description": "A song started",
        "properties": {
          "context": {},
          "properties": {
            "properties": { "song": { "type": "string" }, "seconds": { "type": "integer" } },
            "required": ["song"],
            "type": "object"
          },
          "traits": {}
        },
        "type": "object"
      }
    },
    { "key": "Everything", "type": "COMMON", "version": 1, "jsonSchema": {} }
  ]
}`;

describe('Segment Public API plans in the raw API envelope', () => {
  const { file, value } = parse(RAW_PUBLIC_API);
  const { plan, diagnostics } = importPlan(value, file, 'segment');

  it('unwraps properties.properties and keeps the description of the rule', () => {
    expect(plain(plan)).toEqual({
      name: 'Raw',
      events: {
        'Song Played': {
          description: 'A song started',
          properties: { song: { type: 'string' }, seconds: { type: 'integer' } },
          required: ['song'],
          type: 'object',
        },
      },
    });
    expect(keyAt((plan.events as Obj)['Song Played'], 'description')).toBe(pos(RAW_PUBLIC_API, '"description"'));
    expect(brief(diagnostics)).toEqual([
      `CT052@${pos(RAW_PUBLIC_API, '"key": "Everything"')} common call "Everything" skipped: the CleverTap client generates track and identify only`,
    ]);
  });
});

// Older local plans: a top-level events[], no plan name, and hand-edited quirks: a `required` list inside
// `properties`, a `required` list inside the envelope, and `$ref`s into the rules document.
const LOCAL = `{
  "events": [
    {
      "name": "Photo Viewed",
      "description": "A photo was opened",
      "rules": {
        "definitions": { "id": { "type": "string", "maxLength": 64 } },
        "properties": {
          "properties": {
            "properties": {
              "photo id": { "$ref": "#/definitions/id" },
              "album": { "$ref": "#/properties/properties/properties/photo%20id" },
              "required": ["photo id"]
            },
            "type": "object"
          },
          "required": ["album"]
        }
      }
    }
  ]
}`;

describe('older local Segment plans (top-level events[])', () => {
  const { file, value } = parse(LOCAL, 'plans/slothgram.plan.json');
  const { plan, diagnostics } = importPlan(value, file, 'segment');
  const event = (plan.events as Obj)['Photo Viewed'];

  it('moves misplaced required lists out, carries definitions into $defs and rewrites $refs', () => {
    expect(diagnostics).toEqual([]);
    expect(plain(plan)).toEqual({
      name: 'slothgram.plan',
      events: {
        'Photo Viewed': {
          description: 'A photo was opened',
          properties: {
            'photo id': { $ref: '#/$defs/id' },
            album: { $ref: '#/events/Photo%20Viewed/properties/photo%20id' },
          },
          type: 'object',
          required: ['photo id', 'album'],
        },
      },
      $defs: { id: { type: 'string', maxLength: 64 } },
    });
  });

  it('keeps the origins of moved and rewritten members', () => {
    expect(keyAt(event, 'required')).toBe(pos(LOCAL, '"required": ["photo id"]'));
    expect(keyAt(event.required, 0)).toBe(pos(LOCAL, '[|"photo id"]'));
    expect(keyAt(event.required, 1)).toBe(pos(LOCAL, '[|"album"]'));
    expect(keyAt(event.properties, 'album')).toBe(pos(LOCAL, '"album"'));
    expect(keyAt(event.properties['photo id'], '$ref')).toBe(pos(LOCAL, '"$ref": "#/definitions/id"'));
    expect(nodeAt(event.properties['photo id'])).toBe(pos(LOCAL, '"photo id": |{'));
    expect(keyAt(plan.$defs, 'id')).toBe(pos(LOCAL, '"id": {'));
    expect(keyAt(plan, 'name')).toBe('1:1');
  });
});

describe('awkward event names', () => {
  it('keeps "__proto__" as an own event, not a prototype', () => {
    const text = '{"events": [{"name": "__proto__", "rules": {}}, {"name": "constructor"}]}';
    const { file, value } = parse(text);
    const { plan, diagnostics } = importPlan(value, file, 'segment');
    const events = plan.events as Obj;
    expect(diagnostics).toEqual([]);
    expect(Object.keys(events)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(events)).toBe(Object.prototype);
    expect(keyAt(events, '__proto__')).toBe(pos(text, '"name": "__proto__"'));
  });

  it('keeps event names it cannot accept for the checker to report', () => {
    const text = '{"events": [{"name": " Order.Done "}, {"name": "wzrk_x"}]}';
    const { file, value } = parse(text);
    expect(Object.keys(importPlan(value, file, 'segment').plan.events as Obj)).toEqual([' Order.Done ', 'wzrk_x']);
  });
});

describe('malformed Segment plans', () => {
  const cases: Array<[string, string, string[]]> = [
    ['not an object', '[1]', ['CT051@1:1 a plan file must hold a JSON object, not an array']],
    [
      'no rules or events',
      '{"name": "x", "rules": 5}',
      [
        'CT051@1:15 expected "rules" (an array of rules, or an object with an "events" array) or a top-level "events" array',
      ],
    ],
    [
      'an event that is not an object',
      '{"events": [3]}',
      ['CT051@1:13 events[0] must be an object describing an event, not a number'],
    ],
    [
      'an event without a name',
      '{"events": [{"rules": {}}]}',
      ['CT051@1:13 events[0] has no "name" (a string), so the event cannot be named'],
    ],
    [
      'rules that are not a schema',
      '{"events": [{"name": "A", "rules": []}]}',
      ['CT051@1:27 "rules" of event "A" must be an object (a JSON Schema), not an array'],
    ],
    [
      'a rule without a key',
      '{"rules": [{"type": "TRACK", "jsonSchema": {}}]}',
      ['CT051@1:12 rules[0] has no "key" (a string), so the event cannot be named'],
    ],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    const { file, value } = parse(text);
    const { plan, diagnostics } = importPlan(value, file, 'segment');
    expect(brief(diagnostics)).toEqual(expected);
    expect(plan.events).toBeTypeOf('object');
    expect(diagnostics.every((d) => d.hint.includes('Segment'))).toBe(true);
  });
});
