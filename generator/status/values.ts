/**
 * Which function a callee holds when its type alone does not say: a function bound with `.bind`, or kept in an
 * object or array and read back from it (`const handlers: Record<string, Fn> = { buy: trackX }; handlers.buy(p)`,
 * whose type is the declared `Fn`, not `trackX`'s). The value is followed back through `const` declarations
 * (and imports of them) to the literal that holds it. A key computed at run time (`handlers[name]`) picks one of
 * the literal's values, and a conditional (`cond ? trackA : trackB`) one of its two: those are all returned, and the
 * caller says it cannot tell which. And `f.call(this, …)`/`f.apply(this, […])`: which arguments reach `f`.
 */
import type { ts as TS } from 'ts-morph';

export type Followed =
  /** The expression whose type names the function (the callee itself when there was nothing to follow). */
  | { one: TS.Expression }
  /** The values a computed key picks from, as written in the literal; `key` is the access as written. */
  | { some: TS.Expression[]; key: string };

/** How many steps (a const, a property, a `.bind`) are followed before giving up. */
const MAX_STEPS = 8;

export function valueFollower(ts: typeof TS, checker: TS.TypeChecker) {
  const unwrap = (e: TS.Expression): TS.Expression => {
    while (
      ts.isParenthesizedExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isTypeAssertionExpression(e) ||
      ts.isSatisfiesExpression(e)
    )
      e = e.expression;
    return e;
  };

  /** The initializer of the const a symbol declares (through an import of it), if it is one. */
  const constInitializer = (sym: TS.Symbol | undefined): TS.Expression | undefined => {
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    const list = decl.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return undefined;
    return decl.initializer;
  };

  /** The literal an expression holds, through consts; undefined when it is not a literal. */
  const literalOf = (
    e: TS.Expression,
    steps: number,
  ): TS.ObjectLiteralExpression | TS.ArrayLiteralExpression | undefined => {
    for (; steps < MAX_STEPS; steps++) {
      e = unwrap(e);
      if (ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e)) return e;
      if (!ts.isIdentifier(e)) return undefined;
      const init = constInitializer(checker.getSymbolAtLocation(e));
      if (!init) return undefined;
      e = init;
    }
    return undefined;
  };

  /** The value a property of a literal holds (undefined when the literal does not say: a spread, a method). */
  const member = (
    literal: TS.ObjectLiteralExpression | TS.ArrayLiteralExpression,
    key: string,
  ): TS.Expression | undefined => {
    if (ts.isArrayLiteralExpression(literal)) {
      const i = Number(key);
      const before = literal.elements.slice(0, i + 1);
      if (!Number.isInteger(i) || before.some((el) => ts.isSpreadElement(el) || ts.isOmittedExpression(el)))
        return undefined;
      return literal.elements[i];
    }
    // The last property of that name wins, unless a spread after it may replace it
    for (let k = literal.properties.length - 1; k >= 0; k--) {
      const p = literal.properties[k]!;
      if (ts.isSpreadAssignment(p)) return undefined;
      if (!p.name || propertyName(p.name) !== key) continue;
      if (ts.isPropertyAssignment(p)) return p.initializer;
      if (ts.isShorthandPropertyAssignment(p)) return p.name;
      return undefined;
    }
    return undefined;
  };

  const propertyName = (name: TS.PropertyName): string | undefined =>
    ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)
      ? name.text
      : undefined;

  /** Every value a literal holds, for a computed key (undefined when one is not written out: a spread). */
  const members = (literal: TS.ObjectLiteralExpression | TS.ArrayLiteralExpression): TS.Expression[] | undefined => {
    const out: TS.Expression[] = [];
    if (ts.isArrayLiteralExpression(literal)) {
      for (const el of literal.elements) {
        if (ts.isSpreadElement(el)) return undefined;
        if (!ts.isOmittedExpression(el)) out.push(el);
      }
      return out;
    }
    for (const p of literal.properties) {
      if (ts.isPropertyAssignment(p)) out.push(p.initializer);
      else if (ts.isShorthandPropertyAssignment(p)) out.push(p.name);
      else if (ts.isSpreadAssignment(p)) return undefined;
    }
    return out;
  };

  const follow = (e: TS.Expression, steps = 0): Followed => {
    const start = e;
    for (; steps < MAX_STEPS; steps++) {
      e = unwrap(e);
      let next: TS.Expression | undefined;
      if (ts.isConditionalExpression(e)) {
        const both = [e.whenTrue, e.whenFalse].flatMap((v) => ends(follow(v, steps + 1)));
        return { some: both, key: e.getText() };
      }
      if (ts.isCallExpression(e)) {
        // `trackX.bind(null, …)`: the bound function
        const callee = unwrap(e.expression);
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') next = callee.expression;
      } else if (ts.isIdentifier(e)) {
        // `{ trackX }`: the name is the property's; the value is the variable's
        const p = e.parent;
        next = constInitializer(
          ts.isShorthandPropertyAssignment(p) && p.name === e
            ? checker.getShorthandAssignmentValueSymbol(p)
            : checker.getSymbolAtLocation(e),
        );
      } else if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
        const literal = literalOf(e.expression, steps + 1);
        if (literal) {
          const arg = ts.isElementAccessExpression(e) ? unwrap(e.argumentExpression) : undefined;
          const key = ts.isPropertyAccessExpression(e)
            ? e.name.text
            : arg && (ts.isStringLiteralLike(arg) || ts.isNumericLiteral(arg))
              ? arg.text
              : undefined;
          if (key !== undefined) next = member(literal, key);
          else {
            const all = members(literal);
            if (all) return { some: all.flatMap((v) => ends(follow(v, steps + 1))), key: e.getText() };
          }
        }
      }
      if (!next) return { one: e };
      e = next;
    }
    return { one: start };
  };

  const ends = (f: Followed): TS.Expression[] => ('one' in f ? [f.one] : f.some);

  return { follow, unwrap };
}

/** Whether `name` on a function is Function.prototype's `call` or `apply` (the symbol is lib's, when typed). */
export function isCallOrApply(ts: typeof TS, name: string, method: TS.Symbol | undefined): boolean {
  if (name !== 'call' && name !== 'apply') return false;
  const owner = method?.declarations?.[0]?.parent;
  return (
    owner !== undefined && ts.isInterfaceDeclaration(owner) && /^(Callable|Newable)?Function$/.test(owner.name.text)
  );
}

/** The arguments `f.call(this, a, b)` and `f.apply(this, [a, b])` pass to `f` (an array not written out: itself). */
export function appliedArguments(ts: typeof TS, call: TS.CallExpression, method: string): readonly TS.Expression[] {
  if (method === 'call') return call.arguments.slice(1);
  const list = call.arguments[1];
  if (!list) return [];
  return ts.isArrayLiteralExpression(list) ? list.elements : [list];
}
