// Odds and countdowns in words people understand ("1 in 37", "2.7 %", "2 h 05 min"), locale-aware.

/** How one probability reads: "1 in N" and a percentage, or one of the edge cases. */
export type OddsWords =
  { kind: 'none' } | { kind: 'certain' } | { kind: 'chance'; oneIn: string; percent: string };

function trimmed(value: number, decimals: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(
    value,
  );
}

/**
 * "1 in N": N = 1/p rounded to a whole number from 10 up, to one decimal below (so 0.4 reads "1 in 2.5",
 * not "1 in 3"). The percentage has one decimal from 1 % to 99.9 %, two significant digits below 1 %,
 * and never rounds a real chance to "0 %" or a not-quite-certain one to "100 %".
 */
export function oddsWords(p: number, locale: string): OddsWords {
  if (!Number.isFinite(p) || p <= 0) return { kind: 'none' };
  if (p >= 1) return { kind: 'certain' };
  const n = 1 / p;
  const oneIn = n >= 10 ? trimmed(Math.round(n), 0, locale) : trimmed(Math.round(n * 10) / 10, 1, locale);
  const pct = p * 100;
  let percent: string;
  if (pct >= 99.95) percent = '>' + trimmed(99.9, 1, locale);
  else if (pct >= 1) percent = trimmed(Math.round(pct * 10) / 10, 1, locale);
  else {
    const formatted = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(pct);
    percent = formatted;
  }
  return { kind: 'chance', oneIn, percent };
}

/** Parts of a remaining duration, for a countdown the i18n layer words ("2 h 05 min", "剩 3 分 20 秒"). */
export interface CountdownParts {
  expired: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Splits `until - now` into days, hours, minutes and seconds (rounded up, so 0.2 s left is "1 s"). */
export function countdownParts(until: number, now: number): CountdownParts {
  const ms = until - now;
  if (ms <= 0) return { expired: true, days: 0, hours: 0, minutes: 0, seconds: 0 };
  const total = Math.ceil(ms / 1000);
  return {
    expired: false,
    days: Math.floor(total / 86400),
    hours: Math.floor((total % 86400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** The countdown in short words: the two largest non-zero units ("2 d 3 h", "4 min 05 s", "9 s"). */
export function countdownText(
  parts: CountdownParts,
  units: { d: string; h: string; min: string; s: string },
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (parts.days > 0) return `${parts.days} ${units.d} ${parts.hours} ${units.h}`;
  if (parts.hours > 0) return `${parts.hours} ${units.h} ${pad(parts.minutes)} ${units.min}`;
  if (parts.minutes > 0) return `${parts.minutes} ${units.min} ${pad(parts.seconds)} ${units.s}`;
  return `${parts.seconds} ${units.s}`;
}
