// Polls the server's /healthz while the console is open, so a Redis or database outage shows at once.
import { onBeforeUnmount, onMounted, shallowRef } from 'vue';
import { HEALTHY, healthView } from './logic/health';
import type { HealthAnswer, HealthView } from './logic/health';

/** How often the console asks (an outage shows within this, and clears within it too). */
export const HEALTH_POLL_MS = 4_000;

async function ask(): Promise<HealthAnswer> {
  try {
    const res = await fetch('/healthz', { cache: 'no-store' });
    return { status: res.status, body: await res.json().catch(() => null) };
  } catch {
    return null;
  }
}

/** Why: the banner must follow the server live, without the host reloading the page. */
export function useHealth(intervalMs = HEALTH_POLL_MS) {
  const view = shallowRef<HealthView>(HEALTHY);
  let timer: ReturnType<typeof setInterval> | undefined;
  let asking = false;
  const poll = async () => {
    if (asking) return;
    asking = true;
    try {
      view.value = healthView(view.value, await ask());
    } finally {
      asking = false;
    }
  };
  onMounted(() => {
    void poll();
    timer = setInterval(() => void poll(), intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return view;
}
