// The crash matrix: a real server in its own process, SIGKILLed at each step of an event's lifecycle, again
// and again over one data dir; after every restart CrashWorld.check() runs all the invariants. A step is
// hit either exactly (DRAWCAST_FAILPOINT stops the server between a commit and its answer, see
// server/src/failpoint.ts) or at a random moment while the request is in flight. DRAWCAST_CRASH_KILLS sets
// the kills per step (default 2, bounded for CI), DRAWCAST_CRASH_STEPS=a,b only those steps,
// DRAWCAST_CRASH_VERBOSE=1 prints each kill and its timings; docs/SECURITY.md records a full run.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { ClaimDto, EventDto, JoinAckDto, RoundDto, RoundRevealDto } from '@drawcast/shared';
import { validateBackup } from '../../src/io/export/validateBackup';
import type { FailpointName } from '../../src/failpoint';
import { kill9, startChildServer } from '../child-server';
import type { ChildServer } from '../child-server';
import { apiCall, deviceToken, nextEvent, openClient, tempDataDir } from '../harness';
import type { Client } from '../harness';
import { CrashWorld } from './crashWorld';

const TOKEN = 'crash-matrix-host-token-0123456789';
const KILLS = Math.max(1, Number(process.env.DRAWCAST_CRASH_KILLS ?? 2));
let backupKillsWhileRunning = 0;
/** Where a step is waiting (named in a stuck step's error). */
let phase = '';
const backupOutcomes = { completed: 0, failedCleanly: 0 };
const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

const ALL_STEPS = [
  'joins',
  'round-created',
  'entries-closed',
  'drawn-not-broadcast',
  'broadcast',
  'contact',
  'redeem',
  'import-half',
  'backup',
] as const;
type Step = (typeof ALL_STEPS)[number];
/** DRAWCAST_CRASH_STEPS=backup,joins runs only those steps (default: all, in lifecycle order). */
const STEPS = ALL_STEPS.filter(
  (s) => !process.env.DRAWCAST_CRASH_STEPS || process.env.DRAWCAST_CRASH_STEPS.split(',').includes(s),
);

/** The failpoint a step arms on its exact kills (every other kill of that step is a random in-flight one). */
const FAILPOINT_OF: Partial<Record<Step, FailpointName>> = {
  'round-created': 'after-round-commit',
  'entries-closed': 'after-close-commit',
  'drawn-not-broadcast': 'after-draw-commit',
  contact: 'after-contact-commit',
  redeem: 'after-redeem-commit',
  'import-half': 'import-mid-run',
};
/** Steps whose every kill is at the failpoint (that is what the step is). */
const ALWAYS_EXACT = new Set<Step>(['drawn-not-broadcast', 'import-half']);

const random = (n: number) => Math.floor(Math.random() * n);

/** Resolves once process `pid` holds the SQLite file open (Linux /proc), polled every 5 ms. */
async function databaseOpenedBy(pid: number): Promise<void> {
  for (;;) {
    try {
      const dir = `/proc/${pid}/fd`;
      if (readdirSync(dir).some((fd) => safeReadlink(`${dir}/${fd}`).endsWith('drawcast.db'))) return;
    } catch {
      return; // the process is gone: the caller's exit wins the race
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
const safeReadlink = (file: string) => {
  try {
    return readlinkSync(file);
  } catch {
    return '';
  }
};

/** A phase that takes over a minute is stuck: fail naming it rather than at the test's timeout. */
async function within<T>(label: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: stuck for 60 s ${phase}`)), 60_000);
  });
  try {
    return await Promise.race([work, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

describe('crash matrix: SIGKILL at every step, invariants after every restart', () => {
  const dataDir = tempDataDir();
  const children: ChildServer[] = [];
  const sockets: Client[] = [];
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const c of children) await kill9(c);
    rmSync(dataDir, { recursive: true, force: true });
  });

  let child: ChildServer;
  let world: CrashWorld;
  const api = <T>(method: string, route: string, body?: unknown, token: string | null = TOKEN) =>
    apiCall<T>(child.url, method, route, body, token);
  const ok = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await api<T>(method, route, body);
    if (res.status >= 300) throw new Error(`${method} ${route} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const start = async (env: Record<string, string> = {}) => {
    child = await startChildServer(dataDir, TOKEN, env);
    children.push(child);
  };
  const phone = async () => {
    const s = openClient(child.url, { protocolVersion: PROTOCOL_VERSION });
    sockets.push(s);
    // Not waitConnected: a kill during the handshake ends in 'disconnect' without any 'connect_error'.
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
      s.once('disconnect', () => reject(new Error('disconnected before connecting')));
    });
    return s;
  };

  /** A joined phone, in the event's room: the audience reveal reaches it at the draw (no lead, no delay). */
  const watcher = async () => {
    const s = await phone();
    const token = deviceToken();
    world.tokens.add(token);
    const ack = await s.emitWithAck('event:join', {
      joinCode: world.joinCode,
      nickname: 'watcher',
      deviceToken: token,
    });
    if (!ack.ok) throw new Error(ack.code);
    world.joins.set(ack.data.participantId, token);
    return s;
  };

  /** Joins `n` new devices (acked ones recorded), resolving when all answered or failed. */
  const join = async (n: number, onAck?: (acked: number) => void) => {
    const phones = await Promise.all(Array.from({ length: 3 }, phone));
    // A join cut by the kill gets no ack: its socket's disconnect ends the wait.
    const gone = new Map(
      phones.map((p) => [p, new Promise<null>((r) => p.once('disconnect', () => r(null)))]),
    );
    let acked = 0;
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const token = deviceToken();
        world.tokens.add(token);
        const p = phones[i % phones.length]!;
        try {
          const ack = await Promise.race([
            p.emitWithAck('event:join', {
              joinCode: world.joinCode,
              nickname: `N${world.tokens.size}`,
              deviceToken: token,
            }),
            gone.get(p)!,
          ]);
          if (ack === null || !ack.ok) return;
          world.joins.set((ack.data as JoinAckDto).participantId, token);
          acked += 1;
          onAck?.(acked);
        } catch {
          // cut by the kill
        }
      }),
    );
    for (const p of phones) p.disconnect();
  };

  /**
   * Sends a request and kills the server either at the armed failpoint (exact) or after a random delay
   * (in flight; if the answer comes first, right after it). Resolves with the answer if one came.
   */
  const killDuring = async <T>(
    exact: boolean,
    send: () => Promise<T>,
    maxDelayMs = 40,
  ): Promise<T | null> => {
    let answer: T | null = null;
    const sent = send().then(
      (value) => (answer = value),
      () => null,
    );
    if (exact) await child.waitForLine(/^FAILPOINT /);
    else await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, random(maxDelayMs)))]);
    await kill9(child);
    await sent;
    return answer;
  };

  /** A committed round of the main event: one left undrawn by an earlier kill, or a new one. */
  const committedRound = async (): Promise<RoundDto> => {
    const rounds = await ok<RoundDto[]>('GET', `/api/events/${world.eventId}/rounds`);
    const open = rounds.find((r) => r.status === 'committed');
    if (open) return open;
    return createRound();
  };
  const createRound = async (): Promise<RoundDto> => {
    const prize = await ok<{ id: string }>('POST', `/api/events/${world.eventId}/prizes`, {
      name: 'Prize',
      quantity: 2,
    });
    world.prizes.set(prize.id, 2);
    const round = await ok<RoundDto>('POST', `/api/events/${world.eventId}/rounds`, {
      prizeId: prize.id,
      winners: 2,
    });
    world.rounds.set(round.id, {
      commitment: round.commitment,
      prizeId: prize.id,
      entriesDigest: null,
      winners: null,
    });
    return round;
  };
  const recordDraw = (round: RoundDto) => {
    world.rounds.get(round.id)!.winners = round.winners!.map((w) => w.participantId);
  };
  /** A claim of the main event matching `want` whose winner's device is known, drawing rounds until there is one. */
  const claimWhere = async (want: (c: ClaimDto) => boolean): Promise<ClaimDto> => {
    for (;;) {
      const claims = await ok<ClaimDto[]>('GET', `/api/events/${world.eventId}/claims`);
      const found = claims.find((c) => want(c) && world.joins.has(c.participantId));
      if (found) return found;
      const round = await committedRound();
      recordDraw(await ok<RoundDto>('POST', `/api/rounds/${round.id}/draw`));
    }
  };

  const steps: Record<Step, (exact: boolean) => Promise<void>> = {
    async joins() {
      const killAt = 3 + random(20);
      const killed: Array<Promise<void>> = [];
      await join(30, (acked) => {
        if (acked === killAt) killed.push(kill9(child));
      });
      await (killed[0] ?? kill9(child));
    },
    async 'round-created'(exact) {
      const prize = await ok<{ id: string }>('POST', `/api/events/${world.eventId}/prizes`, {
        name: 'Prize',
        quantity: 2,
      });
      world.prizes.set(prize.id, 2);
      const res = await killDuring(exact, () =>
        api<RoundDto>('POST', `/api/events/${world.eventId}/rounds`, { prizeId: prize.id, winners: 2 }),
      );
      if (res?.status === 201) {
        world.rounds.set(res.body.id, {
          commitment: res.body.commitment,
          prizeId: prize.id,
          entriesDigest: null,
          winners: null,
        });
      }
    },
    async 'entries-closed'(exact) {
      await join(4);
      const round = await committedRound();
      const res = await killDuring(exact, () => api<RoundDto>('POST', `/api/rounds/${round.id}/close`));
      if (res?.status === 200) world.rounds.get(round.id)!.entriesDigest = res.body.entriesDigest;
    },
    async 'drawn-not-broadcast'() {
      const round = await committedRound();
      const s = await watcher();
      let told = false;
      s.on('round:reveal', () => (told = true));
      const res = await killDuring(true, () => api<RoundDto>('POST', `/api/rounds/${round.id}/draw`));
      expect(res).toBeNull(); // stopped between the commit and the answer…
      expect(told).toBe(false); // …and before any broadcast
    },
    async broadcast() {
      const round = await committedRound();
      const s = await watcher();
      const revealed = nextEvent(s, 'round:reveal', (r: RoundRevealDto) => r.roundId === round.id);
      const drawn = api<RoundDto>('POST', `/api/rounds/${round.id}/draw`);
      const reveal = await revealed;
      await kill9(child);
      await drawn.catch(() => undefined);
      world.rounds.get(round.id)!.winners = reveal.winners.map((w) => w.participantId);
    },
    async contact(exact) {
      const claim = await claimWhere((c) => c.contact === null && c.status === 'pending');
      const recipient = `R${random(1e9)}`;
      const res = await killDuring(exact, () =>
        api('POST', `/api/claims/${claim.id}/contact`, {
          eventId: world.eventId,
          deviceToken: world.joins.get(claim.participantId),
          contact: { recipient, phone: '13800138000', address: '1 Test Road' },
        }),
      );
      if (res?.status === 200) world.contacts.set(claim.id, recipient);
    },
    async redeem(exact) {
      const claim = await claimWhere((c) => c.status === 'pending');
      const res = await killDuring(exact, () =>
        api('POST', '/api/claims/redeem', { code: claim.code, staff: 'Desk' }),
      );
      if (res?.status === 200) world.redeemed.add(claim.id);
    },
    async 'import-half'(exact) {
      const event = await ok<EventDto>('POST', '/api/events', { title: `Import ${world.imports.length}` });
      const rows = 1500;
      const csv = `name,employeeId\n${Array.from({ length: rows }, (_, i) => `P${i},E${i}`).join('\n')}\n`;
      const known = { eventId: event.id, rows, acked: false };
      world.imports.push(known);
      const res = await killDuring(
        exact,
        () =>
          fetch(`${child.url}/api/events/${event.id}/people/import?filename=p.csv`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
            body: csv,
          }),
        400,
      );
      known.acked = res?.status === 200;
    },
    async backup() {
      // Joins pour in while `npm run backup` reads; the server dies 0-30 ms after the backup process opened
      // the database file (seen in /proc), i.e. while it reads or writes its document.
      const out = path.join(dataDir, `..`, `${path.basename(dataDir)}-backup-${world.checks}.json`);
      const backup = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'server/scripts/backup.ts',
          '--data-dir',
          dataDir,
          '--event',
          world.eventId,
          '--out',
          out,
        ],
        { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      backup.stderr.on('data', (d: Buffer) => (err += String(d)));
      const exited = new Promise<number | null>((resolve) => backup.once('exit', resolve));
      let pouring = true;
      const joining = (async () => {
        while (pouring) await join(8).catch(() => (pouring = false));
      })();
      phase = 'waiting for the backup to open the database';
      await Promise.race([exited, databaseOpenedBy(backup.pid!)]);
      await new Promise((resolve) => setTimeout(resolve, random(30)));
      if (backup.exitCode === null) backupKillsWhileRunning += 1;
      pouring = false;
      phase = 'killing';
      await kill9(child);
      phase = 'waiting for the joins';
      await joining;
      phase = 'waiting for the backup to exit';
      const code = await exited;
      phase = '';
      // The backup either completes with a valid document or fails cleanly; it never half-writes.
      if (code === 0) {
        const document = validateBackup(JSON.parse(readFileSync(out, 'utf8')));
        expect(document.event.id).toBe(world.eventId);
        backupOutcomes.completed += 1;
      } else {
        expect(err).toMatch(/backup failed|cannot open/);
        backupOutcomes.failedCleanly += 1;
      }
      rmSync(out, { force: true });
    },
  };

  it(
    `kills the server ${KILLS} times at each of ${STEPS.length} steps`,
    { timeout: KILLS * STEPS.length * 60_000 },
    async () => {
      await start();
      const event = await ok<EventDto>('POST', '/api/events', {
        title: 'Crash matrix',
        settings: { revealLeadMs: 0, collectShippingContact: true },
      });
      await ok('POST', `/api/events/${event.id}/open`);
      world = new CrashWorld(event.id, event.joinCode, TOKEN);
      await join(10);
      await kill9(child);

      const kills = Object.fromEntries(STEPS.map((s) => [s, { exact: 0, inFlight: 0 }])) as Record<
        Step,
        { exact: number; inFlight: number }
      >;
      const timing = { start: 0, check: 0, step: 0 };
      for (let i = 0; i < KILLS; i += 1) {
        for (const step of STEPS) {
          const failpoint = FAILPOINT_OF[step];
          const exact = failpoint !== undefined && (ALWAYS_EXACT.has(step) || i % 2 === 0);
          if (process.env.DRAWCAST_CRASH_VERBOSE)
            console.log(`kill ${i + 1}: ${step}${exact ? ' (failpoint)' : ''}`);
          const t0 = performance.now();
          await within(
            `kill ${i + 1} at ${step}: restart`,
            start(exact ? { DRAWCAST_FAILPOINT: failpoint } : {}),
          );
          const t1 = performance.now();
          await within(`kill ${i + 1} at ${step}: checks`, world.check(child.url));
          const t2 = performance.now();
          await within(`kill ${i + 1} at ${step}`, steps[step](exact));
          kills[step][exact ? 'exact' : 'inFlight'] += 1;
          timing.start += t1 - t0;
          timing.check += t2 - t1;
          timing.step += performance.now() - t2;
          if (process.env.DRAWCAST_CRASH_VERBOSE) {
            const ms = (a: number, b: number) => Math.round(b - a);
            console.log(
              `  restart ${ms(t0, t1)} ms, checks ${ms(t1, t2)} ms, step ${ms(t2, performance.now())} ms`,
            );
          }
        }
      }
      await start();
      await world.check(child.url);
      await kill9(child);

      const table = STEPS.map(
        (s) =>
          `  ${s.padEnd(20)} ${kills[s].exact + kills[s].inFlight} kills (${kills[s].exact} at the failpoint)`,
      );
      console.log(
        `crash matrix: ${KILLS} kills per step, ${world.checks} restarts checked, ${world.proofsVerified} proofs ` +
          `verified, ${world.joins.size} acked joins, ${backupKillsWhileRunning} backup kills with the backup ` +
          `running (${backupOutcomes.completed} backups completed valid, ${backupOutcomes.failedCleanly} failed ` +
          `cleanly), ` +
          `${world.rounds.size} rounds, ${world.imports.length} imports; mean ms per kill: ` +
          Object.entries(timing)
            .map(([k, ms]) => `${k} ${Math.round(ms / (KILLS * STEPS.length))}`)
            .join(', ') +
          `\n${table.join('\n')}`,
      );
      for (const s of STEPS) expect(kills[s].exact + kills[s].inFlight).toBe(KILLS);
    },
  );
});
