import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createRoundCommandSchema,
  joinSchema,
  nicknameSchema,
  participantStateSchema,
  streamDelaySchema,
} from './schemas';
import { parsePayload } from './validate';
import { handshakeAuthSchema, PROTOCOL_VERSION } from './version';

const goodJoin = { joinCode: ' ab2cd3 ', nickname: '  Ann  ', deviceToken: 'device-token-123' };

describe('joinSchema', () => {
  it('forgives dashes and spaces in a typed join code', () => {
    expect(parsePayload(joinSchema, { ...goodJoin, joinCode: 'ab2-cd3' })).toMatchObject({
      ok: true,
      data: { joinCode: 'AB2CD3' },
    });
  });

  it('normalises the join code and trims the nickname', () => {
    const r = parsePayload(joinSchema, goodJoin);
    expect(r).toEqual({
      ok: true,
      data: { joinCode: 'AB2CD3', nickname: 'Ann', deviceToken: 'device-token-123' },
    });
  });

  it.each([
    ['nickname', { ...goodJoin, nickname: '   ' }, 'INVALID_NICKNAME'],
    ['nickname', { ...goodJoin, nickname: 'a'.repeat(25) }, 'INVALID_NICKNAME'],
    ['nickname', { ...goodJoin, nickname: 'bad\u0007bell' }, 'INVALID_NICKNAME'],
    ['nickname', { ...goodJoin, nickname: 'rtl\u202Eevil' }, 'INVALID_NICKNAME'],
    ['nickname', { ...goodJoin, nickname: 42 }, 'INVALID_NICKNAME'],
    ['deviceToken', { ...goodJoin, deviceToken: 'short' }, 'VALIDATION_FAILED'],
    ['joinCode', { ...goodJoin, joinCode: 'ab_cd' }, 'VALIDATION_FAILED'],
    ['joinCode', { ...goodJoin, joinCode: '-' }, 'VALIDATION_FAILED'],
    ['phone', { ...goodJoin, phone: 'call me' }, 'INVALID_PHONE'],
    ['extra', { ...goodJoin, extra: 1 }, 'VALIDATION_FAILED'],
  ])('refuses a bad %s with a typed code naming the field', (field, payload, code) => {
    const r = parsePayload(joinSchema, payload);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message).toContain(field === 'extra' ? 'payload' : field);
  });

  it('never throws on arbitrary junk and always answers with a code', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const r = parsePayload(joinSchema, junk);
        if (!r.ok) expect(typeof r.code).toBe('string');
      }),
    );
  });
});

describe('nicknameSchema', () => {
  it('counts characters as people see them, not UTF-16 units', () => {
    expect(nicknameSchema.safeParse('😀'.repeat(24)).success).toBe(true);
    expect(nicknameSchema.safeParse('👍🏽'.repeat(24)).success).toBe(true);
    expect(nicknameSchema.safeParse('😀'.repeat(25)).success).toBe(false);
    expect(nicknameSchema.safeParse('a\u2028b').success).toBe(false);
  });
});

describe('other payloads', () => {
  it('participant:state needs an event id or a join code', () => {
    const r = parsePayload(participantStateSchema, { deviceToken: 'device-token-123' });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'eventId' });
    expect(
      parsePayload(participantStateSchema, { joinCode: 'abc123', deviceToken: 'device-token-123' }).ok,
    ).toBe(true);
  });

  it('stream delay is bounded to 0..60 s', () => {
    expect(streamDelaySchema.safeParse({ streamDelayMs: 60_000 }).success).toBe(true);
    expect(parsePayload(streamDelaySchema, { streamDelayMs: 60_001 })).toMatchObject({
      field: 'streamDelayMs',
    });
    expect(parsePayload(streamDelaySchema, { streamDelayMs: 1.5 })).toMatchObject({ field: 'streamDelayMs' });
  });

  it('round:create accepts 500 winners and refuses a fractional count', () => {
    expect(createRoundCommandSchema.safeParse({ eventId: 'e1', prizeId: 'p1', winners: 500 }).success).toBe(
      true,
    );
    expect(
      parsePayload(createRoundCommandSchema, { eventId: 'e1', prizeId: 'p1', winners: 2.5 }),
    ).toMatchObject({
      field: 'winners',
    });
  });

  it('the handshake carries the protocol version and defaults to the audience role', () => {
    expect(handshakeAuthSchema.parse({ protocolVersion: PROTOCOL_VERSION }).role).toBe('audience');
    expect(handshakeAuthSchema.safeParse({}).success).toBe(false);
  });
});
