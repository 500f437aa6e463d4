// What /healthz reports beyond "up"; one process is always ready, several nodes report their database and Redis.

/** Degraded (Redis down) still serves; not ready (database down) does not. */
export interface HealthReport {
  status: 'ok' | 'degraded' | 'unavailable';
  ready: boolean;
  reasons: string[];
}
