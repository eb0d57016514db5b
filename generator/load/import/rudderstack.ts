/**
 * RudderStack / RudderTyper plans: Segment's shapes (see segment.ts) where each event also says its call
 * (`eventType`: track, identify, page, screen, group) and, in newer plans, which part of the call its schema
 * describes (`identitySection`, or the plan's `config` map from call to section). Track events become events,
 * identify becomes the identify traits, page/screen/group are skipped with a note.
 */
import type { EntryKind } from './event-list.js';
import { isObject, type Json } from './origins.js';
import type { PlanBuilder } from './plan-builder.js';
import { addSharedShapes } from './segment.js';

/** The calls RudderStack plans describe, and the part of the call each one's schema is about by default. */
export const RUDDER_CALLS: Readonly<Record<string, string>> = {
  track: 'properties',
  identify: 'traits',
  page: 'properties',
  screen: 'properties',
  group: 'traits',
};

function classifier(top: Json): (entry: Json) => EntryKind {
  const config = isObject(top.config) ? top.config : {};
  return (entry) => {
    const call = typeof entry.eventType === 'string' ? entry.eventType.toLowerCase() : 'track';
    if (call !== 'track' && call !== 'identify') return { skip: call };
    const fromEntry = entry.identitySection;
    const fromConfig = config[call];
    const section =
      typeof fromEntry === 'string' ? fromEntry : typeof fromConfig === 'string' ? fromConfig : RUDDER_CALLS[call]!;
    return { call, section };
  };
}

export function importRudderstack(b: PlanBuilder, top: unknown): void {
  addSharedShapes(b, top, classifier(isObject(top) ? top : {}));
}
