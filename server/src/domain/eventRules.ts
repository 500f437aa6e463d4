// Event rules: titles, settings and which status changes a host may make.
import {
  DEFAULT_BRANDING,
  DrawcastError,
  ErrorCode,
  RETENTION_DAYS_DEFAULT,
  RETENTION_DAYS_MAX,
  brandingSchema,
  displayLanguageSchema,
} from '@drawcast/shared';
import type { BrandingDto, DisplayLanguage } from '@drawcast/shared';
import { DEFAULT_BONUS_SETTINGS, parseBonusSettings } from './bonus/bonusSettings';
import type { BonusSettings } from './bonus/bonusSettings';
import { checkBoolean, checkInteger, checkSingleLine } from './textRules';
import type { EventSettings, EventStatus } from './types';

/** Longest stream delay a host may set: a minute covers every livestream platform's latency. */
export const MAX_STREAM_DELAY_MS = 60_000;
/** Longest draw-to-reveal lead time, so an animation cannot hold the result back indefinitely. */
export const MAX_REVEAL_LEAD_MS = 60_000;

/** Latest accepted claim deadline (the year 2200): catches seconds-instead-of-milliseconds mistakes too. */
export const MAX_CLAIM_DEADLINE = 7_258_118_400_000;

/** Settings of a new event unless the host says otherwise: no bonus, no claim deadline, not shipped. */
export const DEFAULT_EVENT_SETTINGS: Readonly<EventSettings> = Object.freeze({
  requirePhone: false,
  streamDelayMs: 0,
  revealLeadMs: 5_000,
  excludePreviousWinnersDefault: true,
  bonus: DEFAULT_BONUS_SETTINGS,
  claimDeadline: null,
  collectShippingContact: false,
  branding: DEFAULT_BRANDING,
  displayLanguage: 'auto',
  retentionDays: RETENTION_DAYS_DEFAULT,
});

function bonusSetting(value: unknown): BonusSettings {
  try {
    return parseBonusSettings(value);
  } catch (error) {
    if (!(error instanceof DrawcastError)) throw error;
    const field = `settings.${error.field ?? 'bonus'}`;
    throw new DrawcastError(error.code, error.message.replace(/^bonus/, 'settings.bonus'), field);
  }
}

/** The event's branding (both fields, nullable) or a VALIDATION_FAILED naming the bad field. */
function brandingSetting(value: unknown): BrandingDto {
  const parsed = brandingSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = ['settings', 'branding', ...issue.path.map(String)].join('.');
  throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `${field}: ${issue.message}`, field);
}

function displayLanguageSetting(value: unknown, field: string): DisplayLanguage {
  const parsed = displayLanguageSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `${field} must be auto, zh-CN or en`, field);
}

/** Every status a stored event may have, for validating patches. */
export const EVENT_STATUSES: readonly EventStatus[] = ['draft', 'open', 'closed'];

const ALLOWED_TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['open', 'closed'],
  open: ['closed'],
  closed: ['open'],
};

/** Validates an event title (1..120 characters, single line). */
export function validateTitle(value: unknown): string {
  return checkSingleLine(value, {
    field: 'title',
    code: ErrorCode.VALIDATION_FAILED,
    min: 1,
    max: 120,
    label: 'title',
  });
}

/**
 * Validates a partial settings object strictly (unknown keys refused) and merges it into `base`;
 * `bonus` is replaced whole (both its parts are required), `claimDeadline` is epoch ms or null.
 */
export function mergeSettings(base: Readonly<EventSettings>, patch: unknown): EventSettings {
  // The nested bonus rule is copied too, so no two events (or the defaults) ever share a mutable object.
  if (patch === undefined)
    return { ...base, bonus: structuredClone(base.bonus), branding: { ...base.branding } };
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'settings must be an object', 'settings');
  }
  const merged: EventSettings = {
    ...base,
    bonus: structuredClone(base.bonus),
    branding: { ...base.branding },
  };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const field = `settings.${key}`;
    switch (key) {
      case 'requirePhone':
        merged.requirePhone = checkBoolean(value, field);
        break;
      case 'excludePreviousWinnersDefault':
        merged.excludePreviousWinnersDefault = checkBoolean(value, field);
        break;
      case 'streamDelayMs':
        merged.streamDelayMs = checkInteger(value, field, 0, MAX_STREAM_DELAY_MS);
        break;
      case 'revealLeadMs':
        merged.revealLeadMs = checkInteger(value, field, 0, MAX_REVEAL_LEAD_MS);
        break;
      case 'bonus':
        // Replaced whole: the host console always sends both parts, and half a rule is never meant.
        merged.bonus = bonusSetting(value);
        break;
      case 'claimDeadline':
        merged.claimDeadline = value === null ? null : checkInteger(value, field, 0, MAX_CLAIM_DEADLINE);
        break;
      case 'collectShippingContact':
        merged.collectShippingContact = checkBoolean(value, field);
        break;
      case 'branding':
        // Replaced whole like bonus: the console sends colour and logo together (null clears either).
        merged.branding = brandingSetting(value);
        break;
      case 'displayLanguage':
        merged.displayLanguage = displayLanguageSetting(value, field);
        break;
      case 'retentionDays':
        merged.retentionDays = checkInteger(value, field, 1, RETENTION_DAYS_MAX);
        break;
      default:
        throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `unknown setting ${key}`, field);
    }
  }
  return merged;
}

/** Checks a requested status change: once open, an event never returns to draft (it has participants). */
export function checkStatusTransition(from: EventStatus, to: unknown): EventStatus {
  if (typeof to !== 'string' || !EVENT_STATUSES.includes(to as EventStatus)) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'status must be draft, open or closed', 'status');
  }
  const target = to as EventStatus;
  if (target !== from && !ALLOWED_TRANSITIONS[from].includes(target)) {
    throw new DrawcastError(ErrorCode.CONFLICT, `an event cannot go from ${from} to ${target}`, 'status');
  }
  return target;
}
