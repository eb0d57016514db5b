/** Event names: CT101–CT110. Each plan puts its events on lines 3, 4, ... at column 5. */
import { describe, expect, it } from 'vitest';
import { briefs, check, eventsPlan } from './helpers.js';
import { locationOf } from '../../generator/diagnostics/diagnostic.js';

const ev = (name: string, schema = '{}'): string => `${JSON.stringify(name)}: ${schema}`;

type Case = [string, { plan: string; want: string[] }];

const cases: Case[] = [
  ['an ordinary name passes', { plan: eventsPlan(ev('Product Viewed'), ev('App Opened')), want: [] }],
  ['a name in another script, with an en dash, passes', { plan: eventsPlan(ev('Ürün Eklendi – Sepet')), want: [] }],
  ['an empty name', { plan: eventsPlan(ev('')), want: ['3:5 error CT101'] }],
  ['a blank name is empty too (and nothing else)', { plan: eventsPlan(ev('   ')), want: ['3:5 error CT101'] }],
  ['a dot', { plan: eventsPlan(ev('Order.Completed')), want: ['3:5 error CT102'] }],
  ['a colon and a quote', { plan: eventsPlan(ev("Step: 'one'")), want: ['3:5 error CT102'] }],
  ...[...'&$"\\%><!.:\''].map(
    (c): Case => [`the prohibited character ${c}`, { plan: eventsPlan(ev(`a${c}b`)), want: ['3:5 error CT102'] }],
  ),
  ['a hyphen, underscore, slash and parentheses pass', { plan: eventsPlan(ev('a-b_c/d (e)')), want: [] }],
  ['leading whitespace', { plan: eventsPlan(ev(' Signed Up')), want: ['3:5 error CT103'] }],
  ['trailing tab', { plan: eventsPlan(ev('Signed Up\t')), want: ['3:5 error CT103'] }],
  ['120 characters pass', { plan: eventsPlan(ev('e'.repeat(120))), want: [] }],
  ['121 characters fail', { plan: eventsPlan(ev('e'.repeat(121))), want: ['3:5 error CT104'] }],
  ['a system event', { plan: eventsPlan(ev('App Launched')), want: ['3:5 error CT105'] }],
  ['a system event in another case', { plan: eventsPlan(ev('notification viewed')), want: ['3:5 error CT105'] }],
  [
    'a system event with outer whitespace',
    { plan: eventsPlan(ev(' UTM Visited ')), want: ['3:5 error CT103', '3:5 error CT105'] },
  ],
  ['wzrk_d', { plan: eventsPlan(ev('wzrk_d')), want: ['3:5 error CT105'] }],
  ['any wzrk_ name, in any case', { plan: eventsPlan(ev('WZRK_custom')), want: ['3:5 error CT105'] }],
  [
    'a name that merely contains a system name passes',
    { plan: eventsPlan(ev('App Launched Twice'), ev('my wzrk_ event')), want: [] },
  ],
  ['Charged spelled exactly passes', { plan: eventsPlan(ev('Charged')), want: [] }],
  ['charged in lower case', { plan: eventsPlan(ev('charged')), want: ['3:5 error CT106'] }],
  ['CHARGED in upper case', { plan: eventsPlan(ev('CHARGED')), want: ['3:5 error CT106'] }],
  [
    'Charged with a trailing space is a whitespace problem only',
    { plan: eventsPlan(ev('Charged ')), want: ['3:5 error CT103'] },
  ],
  [
    'two names equal ignoring case: the second is reported',
    { plan: eventsPlan(ev('Signed Up'), ev('signed up')), want: ['4:5 error CT107'] },
  ],
  [
    'two names equal after trimming',
    { plan: eventsPlan(ev('Signed Up'), ev('Signed Up ')), want: ['4:5 error CT103', '4:5 error CT107'] },
  ],
  [
    'three names equal ignoring case: both later ones',
    { plan: eventsPlan(ev('a b'), ev('A B'), ev('A b')), want: ['4:5 error CT107', '5:5 error CT107'] },
  ],
  [
    'Charged and charged',
    { plan: eventsPlan(ev('Charged'), ev('charged')), want: ['4:5 error CT106', '4:5 error CT107'] },
  ],
  [
    'two names that generate one function',
    { plan: eventsPlan(ev('Order Completed'), ev('order_completed')), want: ['4:5 error CT109'] },
  ],
  [
    'run-together words generate the same function too',
    { plan: eventsPlan(ev('OrderCompleted'), ev('Order Completed')), want: ['4:5 error CT109'] },
  ],
  ['names with different words pass', { plan: eventsPlan(ev('Order Completed'), ev('Order Complete')), want: [] }],
  ['a name with no letters or digits', { plan: eventsPlan(ev('---')), want: ['3:5 error CT110'] }],
  [
    'a name of prohibited characters only',
    { plan: eventsPlan(ev('...')), want: ['3:5 error CT102', '3:5 error CT110'] },
  ],
  ['an emoji-only name has no letters either', { plan: eventsPlan(ev('🎉')), want: ['3:5 error CT110'] }],
  ['a digits-only name is fine', { plan: eventsPlan(ev('404')), want: [] }],
];

describe('event names', () => {
  it.each(cases)('%s', (_, { plan, want }) => {
    expect(briefs(plan)).toEqual(want);
  });

  it('512 events pass', () => {
    const names = Array.from({ length: 512 }, (_, i) => ev(`Event ${i}`));
    expect(briefs(eventsPlan(...names))).toEqual([]);
  });

  it('513 events: CT108 at the 513th event in file order', () => {
    const names = Array.from({ length: 513 }, (_, i) => ev(`Event ${i}`));
    // events sit on lines 3..515; the 513th is on line 515
    expect(briefs(eventsPlan(...names))).toEqual(['515:5 error CT108']);
  });

  it('CT107 names both events and points related at the first', () => {
    const [d] = check(eventsPlan(ev('Signed Up'), ev('SIGNED UP')));
    expect(d!.message).toBe(
      '"SIGNED UP" and "Signed Up" are one event in CleverTap (names are compared ignoring case)',
    );
    expect(d!.related.map((o) => o.pointer)).toEqual(['/events/Signed Up']);
  });

  it('CT109 names the function and both plan locations', () => {
    const [d] = check(eventsPlan(ev('Order Completed'), ev('order_completed')));
    expect(d!.message).toBe('"order_completed" and "Order Completed" would both generate trackOrderCompleted()');
    expect(d!.origin!.pointer).toBe('/events/order_completed');
    expect(d!.related.map((o) => o.pointer)).toEqual(['/events/Order Completed']);
  });

  it('"the first" is the first in the file, not in name order', () => {
    const [d] = check(eventsPlan(ev('b event'), ev('B Event')));
    expect(d!.message).toContain('"B Event" and "b event"');
    expect(locationOf(d!)!.line).toBe(4);
  });

  it('CT102 lists each prohibited character once, in a readable list', () => {
    const [d] = check(eventsPlan(ev('a.b.c:d$')));
    expect(d!.message).toBe('event name "a.b.c:d$" contains "$", "." and ":", which CleverTap rejects or deletes');
    expect(d!.hint).toBe('remove "$", "." and ":" from the name');
  });

  it('CT105 names the system event as CleverTap spells it', () => {
    const [d] = check(eventsPlan(ev('app launched')));
    expect(d!.hint).toBe('rename the event (CleverTap records "App Launched" itself)');
  });
});
