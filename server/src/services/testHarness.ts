// Test support for service tests: a real SQLite file in a temp dir, a settable clock, seeded randomness.
import { createHmac } from 'node:crypto';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../store/sqlite/sqliteStore';
import type { Store } from '../store/store';
import { createDrawcastService } from './drawcastService';
import type { Clock, DrawcastService, Random } from './types';

/** A clock tests move by hand (injection, not mocking: the service only ever asks it for now()). */
export class ManualClock implements Clock {
  constructor(public current = 1_700_000_000_000) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Reproducible bytes: HMAC-SHA256(seed, counter) blocks, so ids, codes and server seeds repeat per seed. */
export function seededRandom(seed: string): Random {
  let counter = 0;
  return {
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const block = createHmac('sha256', seed).update(String(counter++)).digest();
        const take = Math.min(block.length, n - filled);
        out.set(block.subarray(0, take), filled);
        filled += take;
      }
      return out;
    },
  };
}

/** A service over a real SQLite file, with handles to restart it. */
export interface ServiceHarness {
  service: DrawcastService;
  store: Store;
  clock: ManualClock;
  file: string;
  /** The temp dir holding the file; removed by cleanup(). */
  dir: string;
  /** Closes the store and starts a new store + service on the same file (a process restart). */
  restart(): Promise<void>;
  /** Copies the database file (after closing the store) to a new path in the temp dir. */
  copyTo(name: string): Promise<string>;
  /** Opens another service over some file, sharing clock and secret. */
  openOther(file: string, randomSeed?: string): { service: DrawcastService; store: Store };
  cleanup(): Promise<void>;
}

/** The hashing pepper of tests. */
export const TEST_SECRET = 'test-secret-pepper';

/** The shipping-contact key of tests (32 fixed bytes; production loads contact.key from the data dir). */
export const TEST_CONTACT_KEY = seededRandom('contact-key').bytes(32);

/** Creates a harness; call cleanup() in afterEach. */
export async function openServiceHarness(randomSeed = 'seed'): Promise<ServiceHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'drawcast-service-'));
  const file = join(dir, 'drawcast.sqlite');
  const clock = new ManualClock();
  const stores: Store[] = [];
  let restarts = 0;
  const open = (path: string, seed: string) => {
    const store = createSqliteStore({ file: path, assertReadsDoNotWrite: true });
    stores.push(store);
    return {
      store,
      service: createDrawcastService({
        store,
        clock,
        random: seededRandom(seed),
        secret: TEST_SECRET,
        contactKey: TEST_CONTACT_KEY,
      }),
    };
  };
  const first = open(file, randomSeed);
  const harness: ServiceHarness = {
    ...first,
    clock,
    file,
    dir,
    async restart() {
      await harness.store.close();
      restarts += 1;
      const next = open(file, `${randomSeed}/restart-${restarts}`);
      harness.store = next.store;
      harness.service = next.service;
    },
    async copyTo(name) {
      await harness.store.close();
      const target = join(dir, name);
      await copyFile(file, target);
      return target;
    },
    openOther: (path, seed = `${randomSeed}/other`) => open(path, seed),
    async cleanup() {
      for (const store of stores) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
