// Durable commits without blocking the event loop: SQLite commits with synchronous=NORMAL (the WAL is
// written, not synced), then the WAL file is fsynced on libuv's thread pool, and a write resolves only
// once an fsync that started after its commit has finished. Acknowledged data thus survives power loss
// as with synchronous=FULL, while the event loop keeps serving phones during the disk flush.
import fs from 'node:fs';
import type Database from 'better-sqlite3';

/** Flushes a file to disk; injectable so the ordering rules can be tested without a power cut. */
export type FsyncFile = () => Promise<void>;

/** Coalesces fsyncs: many commits waiting at once share the next one. */
export interface WalSyncer {
  /** Resolves once every commit made before this call is on disk (at once when nothing is pending). */
  sync(): Promise<void>;
  /** Whether every commit so far is already on disk. */
  readonly clean: boolean;
  /** The fsync now running (settles, never rejects), or null: a group commit waits for it to batch more. */
  running(): Promise<void> | null;
}

/**
 * Builds the syncer. `changes()` is a counter that grows with every commit (SQLite's total_changes);
 * an fsync covers the commits counted when it started.
 */
export function createWalSyncer(changes: () => number, fsyncFile: FsyncFile): WalSyncer {
  let synced = changes();
  let inFlight: Promise<void> | null = null;
  let inFlightTarget = synced;
  let queued: Promise<void> | null = null;

  function start(): Promise<void> {
    const target = changes();
    inFlightTarget = target;
    inFlight = fsyncFile().then(
      () => {
        synced = Math.max(synced, target);
        inFlight = null;
      },
      (err: unknown) => {
        inFlight = null;
        throw err;
      },
    );
    return inFlight;
  }

  function sync(): Promise<void> {
    const now = changes();
    if (inFlight === null) return now === synced ? Promise.resolve() : start();
    // The running fsync covers this caller if nothing was committed since it started; otherwise the
    // caller's commit may not be in it, and it waits for the next one (shared by every such caller).
    if (now === inFlightTarget) return inFlight;
    queued ??= inFlight
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return changes() === synced ? undefined : start();
      });
    return queued;
  }

  return {
    sync,
    get clean() {
      return inFlight === null && changes() === synced;
    },
    running: () => (inFlight === null ? null : inFlight.catch(() => undefined)),
  };
}

/**
 * The fsync of a live WAL file. The descriptor is reopened if SQLite ever replaced the file; when there
 * is no WAL file (never written, or folded back on close) the database file itself is synced.
 */
export function walFileFsync(
  dbFile: string,
  /** Told the WAL's size at each fsync (the store starts its checkpoint thread from it). */
  onWalSize: (bytes: number) => void = () => {},
): { fsync: FsyncFile; close(): void } {
  const walPath = `${dbFile}-wal`;
  let fd: number | null = null;
  let ino = -1;
  const pick = (): number => {
    let path = walPath;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(walPath);
    } catch {
      path = dbFile;
      stat = fs.statSync(dbFile);
    }
    if (path === walPath) onWalSize(stat.size);
    if (fd !== null && stat.ino === ino) return fd;
    if (fd !== null) fs.closeSync(fd);
    fd = fs.openSync(path, 'r');
    ino = stat.ino;
    return fd;
  };
  return {
    fsync: () =>
      new Promise<void>((resolve, reject) => {
        fs.fsync(pick(), (err) => (err ? reject(err) : resolve()));
      }),
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}

/** SQLite's count of rows changed on this connection: it grows with every write transaction. */
export function totalChanges(db: Database.Database): () => number {
  const stmt = db.prepare('SELECT total_changes()').pluck();
  return () => stmt.get() as number;
}

/** Methods that never write: they skip the wrapper (a method missing here is wrapped: safe, only slower). */
const READ_ONLY = /^(get|list|count)[A-Z]|^weightCounts$/;

/**
 * Wraps every writing store method so a call that committed anything resolves only after the WAL
 * holding it is on disk. Reads resolve at once and never wait for others' fsyncs.
 */
export function durableMethods<S extends object>(
  store: S,
  changes: () => number,
  syncer: WalSyncer,
  /** Tests: make a method named like a read throw if it committed anything (it would skip the fsync). */
  assertReadsDoNotWrite = false,
): S {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(store)) {
    if (typeof method !== 'function' || name === 'close' || name === 'whenDurable') {
      wrapped[name] = method;
      continue;
    }
    const call = method as (...a: unknown[]) => unknown;
    if (READ_ONLY.test(name)) {
      wrapped[name] = !assertReadsDoNotWrite
        ? call
        : async (...args: unknown[]) => {
            // Measured around the synchronous SQLite work only: a write of another caller that runs
            // while this read's promise settles is not this read's.
            const before = changes();
            const pending = call(...args);
            const wrote = changes() !== before;
            const result = await pending;
            if (wrote) throw new Error(`store method ${name} looks like a read but wrote`);
            return result;
          };
      continue;
    }
    wrapped[name] = async (...args: unknown[]) => {
      const before = changes();
      const result: unknown = await call(...args);
      if (changes() !== before) await syncer.sync();
      return result;
    };
  }
  return wrapped as S;
}
