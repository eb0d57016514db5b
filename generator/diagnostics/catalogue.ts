/**
 * Every diagnostic the generator can report: a stable code, a severity, a message and a fix hint, with the
 * source of each CleverTap limit. Codes never change meaning; retire a code rather than reuse it.
 * CT0xx: the plan file and its structure; CT05x: imported formats; CT1xx: event names; CT2xx: property keys;
 * CT3xx: property values; CT4xx: the Charged event; CT5xx: identify traits; CT6xx: transformation policies;
 * CT9xx: the config file (codegen.config.json).
 */
import type { Severity } from './diagnostic.js';

export interface DiagnosticSpec {
  severity: Severity;
  message: string;
  hint: string;
}

const error = (message: string, hint: string): DiagnosticSpec => ({ severity: 'error', message, hint });
const warning = (message: string, hint: string): DiagnosticSpec => ({ severity: 'warning', message, hint });
const note = (message: string, hint: string): DiagnosticSpec => ({ severity: 'note', message, hint });

export const CATALOGUE = {
  // The plan file and its structure
  CT001: error('{detail}', 'fix the JSON syntax at this position'),
  CT002: error(
    'key "{key}" appears twice in this object; JSON readers silently keep only the last',
    'remove or rename one of the two',
  ),
  CT003: error('a tracking plan must be a JSON object, not {actual}', 'start from the example in the README'),
  CT004: error('the plan has no "{key}"', 'add "{key}": {example}'),
  CT005: error(
    'unknown top-level key "{key}"',
    'the plan allows $schema, name, version, description, events, identify, $defs, definitions, transform and x-* keys; is it a typo?',
  ),
  CT006: error('"{key}" must be {expected}, not {actual}', 'change it to {expected}'),
  CT007: error(
    'the schema of {what} must be an object schema, not {actual}',
    'describe it with "properties" (or {} for none)',
  ),
  CT008: error(
    'required lists "{key}", which "properties" does not define',
    'define "{key}" under "properties", or remove it from "required"',
  ),
  CT010: error('$ref "{ref}" points at nothing', 'check the pointer; it is resolved against {base}'),
  CT011: error('$ref "{ref}" is part of a cycle', 'a property must resolve to a scalar schema; break the cycle'),
  CT012: error('cannot read "{path}", named by $ref: {detail}', 'refer to a file that exists, relative to the plan'),
  CT013: error(
    '$ref "{ref}" is neither a pointer in this plan nor a relative file',
    'copy the schema into $defs: the generator works offline and never fetches',
  ),
  CT014: warning(
    '"{keyword}" restricts values but the generator cannot express or check it; it is ignored',
    'express the rule with type, enum, pattern, format or bounds, or move it to an x- key',
  ),
  CT015: warning(
    'unknown format "{format}" is treated as a plain string{didYouMean}',
    'use date, date-time, email, uri, uuid, ipv4, ipv6 or hostname, or drop it',
  ),
  CT016: error('{detail}', 'make the schema consistent'),
  CT017: warning(
    '"{keyword}" is no keyword the generator reads, so it has no effect{didYouMean}',
    'fix the spelling, or move your own data to an x- key',
  ),

  // Imported formats
  CT050: error(
    'cannot tell which kind of tracking plan this is',
    'name it with --from native, segment, rudderstack or iglu',
  ),
  CT051: error('{detail}', 'this does not look like a {format} plan; check --from'),
  CT052: note('{kind} call "{name}" skipped: the CleverTap client generates track and identify only', 'nothing to do'),
  CT053: note('"{name}" has versions {versions}; using version {version}', 'remove the versions you no longer send'),
  CT054: error(
    '{what} appears more than once; only the first (the related place) is kept',
    'rename or remove one of them',
  ),
  CT055: error(
    'found no self-describing schemas (*.json, or SchemaVer files such as 1-0-0) in {dir}',
    'point at a folder of Iglu schemas',
  ),
  CT056: warning('"type": {type} is not a JSON Schema type; read as {as}', 'write {fix}'),

  // Event names
  CT101: error('an event name must not be empty', 'give the event a name'),
  CT102: error(
    'event name "{name}" contains {chars}, which CleverTap rejects or deletes',
    'remove {chars} from the name',
  ),
  CT103: error('event name "{name}" starts or ends with whitespace, which the SDKs trim', 'use "{trimmed}"'),
  CT104: error(
    'event name "{name}" is {length} characters long; CleverTap allows at most {max}',
    'shorten it to {max} characters or fewer',
  ),
  CT105: error(
    '"{name}" is a CleverTap system event; CleverTap drops or rejects it',
    'rename the event (CleverTap records "{system}" itself)',
  ),
  CT106: error('"{name}" must be spelled exactly "Charged" to be CleverTap\'s revenue event', 'rename it to "Charged"'),
  CT107: error(
    '"{name}" and "{other}" are one event in CleverTap (names are compared ignoring case)',
    'remove or rename one of them',
  ),
  CT108: error(
    'the plan has {count} events; CleverTap allows at most {max} event types',
    'remove events you no longer send',
  ),
  CT109: error(
    '"{name}" and "{other}" would both generate {identifier}()',
    'rename one of the events so their words differ, or name its function with a transformation policy\'s "rename": {"functions": {...}}',
  ),
  CT110: error(
    'event name "{name}" has no letters or digits to name a function after',
    'give the event a name with letters',
  ),

  // Property keys
  CT201: error('a property key must not be empty', 'give the property a name'),
  CT202: error(
    'property key "{name}" contains {chars}, which CleverTap rejects or deletes',
    'remove {chars} from the key',
  ),
  CT203: error('property key "{name}" starts or ends with whitespace, which the SDKs trim', 'use "{trimmed}"'),
  CT204: error(
    'property key "{name}" is {length} characters long; CleverTap allows at most {max}',
    'shorten it to {max} characters or fewer',
  ),
  CT205: error('property key "{name}" starts with "wzrk_", which CleverTap reserves for itself', 'rename the key'),
  CT206: error('{what} has {count} properties; CleverTap accepts at most {max}', 'split the event or drop properties'),
  CT207: warning(
    '{what} has {count} properties; newer CleverTap accounts accept {max} and the web SDK reports an error past {max}',
    'keep events to {max} properties or fewer',
  ),
  CT208: warning(
    'property keys "{name}" and "{other}" differ only in case',
    'use one spelling: dashboards show both and people will confuse them',
  ),

  // Property values
  CT301: error(
    '{what} "{name}" is {actual}; CleverTap accepts only scalars (string, number, boolean, date) here',
    '{fix}',
  ),
  CT302: error('{what} "{name}" has no type', 'give it a scalar type, for example "type": "string"'),
  CT303: error(
    'maxLength {value} of "{name}" is over {max}; CleverTap keeps at most {max} bytes',
    'set maxLength to {max} or less',
  ),
  CT304: warning(
    '"{name}" allows null; the SDK drops null values, so null means "not sent"',
    'make the property optional instead of nullable',
  ),
  CT305: error('"{name}" has an empty or contradictory enum/const', "list at least one value of the property's type"),
  CT307: warning(
    'value {value} of "{name}" has a quote, a backslash or outer whitespace, which CleverTap deletes from values',
    'send a value CleverTap keeps as it is',
  ),
  CT308: error(
    'property "{name}" has the schema false: no value of it can ever be sent',
    'remove the property, or give it a schema of the values it takes',
  ),
  CT306: error(
    'the pattern of "{name}" is not a valid JavaScript regular expression with the u flag: {detail}',
    'the client runs new RegExp(pattern, "u"), which rejects needless escapes such as \\- outside [...]; fix or drop the pattern',
  ),

  // The Charged event
  CT401: error(
    'Charged "Items" must be an array of objects, not {actual}',
    'declare "Items": {"type": "array", "items": {"type": "object", "properties": {...}}}',
  ),
  CT402: error(
    'Charged "Items" allows {value} items; CleverTap accepts at most {max}',
    'set maxItems to {max} or less',
  ),
  CT403: warning(
    'Charged "Items" {detail}; the web SDK reports error 522 past {max} items',
    'set "maxItems": {max} or less',
  ),

  // identify traits
  CT501: error('trait "{name}" is CleverTap\'s {field}, which must be {expected}', '{fix}'),
  CT502: error('traits "{name}" and "{other}" are both CleverTap\'s {field}', 'keep one of them'),
  CT503: error('trait "{name}" is a multi-value property: {detail}', '{fix}'),
  CT504: error(
    'identify has {count} custom traits; CleverTap allows at most {max} custom profile properties',
    'drop traits you do not use',
  ),
  CT505: error(
    'trait "{name}" would be the identity: identity is identify()\'s first argument',
    'remove "{name}" from the traits',
  ),
  CT506: warning(
    'multi-value trait "{name}" has no maxItems; CleverTap keeps at most {max} values',
    'set "maxItems": {max} or less',
  ),
  CT507: warning(
    'trait "{name}" is sent as a custom property, not as CleverTap\'s standard {field}',
    'rename it to "{field}" to fill the standard field, or give it a name that does not look like one',
  ),

  // Transformation policies (generator/transform/, docs/transformations.md)
  CT601: error(
    'unknown transformation key "{key}"',
    'a policy takes flatten, arrays, arrayObjects, untyped, sanitize, rename, events and severity{suggestion}',
  ),
  CT602: error('"{key}" must be {expected}, not {actual}', 'change it to {expected}'),
  CT603: error('severity names "{code}", which is no diagnostic code', 'use a code the checker reports, such as CT303'),
  CT604: error(
    '{code} cannot be set to "{level}": {consequence}',
    'fix the plan, or transform the property (see docs/transformations.md)',
  ),
  CT605: warning(
    '{what} "{name}" matches no {target} of the plan',
    'check the spelling: names are matched exactly (in "events" lists, * matches any run of characters and ? one)',
  ),
  CT606: warning(
    'the plan\'s "transform" is replaced by the policy given with {source}',
    'keep one policy: remove the plan\'s "transform", or the option',
  ),
  CT610: error(
    '{what} "{name}" and "{other}" both become the key "{key}" of event "{event}"',
    'rename one of them with "rename": {"properties": {...}}',
  ),
  CT611: error(
    '"{name}" joined into one string can be {length} characters long; CleverTap keeps at most {max} bytes',
    'lower maxItems or the items\' maxLength, or use "arrays": "count"',
  ),
  CT612: error(
    '"{name}" is an array of objects; "arrayObjects": "index" needs its maxItems to know the keys',
    'set "maxItems" on "{name}", or use "arrayObjects": "drop"',
  ),
  CT613: warning(
    '"{name}" is an array of objects and is left out (the policy does not say how to send it)',
    'set "arrayObjects": "index" to send its members as flat keys, or "drop" to accept it',
  ),
  CT614: warning(
    'object "{name}" {why}; only declared properties are flattened, other keys are not sent',
    'declare the properties CleverTap should receive',
  ),
  CT615: warning(
    '"{name}" sent as a JSON string has quotes, which CleverTap deletes from values: ["a","b"] arrives as [a,b]',
    'use "arrays": "join" for lists of strings, or accept the change',
  ),

  // The config file (codegen.config.json, or "codegen" in package.json)
  CT901: error('unknown key "{key}" in {where}', '{where} allows {allowed}; is it a typo?'),
  CT902: error('"{key}" must be {expected}, not {actual}', 'change it to {expected}'),
  CT903: error('{where} has no "{key}"', 'add "{key}": {example}'),
  CT904: error(
    '"{code}" is not a rule code of clevertap-codegen',
    'use a code from the diagnostics catalogue, such as CT207',
  ),
  CT905: error(
    '{code} cannot be set to "{level}": {consequence}',
    'remove "{code}" from severity (warnings and notes can be changed; docs/transformations.md says which errors can be warnings)',
  ),
  CT906: error('outputs {first} and {second} both write to "{out}"', 'give each output its own "out" folder'),
} as const satisfies Record<string, DiagnosticSpec>;

export type Code = keyof typeof CATALOGUE;

/**
 * Errors a transformation policy may make warnings (`"severity": {"CT303": "warning"}`), each with what CleverTap
 * then does. Every other error loses or merges data when violated (a name deleted, an event dropped, a value
 * refused), so it cannot be downgraded.
 */
export const DOWNGRADABLE: Partial<Record<Code, string>> = {
  CT303: 'CleverTap keeps the first 512 bytes of a longer value',
  CT611: 'CleverTap keeps the first 512 bytes of a longer value',
};
