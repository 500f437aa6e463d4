// The postal contact an online event collects from a winner: validated strictly, shown masked.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { z } from 'zod';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !CONTROL_CHARS.test(s), 'must not contain control characters'),
    );

/** Digits with an optional leading +; spaces, dashes, dots and brackets people type are dropped. */
export function normalizeContactPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\-.()]/g, '');
  return /^\+?\d{5,20}$/.test(compact) ? compact : null;
}

/** The form a winner submits; everything is text a human typed, so everything is bounded. */
export const shippingContactSchema = z.strictObject({
  recipient: text(50),
  phone: z.string(),
  address: text(200),
  city: text(50).optional(),
  region: text(50).optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,11}$/, 'must be 1-12 letters, digits, spaces or dashes')
    .optional(),
  country: text(56).optional(),
  note: text(200).optional(),
});

/** A validated contact with its phone normalised; this is what gets encrypted at rest. */
export type ShippingContact = Omit<z.output<typeof shippingContactSchema>, 'phone'> & { phone: string };

/** Validates a submitted contact; the first problem comes back as a typed error naming the field. */
export function parseShippingContact(input: unknown): ShippingContact {
  const parsed = shippingContactSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = ['shippingContact', ...issue.path.map(String)].join('.');
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `${field} ${issue.message}`, field);
  }
  const phone = normalizeContactPhone(parsed.data.phone);
  if (phone === null) {
    throw new DrawcastError(
      ErrorCode.INVALID_PHONE,
      'shippingContact.phone must be 5-20 digits, optionally starting with +',
      'shippingContact.phone',
    );
  }
  return { ...parsed.data, phone };
}

/** Keeps the first 3 and last 4 digits (138****5678), like the join phone, so lists can show it. */
export function maskPhone(phone: string): string {
  const plus = phone.startsWith('+') ? '+' : '';
  const digits = plus ? phone.slice(1) : phone;
  if (digits.length >= 8) return plus + digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
  return plus + '*'.repeat(Math.max(digits.length - 2, 1)) + digits.slice(-2);
}

function maskText(value: string, keep: number): string {
  const chars = Array.from(value);
  if (chars.length <= keep) return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
  return chars.slice(0, keep).join('') + '*'.repeat(Math.min(chars.length - keep, 8));
}

/** What staff lists and exports show without decrypting in full: enough to recognise, not to ship. */
export interface MaskedShippingContact {
  recipient: string;
  phone: string;
  address: string;
  city?: string;
  region?: string;
  country?: string;
}

/** Masks a contact for lists: first character of the name, 138****5678, the start of the address. */
export function maskShippingContact(contact: ShippingContact): MaskedShippingContact {
  const masked: MaskedShippingContact = {
    recipient: maskText(contact.recipient, 1),
    phone: maskPhone(contact.phone),
    address: maskText(contact.address, 6),
  };
  if (contact.city !== undefined) masked.city = contact.city;
  if (contact.region !== undefined) masked.region = contact.region;
  if (contact.country !== undefined) masked.country = contact.country;
  return masked;
}
