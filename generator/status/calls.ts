/**
 * Every call of a generated function in the app, resolved by the type checker rather than by name: the type of
 * the callee is the function's own type, whatever the callee is called locally (an alias, a re-export, a
 * namespace import, a destructured binding, a const copy). Two kinds of wrapper are followed too: a generated
 * function passed as an argument (`withLogging(trackAppOpened)`), and a function that calls one with its own
 * parameters (`const view = (p) => trackProductViewed(p)`), whose calls are then sites of that event. Where the
 * type does not name the function, its value is followed (values.ts): `trackX.call(…)`/`.apply(…)`, `.bind`, and
 * objects and arrays that hold it; a callee picked at run time (`handlers[name]`) is a site of each function it
 * may be, marked unsafe with the reason.
 */
import type { ts as TS } from 'ts-morph';
import { isGenerated, type ClientFile, type ClientFunction } from './client.js';
import { unsafeArguments } from './unsafe.js';
import { appliedArguments, isCallOrApply, valueFollower } from './values.js';

export type SiteKind =
  /** A direct call of the generated function. A callee picked at run time (`handlers[name](p)`) is a `call` of each
   * function it may be, with `via` the callee as written and `unsafe` saying so. */
  | 'call'
  /** A call of a wrapper that forwards its own arguments to the generated function (`via` names it). */
  | 'wrapper'
  /** The generated function passed as an argument to another function, or as a JSX attribute (`via` names the callee,
   * or the element and attribute). */
  | 'passed';

export interface Site {
  /** Absolute path. */
  file: string;
  line: number;
  column: number;
  kind: SiteKind;
  via?: string;
  /** Why the call compiles only through `any` or a type assertion; undefined when the checker vouches for it. */
  unsafe?: string;
}

export interface FunctionSites {
  fn: ClientFunction;
  sites: Site[];
}

export interface MissingSite {
  /** The name the app uses that the client does not export. */
  name: string;
  file: string;
  line: number;
  column: number;
  /** `import`, `export` (a re-export), `call`, or `access` (through a namespace import). */
  kind: 'import' | 'export' | 'call' | 'access';
  /** The client file the name is looked up in. */
  client: string;
}

export interface CallScan {
  functions: FunctionSites[];
  missing: MissingSite[];
}

/** How deep wrappers of wrappers are followed. */
const MAX_WRAPPER_DEPTH = 4;

interface Resolved {
  call: TS.CallExpression;
  /** The function called (its symbol); undefined for a callee picked at run time. */
  target: TS.Symbol | undefined;
  unsafeCallee: string | undefined;
  /** The arguments the function gets, when not the call's own (`trackX.call(this, p)`). */
  args?: readonly TS.Expression[];
  /** The generated functions a callee picked at run time may be, with the callee as written and the reason. */
  picked?: { entries: FunctionSites[]; key: string; why: string };
}

export function scanCalls(ts: typeof TS, program: TS.Program, clients: ClientFile[]): CallScan {
  const checker = program.getTypeChecker();
  const { follow, unwrap } = valueFollower(ts, checker);
  const byModule = new Map<TS.Symbol, ClientFile>();
  for (const c of clients) if (c.module) byModule.set(c.module, c);

  // The generated functions by their symbol (the declaration's, which the callee's type points at)
  const generated = new Map<TS.Symbol, FunctionSites>();
  const byName = new Map<string, FunctionSites>();
  const functions: FunctionSites[] = [];
  for (const c of clients) {
    const sf = program.getSourceFile(c.file)!;
    const exports = c.module ? checker.getExportsOfModule(c.module) : [];
    for (const fn of c.functions) {
      const entry: FunctionSites = { fn, sites: [] };
      functions.push(entry);
      if (!byName.has(fn.name)) byName.set(fn.name, entry);
      const exported = exports.find((s) => s.name === fn.name);
      const symbol = exported ? resolveAlias(ts, checker, exported) : memberSymbol(ts, checker, sf, fn.name);
      if (symbol) generated.set(symbol, entry);
    }
  }

  const missing: MissingSite[] = [];
  const missingImports = new Map<TS.Symbol, { name: string; client: string }>();
  const namespaces = new Map<TS.Symbol, ClientFile>();
  const calls: Resolved[] = [];

  const where = (node: TS.Node) => {
    const sf = node.getSourceFile();
    const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { file: sf.fileName, line: line + 1, column: character + 1 };
  };

  /** The client a module specifier resolves to, if any. */
  const clientOf = (specifier: TS.Expression | undefined): ClientFile | undefined => {
    if (!specifier) return undefined;
    const sym = checker.getSymbolAtLocation(specifier);
    return sym ? byModule.get(sym) : undefined;
  };
  const exportCache = new Map<ClientFile, Set<string>>();
  const exportNames = (c: ClientFile): Set<string> => {
    let names = exportCache.get(c);
    if (!names) {
      names = new Set(c.module ? checker.getExportsOfModule(c.module).map((s) => s.name) : []);
      exportCache.set(c, names);
    }
    return names;
  };

  const checkImport = (decl: TS.ImportDeclaration | TS.ExportDeclaration) => {
    const client = clientOf(decl.moduleSpecifier);
    if (!client) return;
    if (ts.isImportDeclaration(decl)) {
      const clause = decl.importClause;
      if (!clause || clause.isTypeOnly) return;
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        const sym = checker.getSymbolAtLocation(bindings.name);
        if (sym) namespaces.set(sym, client);
        return;
      }
      if (!bindings) return;
      const names = exportNames(client);
      for (const el of bindings.elements) {
        if (el.isTypeOnly) continue;
        const name = (el.propertyName ?? el.name).text;
        if (names.has(name)) continue;
        missing.push({ name, ...where(el), kind: 'import', client: client.file });
        const local = checker.getSymbolAtLocation(el.name);
        if (local) missingImports.set(local, { name, client: client.file });
      }
    } else if (decl.exportClause && ts.isNamedExports(decl.exportClause) && !decl.isTypeOnly) {
      const names = exportNames(client);
      for (const el of decl.exportClause.elements) {
        const name = (el.propertyName ?? el.name).text;
        if (!el.isTypeOnly && !names.has(name))
          missing.push({ name, ...where(el), kind: 'export', client: client.file });
      }
    }
  };

  /** The callee without parentheses, `!` and type assertions; says which assertion it went through. */
  const unwrapCallee = (e: TS.Expression): { expr: TS.Expression; cast: string | undefined } => {
    let cast: string | undefined;
    for (;;) {
      if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
      else if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
        cast ??= 'the function itself is cast';
        e = e.expression;
      } else return { expr: e, cast };
    }
  };

  /** Whether an expression is a namespace import of a client, through parentheses and assertions. */
  const isNamespace = (e: TS.Expression): boolean => {
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    const sym = ts.isIdentifier(e) ? checker.getSymbolAtLocation(e) : undefined;
    return sym !== undefined && namespaces.has(sym);
  };

  const visitCall = (call: TS.CallExpression) => {
    const { expr, cast } = unwrapCallee(call.expression);
    // A callee that is a parameter is counted where the function is passed in
    if (ts.isIdentifier(expr)) {
      const sym = checker.getSymbolAtLocation(expr);
      const decl = sym?.declarations?.[0];
      if (decl && ts.isParameter(decl)) return;
      if (sym && missingImports.has(sym)) {
        const m = missingImports.get(sym)!;
        missing.push({ name: m.name, ...where(call), kind: 'call', client: m.client });
        return;
      }
    }
    if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
      const ns = checker.getSymbolAtLocation(expr.expression);
      const client = ns && namespaces.get(ns);
      if (client && !exportNames(client).has(expr.name.text)) {
        missing.push({ name: expr.name.text, ...where(call), kind: 'access', client: client.file });
        return;
      }
    }
    const type = checker.getTypeAtLocation(expr);
    let target = type.getSymbol();
    let unsafeCallee = cast;
    if (!target && type.flags & ts.TypeFlags.Any) {
      // `(client as any).trackX()`: no type to follow; the name is all there is. A `track…` name is the client's;
      // `identify` is a common name (other analytics libraries have one), so only on the client's namespace
      const name = ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isIdentifier(expr) ? expr.text : undefined;
      const byItsName = name !== undefined ? byName.get(name) : undefined;
      if (!byItsName) return;
      if (byItsName.fn.kind === 'profile' && !(ts.isPropertyAccessExpression(expr) && isNamespace(expr.expression)))
        return;
      target = [...generated].find(([, v]) => v === byItsName)?.[0];
      unsafeCallee ??= 'the function is reached through a value of type any';
    }
    if (target) target = resolveAlias(ts, checker, target);
    // `trackX.call(this, p)`, `trackX.apply(this, [p])`: a call of trackX, with the arguments after `this`
    if (ts.isPropertyAccessExpression(expr) && isCallOrApply(ts, expr.name.text, target)) {
      const fnExpr = unwrap(expr.expression);
      const fnType = checker.getTypeAtLocation(fnExpr);
      const own = fnType.getSymbol();
      const fn = functionOf(fnExpr, fnType, own && resolveAlias(ts, checker, own));
      if (fn) {
        calls.push({ call, ...fn, unsafeCallee, args: appliedArguments(ts, call, expr.name.text) });
        return;
      }
    }
    const fn = functionOf(expr, type, target);
    if (fn) calls.push({ call, ...fn, unsafeCallee });
  };

  /** The function a callee is: its type's when that is a generated function, else its value's (see calleeOf). */
  const functionOf = (e: TS.Expression, type: TS.Type, own: TS.Symbol | undefined) =>
    // The type of `list[0]` (or `c ? f : g`) is reduced to one of the functions when they are alike: the value says
    own && generated.has(own) && !ts.isElementAccessExpression(e) && !ts.isConditionalExpression(e)
      ? { target: own }
      : (calleeOf(e, type) ?? (own && { target: own }));

  const typeSymbol = (e: TS.Expression): TS.Symbol | undefined => {
    const sym = checker.getTypeAtLocation(e).getSymbol();
    return sym && resolveAlias(ts, checker, sym);
  };

  /**
   * The function a callee holds when its type does not name a generated one: its value followed (a const, `.bind`,
   * an object or array literal), or, for a union type (`cond ? trackA : trackB`), the generated functions in it.
   */
  const calleeOf = (
    e: TS.Expression,
    type: TS.Type,
  ): { target: TS.Symbol; picked?: undefined } | { target: undefined; picked: Resolved['picked'] } | undefined => {
    const followed = follow(e);
    let options: Array<TS.Symbol | undefined>;
    let key: string;
    if ('one' in followed) {
      if (followed.one !== unwrap(e)) {
        const target = typeSymbol(followed.one);
        return target ? { target } : undefined;
      }
      if (!type.isUnion()) return undefined;
      options = type.types.flatMap((t) =>
        t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null) ? [] : [t.getSymbol()],
      );
      if (!options.some((o) => o !== undefined && generated.has(o))) return undefined;
      key = e.getText();
      // `handlers.buy?.()`: the union is only the function and undefined
      const distinct = new Set(options);
      if (distinct.size === 1 && options[0]) return { target: options[0] };
    } else {
      options = followed.some.map(typeSymbol);
      key = followed.key;
    }
    const entries = [...new Set(options.flatMap((o) => (o && generated.has(o) ? [generated.get(o)!] : [])))];
    if (entries.length === 0) return undefined;
    if (entries.length === 1 && options.length === 1) return { target: options[0]! };
    const names = entries.map((x) => x.fn.name).sort();
    const others = options.filter((o) => !o || !generated.has(o)).length;
    const why =
      `status cannot tell which function ${key} calls: one of ${names.join(', ')}` +
      `${others > 0 ? ` or ${others} other${others === 1 ? '' : 's'}` : ''}, picked at run time; counted as a call of each`;
    return { target: undefined, picked: { entries, key, why } };
  };

  /** The generated function an argument names, if it is one (`trackX`, `client.trackX`, `trackX as any`,
   * `trackX.bind(null, p)`, `handlers.buy`). */
  const passedFunction = (arg: TS.Expression): FunctionSites | undefined => {
    arg = unwrap(arg);
    const bound =
      ts.isCallExpression(arg) && ts.isPropertyAccessExpression(arg.expression) && arg.expression.name.text === 'bind';
    if (!bound && !ts.isIdentifier(arg) && !ts.isPropertyAccessExpression(arg) && !ts.isElementAccessExpression(arg))
      return undefined;
    const sym = typeSymbol(arg);
    const direct = sym && generated.get(sym);
    if (direct) return direct;
    const followed = follow(arg);
    if (!('one' in followed) || followed.one === arg) return undefined;
    const value = typeSymbol(followed.one);
    return value && generated.get(value);
  };

  for (const sf of appFiles(program)) {
    for (const st of sf.statements) if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) checkImport(st);
    const visit = (n: TS.Node): void => {
      if (ts.isCallExpression(n)) visitCall(n);
      else if (ts.isJsxAttribute(n) && n.initializer && ts.isJsxExpression(n.initializer) && n.initializer.expression) {
        // `<button onClick={trackAppOpened}>`: the element calls it
        const passed = passedFunction(n.initializer.expression);
        if (passed)
          passed.sites.push({
            ...where(n),
            kind: 'passed',
            via: `<${n.parent.parent.tagName.getText()} ${n.name.getText()}>`,
          });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }

  // Direct calls, and generated functions passed as arguments
  const wrappers = new Map<TS.Symbol, { entry: FunctionSites; name: string }>();
  for (const { call, target, unsafeCallee, args, picked } of calls) {
    if (picked) {
      for (const e of picked.entries)
        e.sites.push({ ...where(call), kind: 'call', via: picked.key, unsafe: picked.why });
      continue;
    }
    const entry = target && generated.get(target);
    if (entry) {
      const unsafe = unsafeCallee ?? unsafeArguments(ts, checker, call, args);
      entry.sites.push({ ...where(call), kind: 'call', ...(unsafe && { unsafe }) });
      const wrapper = forwardingWrapper(ts, checker, call);
      if (wrapper) wrappers.set(wrapper.symbol, { entry, name: wrapper.name });
      continue;
    }
    for (const arg of call.arguments) {
      const passed = passedFunction(arg);
      if (passed) passed.sites.push({ ...where(call), kind: 'passed', via: calleeName(ts, call) });
    }
  }

  // Calls of wrappers, and of wrappers of wrappers
  for (let depth = 0, level = wrappers; depth < MAX_WRAPPER_DEPTH && level.size > 0; depth++) {
    const next = new Map<TS.Symbol, { entry: FunctionSites; name: string }>();
    for (const { call, target } of calls) {
      const w = target && level.get(target);
      if (!w) continue;
      w.entry.sites.push({ ...where(call), kind: 'wrapper', via: w.name });
      const outer = forwardingWrapper(ts, checker, call);
      if (outer && !wrappers.has(outer.symbol)) next.set(outer.symbol, { entry: w.entry, name: outer.name });
    }
    for (const [k, v] of next) wrappers.set(k, v);
    level = next;
  }

  for (const f of functions) f.sites.sort(bySite);
  missing.sort(bySite);
  return { functions, missing };
}

/** The app's own source files: no declaration files, nothing generated, nothing from node_modules. */
export function appFiles(program: TS.Program): TS.SourceFile[] {
  return program
    .getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile && !sf.fileName.includes('/node_modules/') && !isGenerated(sf.text));
}

const bySite = (
  a: { file: string; line: number; column: number },
  b: { file: string; line: number; column: number },
) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);

function resolveAlias(ts: typeof TS, checker: TS.TypeChecker, s: TS.Symbol): TS.Symbol {
  return s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
}

/** A method of an exported class or interface of the client file (a client whose functions are methods). */
function memberSymbol(ts: typeof TS, checker: TS.TypeChecker, sf: TS.SourceFile, name: string): TS.Symbol | undefined {
  for (const st of sf.statements) {
    if (!ts.isClassDeclaration(st) && !ts.isInterfaceDeclaration(st)) continue;
    for (const m of st.members) {
      if (m.name && ts.isIdentifier(m.name) && m.name.text === name) return checker.getSymbolAtLocation(m.name);
    }
  }
  return undefined;
}

/** The callee as written, for messages (`withLogging`, `analytics.send`). */
function calleeName(ts: typeof TS, call: TS.CallExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.getText();
  return '(expression)';
}

/**
 * The function around a call, when the call forwards that function's own parameters (`(p) => trackX(p)`,
 * `function view(...args) { trackX(...args) }`): the wrapper's calls are then sites of the event too.
 */
function forwardingWrapper(
  ts: typeof TS,
  checker: TS.TypeChecker,
  call: TS.CallExpression,
): { symbol: TS.Symbol; name: string } | undefined {
  let fn: TS.Node | undefined = call.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn || !ts.isFunctionLike(fn)) return undefined;
  const params = new Set(fn.parameters);
  const forwards = (e: TS.Expression): boolean => {
    while (ts.isParenthesizedExpression(e) || ts.isSpreadElement(e) || ts.isAsExpression(e)) e = e.expression;
    if (ts.isIdentifier(e)) {
      const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
      return decl !== undefined && ts.isParameter(decl) && params.has(decl);
    }
    return (
      ts.isObjectLiteralExpression(e) && e.properties.some((p) => ts.isSpreadAssignment(p) && forwards(p.expression))
    );
  };
  if (!call.arguments.some(forwards)) return undefined;
  const symbol = checker.getTypeAtLocation(fn).getSymbol();
  if (!symbol) return undefined;
  return { symbol, name: functionName(ts, fn) };
}

function functionName(ts: typeof TS, fn: TS.SignatureDeclaration): string {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))) return fn.name.text;
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return p.name.text;
  return '(anonymous function)';
}
