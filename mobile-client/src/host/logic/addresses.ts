// Which base address the join QR and stage links should use: phones cannot reach "localhost".

/** True for addresses only this computer can reach. */
export function isLoopback(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
  } catch {
    return false;
  }
}

/** Why: the console may run on localhost (camera allowed) while phones need the LAN address. */
export function addressChoices(current: string, lan: readonly string[]): { choices: string[]; best: string } {
  const choices = [...new Set([current, ...lan])];
  const best = choices.find((c) => !isLoopback(c)) ?? current;
  return { choices, best };
}

/** `datetime-local` value (local time) from epoch ms, or '' for null. */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Epoch ms from a `datetime-local` value, or null when empty or invalid. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}
