/** Calls the type checker cannot vouch for: arguments that compile only through `any` or a type assertion. */
import type { ts as TS } from 'ts-morph';

/**
 * Why a call's arguments compile only through `any` or an assertion: an argument (or a property of an object
 * literal argument, at any depth) that is asserted (`as`, `<T>`; `as const` is fine) or whose type is `any`.
 */
export function unsafeArguments(
  ts: typeof TS,
  checker: TS.TypeChecker,
  call: TS.CallExpression,
  args: readonly TS.Expression[] = call.arguments,
): string | undefined {
  const visit = (e: TS.Expression, path: string): string | undefined => {
    while (ts.isParenthesizedExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
      const type = e.type;
      const isConst = ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'const';
      if (!isConst) return `${path} is cast with a type assertion (${type.getText()})`;
      return visit(e.expression, path);
    }
    if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        let why: string | undefined;
        if (ts.isPropertyAssignment(p)) why = visit(p.initializer, `${path}.${p.name.getText()}`);
        else if (ts.isSpreadAssignment(p)) why = visit(p.expression, `${path} (a spread)`);
        else if (ts.isShorthandPropertyAssignment(p)) why = anyTyped(p.name, `${path}.${p.name.text}`);
        if (why) return why;
      }
      return undefined;
    }
    if (ts.isArrayLiteralExpression(e)) {
      for (const [i, el] of e.elements.entries()) {
        const why = ts.isSpreadElement(el) ? visit(el.expression, `${path}[${i}]`) : visit(el, `${path}[${i}]`);
        if (why) return why;
      }
      return undefined;
    }
    // Literals cannot be any; everything else is asked of the checker
    if (ts.isLiteralExpression(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword)
      return undefined;
    if (ts.isPrefixUnaryExpression(e) && ts.isNumericLiteral(e.operand)) return undefined;
    // `new Date(…)` is any only if its constructor is: asking about the constructor skips resolving the call
    if (ts.isNewExpression(e)) return anyTyped(e.expression, path);
    return anyTyped(e, path);
  };
  const anyTyped = (e: TS.Node, path: string) =>
    checker.getTypeAtLocation(e).flags & ts.TypeFlags.Any ? `${path} has type any` : undefined;
  for (const [i, arg] of args.entries()) {
    const why = visit(arg, `argument ${i + 1}`);
    if (why) return why;
  }
  return undefined;
}
