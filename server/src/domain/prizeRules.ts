// Prize rules: valid prize input and how many winners a prize can still take.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { checkInteger, checkSingleLine, hasLoneSurrogate } from './textRules';

/** Upper bound on a prize's quantity; far above any real draw, low enough to keep sums exact. */
export const MAX_PRIZE_QUANTITY = 1_000_000;

/** A prize's fields after validation. */
export interface ValidPrizeInput {
  name: string;
  description: string;
  imageUrl: string | null;
  quantity: number;
}

function validateImageUrl(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && value.length <= 2048) {
    if (value.startsWith('/') && !value.startsWith('//') && !/\s/.test(value)) return value;
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
    } catch {
      // fall through to the typed error
    }
  }
  throw new DrawcastError(
    ErrorCode.VALIDATION_FAILED,
    'imageUrl must be an http(s) URL or a path starting with /',
    'imageUrl',
  );
}

/** Validates addPrize input; image URLs are limited to http(s) or same-origin paths so no javascript: links reach a UI. */
export function validatePrizeInput(input: unknown): ValidPrizeInput {
  if (typeof input !== 'object' || input === null) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'prize must be an object', 'prize');
  }
  const raw = input as Record<string, unknown>;
  const name = checkSingleLine(raw.name, {
    field: 'name',
    code: ErrorCode.VALIDATION_FAILED,
    min: 1,
    max: 120,
    label: 'name',
  });
  const description = raw.description ?? '';
  if (typeof description !== 'string' || description.length > 2000 || hasLoneSurrogate(description)) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      'description must be text of at most 2000 characters',
      'description',
    );
  }
  return {
    name,
    description: description.trim(),
    imageUrl: validateImageUrl(raw.imageUrl),
    quantity: checkInteger(raw.quantity, 'quantity', 1, MAX_PRIZE_QUANTITY),
  };
}

/** A prize edit after validation: only the fields given. */
export interface ValidPrizePatch {
  name?: string;
  description?: string;
  imageUrl?: string | null;
  quantity?: number;
}

/** Validates a prize edit with the same rules as a new prize; an empty edit is refused. */
export function validatePrizePatch(input: unknown): ValidPrizePatch {
  if (typeof input !== 'object' || input === null) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'patch must be an object', 'patch');
  }
  const raw = input as Record<string, unknown>;
  const allowed = ['name', 'description', 'imageUrl', 'quantity'];
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key))
      throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `unknown field ${key}`, key);
  }
  const given = allowed.filter((k) => raw[k] !== undefined);
  if (given.length === 0) throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'nothing to change', 'patch');
  // Reuse the full rules on a complete prize made of the given fields and harmless stand-ins.
  const full = validatePrizeInput({
    name: raw.name ?? 'x',
    description: raw.description ?? '',
    imageUrl: raw.imageUrl ?? null,
    quantity: raw.quantity ?? 1,
  });
  return {
    ...(raw.name !== undefined && { name: full.name }),
    ...(raw.description !== undefined && { description: full.description }),
    ...(raw.imageUrl !== undefined && { imageUrl: full.imageUrl }),
    ...(raw.quantity !== undefined && { quantity: full.quantity }),
  };
}

/**
 * The lowest quantity a prize may be edited down to: the units it already awarded plus those its
 * committed, not yet drawn rounds hold (else drawing them would over-award).
 */
export function minimumPrizeQuantity(awarded: number, reservedByOpenRounds: number): number {
  return Math.max(1, awarded + reservedByOpenRounds);
}

/**
 * How many more winners a new round of this prize may take. Rule: quantity − awarded − the k of every
 * committed (not yet drawn) round of the prize, so drawing every open round can never over-award.
 */
export function prizeCapacity(quantity: number, awarded: number, reservedByOpenRounds: number): number {
  return Math.max(0, quantity - awarded - reservedByOpenRounds);
}
