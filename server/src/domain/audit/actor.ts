// Who changed something: every audit record names one actor in one of four fixed forms.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { checkSingleLine } from '../textRules';

/** 'host' (the console), 'system' (sweeps, restore), a participant by id, or a named staff member. */
export type Actor = 'host' | 'system' | `participant:${string}` | `staff:${string}`;

/** Longest staff name, so the actor label stays well inside the audit log's 200-character limit. */
export const MAX_STAFF_NAME = 60;

/** The actor of a participant's own action (join, phone check-in, shipping contact). */
export function participantActor(participantId: string): Actor {
  return `participant:${participantId}`;
}

/** Validates a staff name typed at a desk ("desk-2", "王芳") and makes it an actor. */
export function staffActor(name: unknown, field = 'staff'): Actor {
  if (typeof name !== 'string') {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `${field} must be the staff member's name`, field);
  }
  const clean = checkSingleLine(name, {
    field,
    code: ErrorCode.VALIDATION_FAILED,
    min: 1,
    max: MAX_STAFF_NAME,
    label: field,
  });
  return `staff:${clean}`;
}

/** When and by whom a store change is made; stores append it to the event's audit chain with the change. */
export interface AuditMeta {
  actor: Actor;
  at: number;
}
