// Turns a zod result into the ack vocabulary, so every transport rejects bad input the same way.
import type { z } from 'zod';
import { ErrorCode, fail } from './errors';
import type { AckFailure } from './errors';

/** Codes for fields that have their own, more specific failure than VALIDATION_FAILED. */
const FIELD_CODES: Record<string, ErrorCode> = {
  nickname: ErrorCode.INVALID_NICKNAME,
  phone: ErrorCode.INVALID_PHONE,
};

/** Parsed input or a typed failure naming the first bad field; never throws on junk. */
export type Parsed<T> = { ok: true; data: T } | AckFailure;

/** One place that validates inbound payloads for the server and (before sending) for the clients. */
export function parsePayload<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'payload';
  const code = FIELD_CODES[field] ?? ErrorCode.VALIDATION_FAILED;
  let message = `${field}: ${issue?.message ?? 'invalid'}`;
  // A typo ({"titel": …}) shows as a missing `title` first: name the unknown key too.
  const unknown = result.error.issues.find((i) => i.code === 'unrecognized_keys');
  if (unknown && unknown !== issue && 'keys' in unknown) {
    const where = unknown.path.length > 0 ? `${unknown.path.map(String).join('.')}.` : '';
    const keys = (unknown.keys as string[]).map((k) => `${where}${k}`).join(', ');
    message += `; unknown key${unknown.keys.length > 1 ? 's' : ''}: ${keys}`;
  }
  return fail(code, message, field);
}
