// The console's live state: REST for reads and writes, the socket's broadcasts keep it current.
import { syncClock } from '@drawcast/shared';
import type {
  ClaimDto,
  EventDto,
  ImportProgressDto,
  JoinSpikeDto,
  OddsAggregateDto,
  PrizeDto,
  RoundDto,
  SupportMessageDto,
} from '@drawcast/shared';
import { reactive } from 'vue';
import { HostApi } from './api';
import { upsertById } from './logic/roundState';
import { nextSpike } from './logic/spike';
import type { Credential } from './logic/session';
import { connectHost, unwrap } from './socket';
import type { HostSocket } from './socket';

/** Everything the screens read; mutated only here. */
export interface ConsoleState {
  connected: boolean;
  events: EventDto[];
  eventId: string | null;
  prizes: PrizeDto[];
  rounds: RoundDto[];
  claims: ClaimDto[];
  /** The event's support inbox, oldest first. */
  support: SupportMessageDto[];
  /** Connected phones per event. */
  audience: Record<string, number>;
  aggregate: OddsAggregateDto | null;
  importProgress: ImportProgressDto | null;
  /** Issue #14: the open event's latest join-spike reading (live, and read again after a reload). */
  spike: JoinSpikeDto | null;
  /** Server time minus local time. */
  offsetMs: number;
  now: number;
}

/** Why: one object the screens share (provide/inject), so a broadcast updates every screen at once. */
export function createConsoleStore(credential: Credential) {
  const api = new HostApi(credential.token);
  const socket: HostSocket = connectHost(credential);
  const state = reactive<ConsoleState>({
    connected: false,
    events: [],
    eventId: null,
    prizes: [],
    rounds: [],
    claims: [],
    support: [],
    audience: {},
    aggregate: null,
    importProgress: null,
    spike: null,
    offsetMs: 0,
    now: Date.now(),
  });
  const tick = setInterval(() => (state.now = Date.now() + state.offsetMs), 250);

  const current = () => state.eventId;
  socket.on('connect', () => {
    state.connected = true;
    void syncClock({ ping: async () => unwrap(await socket.emitWithAck('clock:ping', {})) }).then(
      (c) => (state.offsetMs = c.offsetMs),
      () => undefined,
    );
    if (current()) void reloadEvent();
  });
  socket.on('disconnect', () => (state.connected = false));
  socket.on('event:updated', (e) => {
    state.events = upsertById(state.events, e);
  });
  socket.on('audience:count', ({ eventId, count }) => {
    state.audience = { ...state.audience, [eventId]: count };
  });
  socket.on('odds:aggregate', (a) => {
    if (a.eventId === current()) state.aggregate = a;
  });
  const refreshRound = async (eventId: string, roundId: string) => {
    if (eventId !== current()) return;
    state.rounds = upsertById(state.rounds, await api.get<RoundDto>(`/api/rounds/${roundId}`));
  };
  socket.on('round:committed', (r) => void refreshRound(r.eventId, r.roundId));
  socket.on('round:updated', (r) => void refreshRound(r.eventId, r.roundId));
  socket.on('round:drawn', (r) => {
    void refreshRound(r.eventId, r.roundId);
    if (r.eventId === current()) {
      void loadClaims();
      void loadPrizes();
    }
    // The reveal flips `revealed`; read the round again once the phones have it.
    setTimeout(() => void refreshRound(r.eventId, r.roundId), Math.max(0, r.phoneRevealAt - state.now) + 200);
  });
  socket.on('claim:updated', (c) => {
    if (c.eventId === current()) state.claims = upsertById(state.claims, c);
  });
  socket.on('support:message', (m) => {
    if (m.eventId === current()) state.support = upsertById(state.support, m);
  });
  socket.on('import:progress', (p) => {
    if (p.eventId === current()) state.importProgress = p;
  });
  socket.on('host:joinSpike', (s) => {
    state.spike = nextSpike(state.spike, s, current());
  });

  async function loadEvents() {
    state.events = await api.get<EventDto[]>('/api/events');
  }
  async function loadPrizes() {
    if (current()) state.prizes = await api.get<PrizeDto[]>(`/api/events/${current()}/prizes`);
  }
  async function loadClaims() {
    if (current()) state.claims = await api.get<ClaimDto[]>(`/api/events/${current()}/claims`);
  }
  async function loadRounds() {
    if (current()) state.rounds = await api.get<RoundDto[]>(`/api/events/${current()}/rounds`);
  }
  async function loadConnected() {
    const eventId = current();
    if (!eventId) return;
    const { connected } = await api.get<{ connected: number }>(`/api/events/${eventId}/dashboard`);
    state.audience = { ...state.audience, [eventId]: connected };
  }
  async function loadSupport() {
    if (current()) state.support = await api.get<SupportMessageDto[]>(`/api/events/${current()}/support`);
  }
  async function loadSpike() {
    const eventId = current();
    if (!eventId) return;
    const reading = await api.get<JoinSpikeDto>(`/api/events/${eventId}/join-spike`);
    state.spike = nextSpike(state.spike, reading, current());
  }
  /** The batch action over the socket: every entry from that address since `since` is disqualified. */
  async function disqualifySpikeSource(ipKey: string, since: number) {
    const eventId = current()!;
    return unwrap(await socket.emitWithAck('spike:disqualify', { eventId, ipKey, since }));
  }
  /** Hides the banner (the host says it is real traffic); the server learns it as normal. */
  async function dismissSpike() {
    const eventId = current()!;
    state.spike = unwrap(await socket.emitWithAck('spike:dismiss', { eventId }));
  }
  async function reloadEvent() {
    // Staff see only the desk: the event's prizes, rounds and claims are host-only reads.
    if (credential.role !== 'host') return;
    await Promise.all([
      loadPrizes(),
      loadRounds(),
      loadClaims(),
      loadSupport(),
      loadConnected(),
      loadSpike(),
    ]);
  }
  async function selectEvent(eventId: string | null) {
    state.eventId = eventId;
    state.prizes = [];
    state.rounds = [];
    state.claims = [];
    state.support = [];
    state.aggregate = null;
    state.importProgress = null;
    state.spike = null;
    if (eventId) await reloadEvent();
  }
  function replaceEvent(e: EventDto) {
    state.events = upsertById(state.events, e);
  }
  function replaceRound(r: RoundDto) {
    state.rounds = upsertById(state.rounds, r);
  }
  function replaceClaim(c: ClaimDto) {
    state.claims = upsertById(state.claims, c);
  }
  function replaceSupport(m: SupportMessageDto) {
    state.support = upsertById(state.support, m);
  }

  return {
    api,
    socket,
    state,
    credential,
    loadEvents,
    loadPrizes,
    loadRounds,
    loadClaims,
    selectEvent,
    replaceEvent,
    replaceRound,
    replaceClaim,
    replaceSupport,
    loadSupport,
    disqualifySpikeSource,
    dismissSpike,
    close() {
      clearInterval(tick);
      socket.disconnect();
    },
  };
}

/** The store's type, for inject(). */
export type ConsoleStore = ReturnType<typeof createConsoleStore>;
/** The provide/inject key. */
export const STORE_KEY = Symbol('drawcast-console');
