/**
 * Finds the generated clients in a program and the functions they export: each `track…` function with the event
 * it sends, `identify` and `updateProfile`. A client file is one that carries the generator's marker.
 */
import type { ts as TS } from 'ts-morph';
import { GENERATED_MARKER } from '../emit/target.js';

export type FunctionKind = 'event' | 'profile';

export interface ClientFunction {
  /** The exported name, e.g. `trackProductViewed`. */
  name: string;
  kind: FunctionKind;
  /** The event the function sends (kind `event`); undefined when the client does not say. */
  event: string | undefined;
  /** The client file that declares it (absolute path), and the line of the declaration. */
  file: string;
  line: number;
}

export interface ClientFile {
  file: string;
  /** The compiler's module symbol, to tell whether an import names an export the client has. */
  module: TS.Symbol | undefined;
  functions: ClientFunction[];
}

const PROFILE_FUNCTIONS = new Set(['identify', 'updateProfile']);
// The JSDoc line every generated track function carries; the name is JSON-quoted (see emit/web/view.ts)
const SENDS = /^\s*\*?\s*Sends ("(?:[^"\\]|\\.)*") to CleverTap\.\s*$/m;

/** Whether a file is generated: the marker sits in the header, in the first few lines. */
export function isGenerated(text: string): boolean {
  return text.slice(0, 400).includes(GENERATED_MARKER);
}

/**
 * The generated clients among the program's files, in path order. `within` (absolute
 * directories) keeps only clients inside one of them.
 */
export function findClients(ts: typeof TS, program: TS.Program, within: string[] = []): ClientFile[] {
  const checker = program.getTypeChecker();
  const clients: ClientFile[] = [];
  for (const sf of program.getSourceFiles()) {
    // node_modules too: a client published as a package of its own is imported from there
    if (!isGenerated(sf.text)) continue;
    if (within.length > 0 && !within.some((dir) => sf.fileName.startsWith(dir.endsWith('/') ? dir : `${dir}/`)))
      continue;
    const functions = clientFunctions(ts, sf);
    if (functions.length === 0) continue; // checks.ts: generated, but no functions an app calls
    clients.push({ file: sf.fileName, module: checker.getSymbolAtLocation(sf), functions });
  }
  return clients.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The exported track functions (and methods, for a client class), identify and updateProfile of one file. */
function clientFunctions(ts: typeof TS, sf: TS.SourceFile): ClientFunction[] {
  const out = new Map<string, ClientFunction>();
  const add = (node: TS.FunctionDeclaration | TS.MethodDeclaration | TS.MethodSignature, name: string) => {
    const kind: FunctionKind | undefined = PROFILE_FUNCTIONS.has(name)
      ? 'profile'
      : /^track\P{Ll}/u.test(name)
        ? 'event'
        : undefined;
    if (!kind) return;
    const previous = out.get(name);
    // Overloads: the implementation (with the body) knows the event; keep the first that does
    if (previous && (previous.event !== undefined || kind === 'profile')) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.set(name, { name, kind, event: kind === 'event' ? eventOf(ts, sf, node) : undefined, file: sf.fileName, line });
  };
  const visitMembers = (members: TS.NodeArray<TS.ClassElement | TS.TypeElement>) => {
    for (const m of members) {
      if ((ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) && ts.isIdentifier(m.name)) add(m, m.name.text);
    }
  };
  for (const st of sf.statements) {
    const exported =
      ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(st) && st.name) add(st, st.name.text);
    else if (ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st)) visitMembers(st.members);
  }
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The event a track function sends: the string literal its body passes first (`track("Product Viewed", …)`), or,
 * in a declaration file (a `--language js` client), the JSDoc line `Sends "Product Viewed" to CleverTap.`.
 */
function eventOf(ts: typeof TS, sf: TS.SourceFile, node: TS.Node): string | undefined {
  let found: string | undefined;
  const visit = (n: TS.Node): void => {
    if (found !== undefined) return;
    if (ts.isCallExpression(n) && n.arguments.length > 0) {
      const first = n.arguments[0]!;
      if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) {
        found = first.text;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  const body = (node as TS.FunctionDeclaration).body;
  if (body) visit(body);
  if (found !== undefined) return found;
  for (const range of ts.getLeadingCommentRanges(sf.text, node.pos) ?? []) {
    const m = SENDS.exec(sf.text.slice(range.pos, range.end));
    if (m) {
      try {
        return JSON.parse(m[1]!) as string;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
