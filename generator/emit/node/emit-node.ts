/**
 * The server target: a client for CleverTap's REST upload API (`POST /1/upload`), built on Node's http(s). Its
 * `index.ts` is a `createClient()` whose methods are typed from the plan; the delivery machinery (queue, batches,
 * retries) is `transport.ts`, its requests go out through `post.ts`, its types and errors are in `upload-types.ts`:
 * static files of templates/node/, emitted as they are.
 */
import type { Plan } from '../../model/ir.js';
import { sharedView, type EventView } from '../common/view.js';
import type { EmittedFile, Target } from '../target.js';
import { staticFile, template } from '../templates.js';
import { tidy } from '../tidy.js';

/** An event as a method of the client's interface: its doc comment indented one level. */
interface MethodView extends EventView {
  methodDoc: string;
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');

export function emitNode(plan: Plan): EmittedFile[] {
  const shared = sharedView(plan);
  const methods: MethodView[] = shared.events.map((e) => ({ ...e, methodDoc: indent(e.functionDoc) }));
  const view = { ...shared, methods };
  return [
    { path: 'index.ts', content: tidy(template('node', 'index.ts')(view)) },
    { path: 'checks.ts', content: tidy(template('node', 'checks.ts')(view)) },
    { path: 'transport.ts', content: staticFile('node', 'transport.ts') },
    { path: 'post.ts', content: staticFile('node', 'post.ts') },
    { path: 'upload-types.ts', content: staticFile('node', 'upload-types.ts') },
  ];
}

export const node: Target = { name: 'node', sdk: "CleverTap's REST upload API", emit: emitNode };
