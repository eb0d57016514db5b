/**
 * What the properties do with a rendered plan: generate the client, write a TypeScript file that uses it, run it
 * against the fake SDK, and read the generated source back with the TypeScript parser.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { brief } from '../../helpers/plan.js';
import { fakeSdk, type Call } from '../../helpers/fake-sdk.js';
import { scratch } from '../../helpers/paths.js';
import type { LoadedClient } from '../../helpers/client.js';
import { planJson } from '../../helpers/plan.js';
import { generate, type Generated } from '../../../generator/pipeline.js';
import type { EmittedFile } from '../../../generator/emit/target.js';
import type { EventNode, Plan } from '../../../generator/model/ir.js';
import { objectOf, show, tsObject, tsOf, tsString, witnessValue, type DocSpec, type Rendered } from './plans.js';

export interface GeneratedClient {
  rendered: Rendered;
  plan: Plan;
  /** Every emitted file (index.ts, and the development checks beside it). */
  files: EmittedFile[];
  /** index.ts. */
  source: string;
}

/** Generates the client of a rendered plan; throws (with the plan) when the plan unexpectedly has errors. */
let folder: string | undefined;
let count = 0;

/** A new file name in this process's scratch folder (a module is imported once per path: every client gets its own). */
export function scratchFile(ext: string): string {
  folder ??= scratch('prop');
  return join(folder, `f${++count}${ext}`);
}

/** Removes this process's scratch folder (plans of 50 MB, thousands of clients): call it in afterAll. */
export function removeScratch(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}

export function generateClient(rendered: Rendered): GeneratedClient {
  const path = scratchFile('.json');
  writeFileSync(path, planJson(rendered.plan));
  let result: Generated;
  try {
    result = generate(path);
  } catch (e) {
    throw new Error(`generate() threw ${String(e)}\nplan:\n${show(rendered.plan)}`);
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.plan || result.files.length === 0) {
    throw new Error(
      `a valid plan was refused: ${errors.map((d) => `${brief(d)} ${d.message}`).join('; ')}\nplan:\n${show(rendered.plan)}`,
    );
  }
  return clientOf(rendered, result);
}

export function clientOf(rendered: Rendered, result: Generated): GeneratedClient {
  const index = result.files.find((f) => f.path === 'index.ts');
  if (!index) throw new Error(`no index.ts among ${result.files.map((f) => f.path).join(', ')}`);
  return { rendered, plan: result.plan!, files: result.files, source: index.content };
}

export function eventNode(c: GeneratedClient, name: string): EventNode {
  const e = c.plan.events.find((x) => x.name === name);
  if (!e) throw new Error(`event ${JSON.stringify(name)} is missing from the IR`);
  return e;
}

const takesProps = (e: EventNode): boolean => e.properties.length > 0 || e.additional !== false;

/** A TypeScript file that calls every generated function with valid values, and two misuses that must not compile. */
export function usageSource(c: GeneratedClient): string {
  const lines = [`import * as c from './index.js';`, '', 'export function use(): void {'];
  for (const call of c.rendered.calls) {
    const e = eventNode(c, call.event);
    const fn = `c[${tsString(e.functionName)}]`;
    if (!takesProps(e)) {
      lines.push(`  ${fn}();`);
      continue;
    }
    const entries = call.props.map(([k, w]): [string, string] => [k, tsOf(w)]);
    lines.push(`  ${fn}(${tsObject(entries)});`);
    if (!call.additional) {
      lines.push(
        '  // @ts-expect-error a key the plan does not have',
        `  ${fn}(${tsObject([...entries, ['not in the plan, surely', '1']])});`,
      );
    }
    if (call.required.length > 0) lines.push('  // @ts-expect-error required keys missing', `  ${fn}({});`);
  }
  const id = c.rendered.identify;
  if (id) {
    const userId = typeof id.userId === 'string' ? tsString(id.userId) : String(id.userId);
    lines.push(
      id.hasTraits
        ? `  c.identify(${userId}, ${tsObject(id.traits.map(([k, w]) => [k, tsOf(w)]))});`
        : `  c.identify(${userId});`,
    );
    lines.push(`  c.updateProfile(${tsObject(id.traits.map(([k, w]) => [k, tsOf(w)]))});`);
  }
  lines.push(
    `  c.identify('u-1');`,
    '  // @ts-expect-error neither an identity nor an e-mail address',
    '  c.identify({});',
    '}',
    '',
  );
  return lines.join('\n');
}

/** What the SDK must receive when every call is made once: exactly the plan's names and keys, values untouched. */
export function expectedCalls(c: GeneratedClient): Call[] {
  const out: Call[] = c.rendered.calls.map((call) => {
    const e = eventNode(c, call.event);
    return ['event', call.event, takesProps(e) ? objectOf(call.props.map(([k, w]) => [k, witnessValue(w)])) : {}];
  });
  const id = c.rendered.identify;
  if (id) {
    const fields = new Map(id.fields);
    const site = id.traits.map(([k, w]): [string, unknown] => [fields.get(k)!, witnessValue(w)]);
    out.push(['onUserLogin', { Site: objectOf([...site, ['Identity', id.userId]]) }]);
    // an empty profile push is not sent: it would say nothing
    if (site.length > 0) out.push(['profile', { Site: objectOf(site) }]);
  }
  return out;
}

/** Calls every generated function once (identify and updateProfile too) with fresh values. */
export function callAll(client: LoadedClient, c: GeneratedClient): void {
  for (const call of c.rendered.calls) {
    const e = eventNode(c, call.event);
    const fn = client[e.functionName];
    if (typeof fn !== 'function')
      throw new Error(`the client exports no ${e.functionName}() for ${JSON.stringify(call.event)}`);
    if (takesProps(e)) fn(objectOf(call.props.map(([k, w]) => [k, witnessValue(w)])));
    else fn();
  }
  const id = c.rendered.identify;
  if (id) {
    const traits = () => objectOf(id.traits.map(([k, w]) => [k, witnessValue(w)]));
    if (id.hasTraits) client.identify(id.userId, traits());
    else client.identify(id.userId);
    client.updateProfile(traits());
  }
}

/** A call as comparable data: names, keys in order, values (Dates as `Date(ms)`). */
export function describeCalls(calls: readonly Call[]): unknown[] {
  const plain = (v: unknown): unknown =>
    v instanceof Date
      ? `Date(${v.getTime()})`
      : Array.isArray(v)
        ? v.map(plain)
        : typeof v === 'object' && v !== null
          ? Object.entries(v).map(([k, x]) => [k, plain(x)])
          : v;
  return calls.map((c) => plain(c));
}

/** Writes the client's files to a new folder and imports its index.ts (a fresh module: a new path each time). */
export async function importClient(c: GeneratedClient): Promise<LoadedClient> {
  const dir = scratchFile('');
  mkdirSync(dir);
  for (const f of c.files) writeFileSync(join(dir, f.path), f.content);
  return (await import(/* @vite-ignore */ join(dir, 'index.ts'))) as LoadedClient;
}

/** The client's files and a file using it, in a new virtual folder, for the compiler. */
export function programFiles(c: GeneratedClient, dir: string): Array<[string, string]> {
  return [
    ...c.files.map((f): [string, string] => [join(dir, f.path), f.content]),
    [join(dir, 'use.ts'), usageSource(c)],
  ];
}

export { fakeSdk };

// ---------------------------------------------------------------------------------------------------------------
// Reading the generated source back.

/**
 * The keys of each event's development-mode rules, when the client keeps them as the checks module does today
 * (`const EVENTS = new Map(JSON.parse("[[name, [rules, open]], ...]"))`); undefined when it keeps them otherwise.
 */
function rulesOf(c: GeneratedClient): Map<string, string[]> | undefined {
  for (const f of c.files) {
    const sf = ts.createSourceFile(f.path, f.content, ts.ScriptTarget.ES2022, true);
    for (const st of sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== 'EVENTS' || !d.initializer) continue;
        let literal: ts.StringLiteral | undefined;
        const visit = (n: ts.Node): void => {
          if (!literal && ts.isStringLiteral(n)) literal = n;
          else n.forEachChild(visit);
        };
        visit(d.initializer);
        if (!literal) return undefined;
        const entries = JSON.parse(literal.text) as Array<[string, [Array<[string, ...unknown[]]>, ...unknown[]]]>;
        return new Map(entries.map(([name, [rules]]) => [name, rules.map((r) => r[0])]));
      }
    }
  }
  return undefined;
}

/** The escaping a block comment needs, as the issue allows it: line breaks become lines, `*\/` cannot end it. */
export function commentForm(s: string): string {
  return s
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matches the control characters a comment must escape
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

const trimLines = (s: string): string[] => {
  const lines = s.split('\n').map((l) => l.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines;
};

/** The text of the JSDoc block right before `node`, as the scanner sees it, without the `/**`, `*\/` and ` * ` prefixes. */
export function jsdocText(sf: ts.SourceFile, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  const last = ranges[ranges.length - 1];
  if (!last || last.kind !== ts.SyntaxKind.MultiLineCommentTrivia) return undefined;
  const raw = sf.text.slice(last.pos, last.end);
  if (!raw.startsWith('/**')) return undefined;
  return raw
    .slice(3, -2)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').replace(/[ \t]+$/, ''))
    .join('\n');
}

/** Problems with one JSDoc: each documented text must be there, whole, inside the comment. */
export function docProblems(where: string, doc: string | undefined, d: DocSpec): string[] {
  const texts = [d.description, d.title, typeof d.deprecated === 'string' ? d.deprecated : undefined]
    .filter((t): t is string => t !== undefined)
    .filter((t) => trimLines(commentForm(t)).length > 0); // blank text: nothing to document
  if (texts.length === 0) return [];
  if (doc === undefined) return [`${where}: no JSDoc`];
  const have = doc
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n');
  return texts.flatMap((t) => {
    const want = trimLines(commentForm(t)).join('\n');
    return have.includes(want)
      ? []
      : [`${where}: JSDoc ${JSON.stringify(have)} does not contain ${JSON.stringify(want)}`];
  });
}

/**
 * The keys in the order a JavaScript object holds them: integer-like keys first, ascending (the plan is read into
 * plain objects, so a key "0" comes before a key "a" written above it); the rest as written.
 */
const jsOrder = (keys: readonly string[]): string[] => Object.keys(objectOf(keys.map((k) => [k, 1])));

const nameText = (n: ts.PropertyName | ts.BindingName | undefined): string | undefined =>
  n === undefined
    ? undefined
    : ts.isIdentifier(n) || ts.isPrivateIdentifier(n)
      ? ts.idText(n)
      : ts.isStringLiteral(n) || ts.isNumericLiteral(n)
        ? n.text
        : undefined;

/**
 * Reads the generated client with the TypeScript parser and lists every way it differs from the plan: a syntax error,
 * a function that does not send the exact name, an interface or a rules table whose keys are not the plan's, or a
 * description that is not whole inside its comment. Empty when all is well.
 */
export function sourceProblems(c: GeneratedClient): string[] {
  const problems: string[] = [];
  for (const f of c.files) {
    const out = ts.transpileModule(f.content, {
      reportDiagnostics: true,
      fileName: f.path,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    });
    for (const d of (out.diagnostics ?? []).slice(0, 3)) {
      const at = d.start ?? 0;
      problems.push(
        `${f.path}: syntax: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')} at ${JSON.stringify(f.content.slice(Math.max(0, at - 60), at + 40))}`,
      );
    }
    // the header is two line comments, whatever the plan's name and version
    const lines = f.content.split('\n');
    if (!lines[0]!.startsWith('// ') || /[\r\u2028\u2029]/.test(lines[0]!) || !lines[1]!.startsWith('// @generated'))
      problems.push(`${f.path}: header ${JSON.stringify(lines.slice(0, 2))}`);
  }
  const sf = ts.createSourceFile('index.ts', c.source, ts.ScriptTarget.ES2022, true);
  const eventRules = rulesOf(c);

  const functions = new Map<string, ts.FunctionDeclaration>();
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) functions.set(ts.idText(st.name), st);
    if (ts.isInterfaceDeclaration(st)) interfaces.set(ts.idText(st.name), st);
  }

  for (const call of c.rendered.calls) {
    const e = eventNode(c, call.event);
    const where = JSON.stringify(call.event);
    const fn = functions.get(e.functionName);
    if (!fn) {
      problems.push(`${where}: no function ${e.functionName}`);
      continue;
    }
    const body = fn.body!.statements;
    const sent =
      body.length === 1 && ts.isExpressionStatement(body[0]!) && ts.isCallExpression(body[0].expression)
        ? body[0].expression
        : undefined;
    const arg = sent?.arguments[0];
    if (
      !sent ||
      !ts.isIdentifier(sent.expression) ||
      sent.expression.text !== 'track' ||
      !arg ||
      !ts.isStringLiteral(arg) ||
      arg.text !== call.event
    ) {
      problems.push(
        `${where}: ${e.functionName}() does not send exactly this name: ${fn.body!.getText(sf).slice(0, 300)}`,
      );
    }
    problems.push(...docProblems(`${where} function`, jsdocText(sf, fn), call.docs));
    if (!takesProps(e)) continue;
    const decl = interfaces.get(e.typeName);
    if (!decl) {
      problems.push(`${where}: no interface ${e.typeName}`);
      continue;
    }
    const members = decl.members.filter(ts.isPropertySignature);
    const keys = members.map((m) => nameText(m.name));
    const planKeys = jsOrder(call.keys);
    if (JSON.stringify(keys) !== JSON.stringify(planKeys))
      problems.push(`${where}: interface keys ${JSON.stringify(keys)}, plan keys ${JSON.stringify(planKeys)}`);
    const index = decl.members.some(ts.isIndexSignatureDeclaration);
    if (index !== call.additional)
      problems.push(`${where}: index signature ${index}, additionalProperties ${call.additional}`);
    for (const [k, d] of call.propDocs) {
      const m = members.find((x) => nameText(x.name) === k);
      if (m) problems.push(...docProblems(`${where} property ${JSON.stringify(k)}`, jsdocText(sf, m), d));
    }
    if (eventRules) {
      const ruleKeys = eventRules.get(call.event);
      if (JSON.stringify(ruleKeys ?? []) !== JSON.stringify(planKeys))
        problems.push(`${where}: rules keys ${JSON.stringify(ruleKeys)}, plan keys ${JSON.stringify(planKeys)}`);
    }
  }
  const id = c.rendered.identify;
  if (id) {
    const decl = interfaces.get('IdentifyTraits');
    const keys = decl?.members.filter(ts.isPropertySignature).map((m) => nameText(m.name));
    const want = jsOrder(id.traits.map(([k]) => k));
    if (JSON.stringify(keys) !== JSON.stringify(want))
      problems.push(`identify: trait keys ${JSON.stringify(keys)}, plan ${JSON.stringify(want)}`);
    for (const [k, d] of id.docs ?? []) {
      const m = decl?.members.filter(ts.isPropertySignature).find((x) => nameText(x.name) === k);
      if (m) problems.push(...docProblems(`trait ${JSON.stringify(k)}`, jsdocText(sf, m), d));
    }
  }
  return problems;
}
