// What the console says about the server's health (/healthz): pure, so the banner's wording is tested.

/** The /healthz body (commands/health.ts on the server, plus uptime and sockets). */
export interface HealthBody {
  status: 'ok' | 'degraded' | 'unavailable';
  ready: boolean;
  reasons: string[];
}

/** One poll's outcome: the HTTP status and body, or null when the request itself failed. */
export type HealthAnswer = { status: number; body: unknown } | null;

/** What the banner shows: nothing (ok), or a title, what still works and what does not, as i18n keys. */
export interface HealthView {
  level: 'ok' | 'degraded' | 'unavailable' | 'unreachable';
  /** i18n key of the headline. */
  title: string;
  /** i18n keys: what still works, then what does not. */
  lines: string[];
  /** The server's own reasons (English, technical), shown under "details". */
  details: string[];
  /** Polls in a row that got no answer (a single miss does not raise the banner). */
  misses: number;
}

/** The view before the first poll and while all is well. */
export const HEALTHY: HealthView = { level: 'ok', title: '', lines: [], details: [], misses: 0 };

function bodyOf(value: unknown): HealthBody | null {
  if (typeof value !== 'object' || value === null) return null;
  const b = value as Partial<HealthBody>;
  if (b.status !== 'ok' && b.status !== 'degraded' && b.status !== 'unavailable') return null;
  const reasons = Array.isArray(b.reasons) ? b.reasons.filter((r) => typeof r === 'string') : [];
  return { status: b.status, ready: b.ready !== false, reasons };
}

/**
 * Why: a host running a live draw must see at once that Redis or the database is down, and what that
 * means for the show (joins and draws go on without Redis; nothing is written without the database).
 */
export function healthView(previous: HealthView, answer: HealthAnswer): HealthView {
  const body = answer ? bodyOf(answer.body) : null;
  if (!body) {
    const misses = previous.misses + 1;
    if (misses < 2) return { ...previous, misses };
    return {
      level: 'unreachable',
      title: 'health.unreachableTitle',
      lines: ['health.unreachableLimits'],
      details: answer ? [`HTTP ${answer.status}`] : [],
      misses,
    };
  }
  const details = body.reasons;
  if (body.status === 'unavailable' || !body.ready || (answer && answer.status >= 500)) {
    return {
      level: 'unavailable',
      title: 'health.databaseTitle',
      lines: ['health.databaseLimits', 'health.databaseResumes'],
      details,
      misses: 0,
    };
  }
  if (body.status === 'degraded') {
    const redis = details.some((r) => /redis/i.test(r));
    return {
      level: 'degraded',
      title: redis ? 'health.redisTitle' : 'health.degradedTitle',
      lines: redis
        ? ['health.redisWorks', 'health.redisReveals', 'health.redisLimits']
        : ['health.degradedWorks'],
      details,
      misses: 0,
    };
  }
  return HEALTHY;
}
