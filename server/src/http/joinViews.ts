// Counts loads of the phones' join page per join code: only a number, no address, cookie or device.
import type { RequestHandler } from 'express';

/** Why: the dashboard shows join-page views against joins (conversion) without tracking anyone. */
export class JoinViewCounter {
  private readonly counts = new Map<string, number>();
  constructor(private readonly maxCodes = 10_000) {}

  /** One view of a join code (normalised like the server reads codes: no spaces or dashes, upper case). */
  record(code: string): void {
    const key = code.replace(/[\s-]/g, '').toUpperCase();
    if (!/^[A-Z0-9]{3,16}$/.test(key)) return;
    if (!this.counts.has(key) && this.counts.size >= this.maxCodes) return;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Views since the server started. */
  views(code: string): number {
    return this.counts.get(code.toUpperCase()) ?? 0;
  }

  /** Counts page loads (HTML navigations) of /j/<code> and /join/<code>; never blocks the request. */
  middleware(): RequestHandler {
    return (req, _res, next) => {
      if (req.method === 'GET' && req.get('sec-fetch-dest') !== 'script') {
        const m = /^\/(?:j|join)\/([^/?#]+)\/?$/.exec(req.path);
        if (m) this.record(decodeURIComponent(m[1]!));
      }
      next();
    };
  }
}
