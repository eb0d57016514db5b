/**
 * Event names (clevertap-rules.md, "Event names"): non-empty, no prohibited characters, no outer whitespace,
 * at most LIMITS.nameLength, not a system event, `Charged` spelled exactly, unique ignoring case, at most
 * LIMITS.events of them; and two generator concerns: one function per event (CT109), a name to derive it from (CT110).
 */
import { LIMITS, RESERVED_PREFIX, RESTRICTED_EVENTS } from '../../clevertap/facts.js';
import { diagnose, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { EventNode, Plan } from '../../model/ir.js';
import { byPosition, collisions, fold, prohibitedIn, quoteList } from '../sites.js';
import type { PlanRule } from './index.js';

const SYSTEM_EVENTS = new Map<string, string>(RESTRICTED_EVENTS.map((n) => [n.toLowerCase(), n]));

/** The system event `name` stands for (compared trimmed and ignoring case), or undefined. */
export function systemEvent(name: string): string | undefined {
  const key = fold(name);
  return SYSTEM_EVENTS.get(key) ?? (key.startsWith(RESERVED_PREFIX) ? name.trim() : undefined);
}

/** The checks of one name on its own. An empty (or all-blank) name gets CT101 and nothing else. */
function nameProblems(e: EventNode): Diagnostic[] {
  const { name, origin } = e;
  const trimmed = name.trim();
  if (trimmed === '') return [diagnose('CT101', origin)];
  const out: Diagnostic[] = [];
  const chars = prohibitedIn(name);
  if (chars.length > 0) out.push(diagnose('CT102', origin, { name, chars: quoteList(chars) }));
  if (trimmed !== name) out.push(diagnose('CT103', origin, { name, trimmed }));
  if (name.length > LIMITS.nameLength)
    out.push(diagnose('CT104', origin, { name, length: name.length, max: LIMITS.nameLength }));
  const system = systemEvent(name);
  if (system !== undefined) out.push(diagnose('CT105', origin, { name, system }));
  if (trimmed.toLowerCase() === 'charged' && trimmed !== 'Charged') out.push(diagnose('CT106', origin, { name }));
  if (e.functionName === '') out.push(diagnose('CT110', origin, { name }));
  return out;
}

const eachName: PlanRule = (plan: Plan) => plan.events.flatMap(nameProblems);

/** CT107: names equal after trimming and case-folding are one event in CleverTap. */
const uniqueIgnoringCase: PlanRule = (plan: Plan) =>
  collisions(plan.events, (e) => (e.name.trim() === '' ? undefined : fold(e.name))).flatMap(([first, ...rest]) =>
    rest.map((e) => diagnose('CT107', e.origin, { name: e.name, other: first!.name }, [first!.origin])),
  );

/** CT109: two events that would generate one function. Pairs CT107 already reports are left to it. */
const uniqueFunctions: PlanRule = (plan: Plan) =>
  collisions(plan.events, (e) => (e.functionName === '' ? undefined : e.functionName)).flatMap(([first, ...rest]) =>
    rest
      .filter((e) => fold(e.name) !== fold(first!.name))
      .map((e) =>
        diagnose('CT109', e.origin, { name: e.name, other: first!.name, identifier: e.functionName }, [first!.origin]),
      ),
  );

/** CT108: at the first event past the limit (in file order), where the plan crosses it. */
const eventCount: PlanRule = (plan: Plan) => {
  if (plan.events.length <= LIMITS.events) return [];
  const past = byPosition(plan.events)[LIMITS.events]!;
  return [diagnose('CT108', past.origin, { count: plan.events.length, max: LIMITS.events })];
};

export const eventNameRules: PlanRule[] = [eachName, uniqueIgnoringCase, uniqueFunctions, eventCount];
