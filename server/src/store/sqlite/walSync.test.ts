import { statSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, SYS } from '../conformance';
import { createSqliteStore } from './sqliteStore';
import { createWalSyncer, durableMethods, walFileFsync } from './walSync';

/** An fsync the test finishes by hand, so the order of commits, fsyncs and resolutions is visible. */
function manualFsync() {
  const calls: Array<{ finish(): void; fail(err: Error): void }> = [];
  const fsync = () =>
    new Promise<void>((resolve, reject) => {
      calls.push({ finish: resolve, fail: reject });
    });
  return { fsync, calls };
}

/** Records which promises have settled, without awaiting them. */
function track<T>(p: Promise<T>) {
  const state = { done: false, failed: false };
  p.then(
    () => (state.done = true),
    () => (state.failed = true),
  );
  return state;
}

/** Busy-waits (the event loop stays blocked) until `done()` or the deadline; says whether it was done. */
function spinUntil(done: () => boolean, timeoutMs: number): boolean {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) if (done()) return true;
  return done();
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WAL syncer', () => {
  it('resolves at once, without an fsync, when nothing was committed', async () => {
    const { fsync, calls } = manualFsync();
    const syncer = createWalSyncer(() => 0, fsync);
    await syncer.sync();
    expect(calls).toHaveLength(0);
    expect(syncer.clean).toBe(true);
  });

  it('never resolves a commit on an fsync that started before it', async () => {
    let changes = 0;
    const { fsync, calls } = manualFsync();
    const syncer = createWalSyncer(() => changes, fsync);
    changes = 1;
    const first = track(syncer.sync());
    changes = 2; // committed while the first fsync runs
    const second = track(syncer.sync());
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await tick();
    expect(first.done).toBe(true);
    expect(second.done).toBe(false);
    expect(calls).toHaveLength(2); // the second commit's own fsync has started
    calls[1]!.finish();
    await tick();
    expect(second.done).toBe(true);
    expect(syncer.clean).toBe(true);
  });

  it('shares one fsync among every commit that waited behind the running one', async () => {
    let changes = 1;
    const { fsync, calls } = manualFsync();
    const syncer = createWalSyncer(() => changes, fsync);
    changes = 2;
    void syncer.sync();
    const waiting = [3, 4, 5].map((n) => {
      changes = n;
      return track(syncer.sync());
    });
    calls[0]!.finish();
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.finish();
    await tick();
    expect(waiting.every((w) => w.done)).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('a caller whose commit the running fsync covers waits for that fsync only', async () => {
    let changes = 0;
    const { fsync, calls } = manualFsync();
    const syncer = createWalSyncer(() => changes, fsync);
    changes = 7;
    const a = track(syncer.sync());
    const b = track(syncer.sync()); // nothing committed since the running fsync started
    calls[0]!.finish();
    await tick();
    expect([a.done, b.done]).toEqual([true, true]);
    expect(calls).toHaveLength(1);
    expect(syncer.clean).toBe(true);
  });

  it('fails the waiting writes when the fsync fails, and the next write tries again', async () => {
    let changes = 0;
    const { fsync, calls } = manualFsync();
    const syncer = createWalSyncer(() => changes, fsync);
    changes = 1;
    const failed = syncer.sync();
    calls[0]!.fail(new Error('EIO'));
    await expect(failed).rejects.toThrow('EIO');
    expect(syncer.clean).toBe(false);
    const retried = track(syncer.sync());
    expect(calls).toHaveLength(2);
    calls[1]!.finish();
    await tick();
    expect(retried.done).toBe(true);
  });
});

describe('durable store methods', () => {
  it('a method that wrote waits for the fsync; a read does not', async () => {
    let changes = 0;
    const { fsync, calls } = manualFsync();
    const syncer = createWalSyncer(() => changes, fsync);
    const store = durableMethods(
      {
        write: async () => {
          changes += 1;
          return 'written';
        },
        read: async () => 'read',
      },
      () => changes,
      syncer,
    );
    const written = track(store.write());
    await expect(store.read()).resolves.toBe('read');
    await tick();
    expect(written.done).toBe(false);
    calls[0]!.finish();
    await tick();
    expect(written.done).toBe(true);
  });
});

describe('WAL file fsync', () => {
  it('syncs the live WAL of a real store and reports its size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drawcast-wal-'));
    const file = join(dir, 'drawcast.sqlite');
    const store = createSqliteStore({ file });
    const sizes: number[] = [];
    const wal = walFileFsync(file, (bytes) => sizes.push(bytes));
    try {
      await store.insertEvent(fixtures.event(), SYS);
      await wal.fsync();
      expect(sizes).toHaveLength(1);
      expect(sizes[0]).toBe((await stat(`${file}-wal`)).size);
      expect(sizes[0]).toBeGreaterThan(0);
    } finally {
      wal.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('checkpoint thread', () => {
  it('folds a large WAL into the database file while the event loop is blocked (so off it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'drawcast-wal-'));
    const file = join(dir, 'drawcast.sqlite');
    const store = createSqliteStore({ file });
    try {
      const event = fixtures.event();
      await store.insertEvent(event, SYS);
      const before = (await stat(file)).size;
      // ~6 MB of WAL: past the 2 MB from which a store starts its checkpoint thread.
      const nickname = 'x'.repeat(24);
      for (let batch = 0; batch < 12; batch++) {
        await Promise.all(
          Array.from({ length: 500 }, () =>
            store.insertParticipantIfAbsent(fixtures.participant(event.id, { nickname }), SYS),
          ),
        );
      }
      // Block this event loop in a busy wait and watch the database file: it can only grow meanwhile if
      // the checkpoint runs on another thread (the server's own connection only checkpoints at 20,000
      // pages, and nothing on this thread runs while it spins).
      const grewWhileBlocked = spinUntil(() => statSync(file).size > before + 1_000_000, 10_000);
      expect(grewWhileBlocked).toBe(true);
      await expect(store.countParticipants(event.id)).resolves.toBe(6000);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('read-only methods', () => {
  it('are not wrapped, and in tests one that writes is caught', async () => {
    let changes = 0;
    const syncer = createWalSyncer(() => changes, manualFsync().fsync);
    const methods = {
      getThing: async () => {
        changes += 1;
        return 'oops';
      },
    };
    await expect(durableMethods(methods, () => changes, syncer, true).getThing()).rejects.toThrow(
      'store method getThing looks like a read but wrote',
    );
    await expect(durableMethods(methods, () => changes, syncer).getThing()).resolves.toBe('oops');
  });
});
