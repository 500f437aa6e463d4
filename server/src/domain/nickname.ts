// Nickname rule: what a phone may show on the stage screen.
import { ErrorCode } from '@drawcast/shared';
import { checkSingleLine } from './textRules';

/** Longest nickname, in user-perceived characters. */
export const NICKNAME_MAX_LENGTH = 24;

/** Validates a typed nickname (INVALID_NICKNAME) and returns the trimmed form that is stored and shown as text. */
export function validateNickname(value: unknown): string {
  return checkSingleLine(value, {
    field: 'nickname',
    code: ErrorCode.INVALID_NICKNAME,
    min: 1,
    max: NICKNAME_MAX_LENGTH,
    label: 'nickname',
  });
}
