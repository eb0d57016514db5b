/** Whether a type admits any value at all: shared by the model (union branches) and the checker (CT305). */
import type { TypeNode } from './ir.js';

/** True when no value satisfies the type: an empty enum (`enum: []`, or a const of the wrong type). */
export function admitsNothing(t: TypeNode): boolean {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return t.enum !== undefined && t.enum.length === 0;
    case 'union':
      return t.members.every(admitsNothing);
    default:
      return false;
  }
}
