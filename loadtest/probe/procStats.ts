// Server processes' memory and CPU read from /proc, so any server (ours, bare, a cluster node) is measured alike.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** Resident memory (bytes) and CPU time (ms, user + system) of a process; zeros once it is gone. */
export function processStats(pid: number): { rssBytes: number; cpuMs: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    // Fields after the command name "(...)": state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssBytes: rssKb * 1024, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return { rssBytes: 0, cpuMs: 0 };
  }
}

/** Why: a run's servers are one or several processes; the probe reports their sum. */
export function sumStats(pids: readonly number[]): { rssBytes: number; cpuMs: number } {
  return pids
    .map(processStats)
    .reduce((a, b) => ({ rssBytes: a.rssBytes + b.rssBytes, cpuMs: a.cpuMs + b.cpuMs }), {
      rssBytes: 0,
      cpuMs: 0,
    });
}
