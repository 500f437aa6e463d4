// Builders and the test kit shared by the Store conformance suites.
import { afterEach } from 'vitest';
import type { AuditMeta } from '../../domain/audit/actor';
import { DEFAULT_EVENT_SETTINGS } from '../../domain/eventRules';
import type { DrawEvent, DrawOutcome, Participant, Prize, Round } from '../../domain/types';
import type { Store } from '../store';

/** How the suite gets stores: open() may be called again after close() and must see the same data. */
export interface StoreHarness {
  open(): Promise<Store>;
  /** Removes whatever the harness created (temp dirs, keys). */
  cleanup(): Promise<void>;
}

const SETTINGS = { ...DEFAULT_EVENT_SETTINGS };

/** The audit meta of changes the tests make (the conformance suite checks the chain separately). */
export const SYS: AuditMeta = { actor: 'system', at: 1 };
const SEED = 'ab'.repeat(32);

let counter = 0;
function uid(prefix: string): string {
  counter += 1;
  return `${prefix}_${String(counter).padStart(16, '0')}`;
}

/** Test fixture builders, exported so store-specific tests can reuse them. */
export const fixtures = {
  event(overrides: Partial<DrawEvent> = {}): DrawEvent {
    const id = uid('evt');
    return {
      id,
      title: 'Spring gala',
      joinCode: id.slice(-6).replace(/[01]/g, 'A'),
      status: 'open',
      settings: structuredClone(SETTINGS),
      createdAt: 1_000,
      ...overrides,
    };
  },
  prize(eventId: string, overrides: Partial<Prize> = {}): Prize {
    return {
      id: uid('prz'),
      eventId,
      name: 'TV',
      description: '55 inch',
      imageUrl: null,
      quantity: 10,
      awarded: 0,
      createdAt: 2_000,
      ...overrides,
    };
  },
  /** With the default (disabled) bonus rule, weight = baseWeight; either override sets both. */
  participant(eventId: string, overrides: Partial<Participant> = {}): Participant {
    const id = uid('p');
    const weight = overrides.weight ?? overrides.baseWeight ?? 1;
    return {
      id,
      eventId,
      nickname: `user ${id}`,
      deviceTokenHash: `dev-${id}`,
      phoneHash: null,
      phoneMasked: null,
      baseWeight: weight,
      weight,
      hasWon: false,
      joinedAt: 3_000,
      source: 'join',
      shareCode: null,
      referredBy: null,
      referrals: 0,
      checkedInAt: null,
      ...overrides,
    };
  },
  round(eventId: string, prizeId: string, overrides: Partial<Round> = {}): Round {
    return {
      id: uid('rnd'),
      eventId,
      prizeId,
      k: 1,
      excludePreviousWinners: true,
      checkedInOnly: false,
      blocklist: [],
      serverSeed: SEED,
      commitment: 'c'.repeat(64),
      publicEntropy: '',
      status: 'committed',
      createdAt: 4_000,
      drawnAt: null,
      revealAt: null,
      phoneRevealAt: null,
      entriesClosedAt: null,
      entryCount: null,
      entriesDigest: null,
      winners: null,
      redrawOf: null,
      auditHead: null,
      ...overrides,
    };
  },
  /** Without claims unless given: the claims contract passes its own. */
  outcome(
    winners: string[],
    entries = winners.map((id) => ({ id, weight: 1 })),
    publicEntropy = '',
  ): DrawOutcome {
    return {
      publicEntropy,
      entries,
      entriesDigest: 'd'.repeat(64),
      winners,
      claims: [],
      drawnAt: 5_000,
      revealAt: 10_000,
      phoneRevealAt: 20_000,
    };
  },
};

/** What each contract section uses: fresh stores (reopenable) and a seeded event. */
export interface ConformanceKit {
  setup(): Promise<{ store: Store; reopen: () => Promise<Store> }>;
  /** An open event with one prize of `quantity` and `n` participants of weights 1, 2, 3, 1, 2, 3, … */
  seeded(
    store: Store,
    n: number,
    quantity?: number,
  ): Promise<{ event: DrawEvent; prize: Prize; participants: Participant[] }>;
}

/** Builds the kit inside a describe block; stores and harnesses are closed and cleaned after each test. */
export function createConformanceKit(makeHarness: () => Promise<StoreHarness>): ConformanceKit {
  const open: { harness: StoreHarness; stores: Store[] }[] = [];

  async function setup(): Promise<{ store: Store; reopen: () => Promise<Store> }> {
    const harness = await makeHarness();
    const entry = { harness, stores: [] as Store[] };
    open.push(entry);
    const openOne = async (): Promise<Store> => {
      const store = await harness.open();
      entry.stores.push(store);
      return store;
    };
    const store = await openOne();
    return {
      store,
      reopen: async () => {
        await store.close();
        return openOne();
      },
    };
  }

  /** An open event with one prize and `n` participants. */
  async function seeded(store: Store, n: number, quantity = 10) {
    const event = fixtures.event();
    await store.insertEvent(event, SYS);
    const prize = fixtures.prize(event.id, { quantity });
    await store.insertPrize(prize, SYS);
    const participants: Participant[] = [];
    for (let i = 0; i < n; i += 1) {
      const p = fixtures.participant(event.id, { weight: (i % 3) + 1 });
      await store.insertParticipantIfAbsent(p, SYS);
      participants.push(p);
    }
    return { event, prize, participants };
  }

  afterEach(async () => {
    for (const entry of open.splice(0)) {
      for (const store of entry.stores) await store.close();
      await entry.harness.cleanup();
    }
  });

  return { setup, seeded };
}
