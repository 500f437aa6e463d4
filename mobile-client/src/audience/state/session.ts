// The audience session: one socket, the event info, the entry state and its live updates.
import { ref, shallowRef, watch } from 'vue';
import type {
  Ack,
  ErasureDto,
  JoinAckDto,
  ParticipantStateDto,
  PublicEventInfoDto,
  RoundRevealDto,
  WinnerClaimDto,
} from '@drawcast/shared';
import {
  browserStorage,
  deviceToken,
  forgetDevice,
  joinedEventId,
  rememberJoined,
} from '../../common/device';
import { useServerClock } from '../../common/clock';
import { openAudienceSocket, send } from '../../common/socket';
import type { AppSocket, SendFailure } from '../../common/socket';
import {
  applyAggregate,
  applyEntriesClosed,
  applyFrozenCheck,
  applyEventUpdated,
  applyForfeited,
  applyLocalOdds,
  applyRedeemed,
  applyReveal,
  applyRoundCommitted,
  applyRoundUpdated,
  applyYouWon,
  fromJoinAck,
  frozenListToCheck,
  mergeParticipantState,
} from './entry';
import { checkMyEntryInFrozenList } from './frozenCheck';
import type { EntryState } from './entry';
import { useReveals } from './reveals';
import { useSupport } from './support';
import { computeOddsInWorker, worthComputingOnPhone } from './localOdds';

/** Which screen the app is on before (or instead of) the entry. */
export type Phase =
  | 'loading'
  | 'code'
  | 'notFound'
  | 'closed'
  | 'draft'
  | 'loadFailed'
  | 'join'
  | 'entry'
  /** This phone deleted its data (issue #14): a confirmation, and the device token is forgotten. */
  | 'erased';

/** Connection status shown at the top of every screen. */
export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

/** A failure to show in the user's language: an i18n key under `errors.` plus params. */
export interface UiError {
  key: string;
  params?: Record<string, string>;
}

/** Server codes the phone has its own words for; anything else reads "Something went wrong (CODE)". */
const KNOWN_CODES = new Set([
  'INVALID_NICKNAME',
  'PHONE_REQUIRED',
  'INVALID_PHONE',
  'EVENT_NOT_FOUND',
  'EVENT_NOT_OPEN',
  'RATE_LIMITED',
  'PROTOCOL_MISMATCH',
  'VALIDATION_FAILED',
  'CLAIM_FORFEITED',
  'ALREADY_REDEEMED',
]);

/** The typed failure of an ack as a message key. */
export function errorOf(ack: { ok: false; code: string }): UiError {
  if (ack.code === 'OFFLINE') return { key: 'offline' };
  return KNOWN_CODES.has(ack.code) ? { key: ack.code } : { key: 'generic', params: { code: ack.code } };
}

/** Why: every view reads one session; the socket and its listeners live exactly once per page. */
export function createSession(joinCode: string | null, ref0: string | null) {
  const storage = browserStorage();
  const token = deviceToken(storage, (b) => crypto.getRandomValues(b));
  const phase = ref<Phase>(joinCode ? 'loading' : 'code');
  const connection = ref<Connection>('connecting');
  const info = shallowRef<PublicEventInfoDto | null>(null);
  const entry = shallowRef<EntryState | null>(null);
  const joining = ref(false);
  const joinError = ref<UiError | null>(null);
  let joined = joinCode ? joinedEventId(storage, joinCode) !== null : false;

  const socket: AppSocket = openAudienceSocket(() =>
    joinCode ? { joinCode, ...(joined ? { deviceToken: token } : {}) } : {},
  );
  const clock = useServerClock(socket);
  const reveals = useReveals(() => clock.offsetMs.value);
  const support = useSupport(socket, token, () => entry.value?.event.id ?? null, errorOf);
  // The thread (and any answer given while this phone was away) after joining and after each reconnect.
  watch([() => entry.value?.event.id, connection], ([id, c]) => {
    if (id && c === 'online') void support.reload();
  });

  function setEntry(next: EntryState | null): void {
    if (next === entry.value) return;
    entry.value = next;
    if (next) reveals.sync(next);
    if (next) checkFrozenList(next);
  }

  /** Once a round's entries close, this phone checks the published list holds its entry (once per round). */
  function checkFrozenList(state: EntryState): void {
    const todo = frozenListToCheck(state);
    if (!todo) return;
    entry.value = applyFrozenCheck(state, { roundId: todo.roundId, status: 'checking' });
    void checkMyEntryInFrozenList(todo.roundId, todo.digest, state.me.id).then((status) => {
      if (entry.value) entry.value = applyFrozenCheck(entry.value, { roundId: todo.roundId, status });
    });
  }

  function applyState(s: ParticipantStateDto): void {
    joined = true;
    phase.value = 'entry';
    setEntry(mergeParticipantState(entry.value, s));
  }

  socket.on('connect', () => {
    connection.value = 'online';
    void clock.sync();
  });
  socket.on('disconnect', () => {
    connection.value = 'offline';
  });
  socket.on('connect_error', (err) => {
    const code = (err as { data?: { code?: string } }).data?.code;
    connection.value = code === 'PROTOCOL_MISMATCH' ? 'refused' : 'offline';
  });
  socket.on('participant:state', applyState);
  socket.on('odds:aggregate', (a) => {
    if (!entry.value) return;
    const next = applyAggregate(entry.value, a);
    setEntry(next);
    if (next.odds && !next.odds.exact && worthComputingOnPhone(a)) {
      void computeOddsInWorker(a, next.me.tickets).then((value) => {
        if (value !== null && entry.value) setEntry(applyLocalOdds(entry.value, a, value));
      });
    }
  });
  socket.on('round:committed', (r) => {
    // A quiet moment before this round's reveal: measure the clock again (each phone at its own moment).
    clock.resyncSoon();
    if (!entry.value) return;
    setEntry(applyRoundCommitted(entry.value, r));
    // Eligibility (earlier winners excluded?) comes with the state; spread the crowd's refreshes out.
    setTimeout(() => void refreshState(), Math.random() * 3000);
  });
  socket.on('round:entriesClosed', (c) => {
    clock.resyncSoon(); // for a phone that joined after the commit (none twice within 30 s)
    if (entry.value) setEntry(applyEntriesClosed(entry.value, c));
  });
  socket.on('round:updated', (r) => entry.value && setEntry(applyRoundUpdated(entry.value, r)));
  socket.on('round:reveal', (r: RoundRevealDto) => entry.value && setEntry(applyReveal(entry.value, r)));
  socket.on('you:won', (w) => entry.value && setEntry(applyYouWon(entry.value, w)));
  socket.on('you:referred', () => void refreshState());
  socket.on('claim:redeemed', (r) => entry.value && setEntry(applyRedeemed(entry.value, r)));
  socket.on('you:forfeited', (f) => entry.value && setEntry(applyForfeited(entry.value, f)));
  socket.on('event:updated', (e) => {
    if (entry.value) setEntry(applyEventUpdated(entry.value, e));
    if (info.value && info.value.id === e.id)
      info.value = { ...info.value, status: e.status, title: e.title };
  });

  async function refreshState(): Promise<boolean> {
    if (!joinCode) return false;
    const ack = await send<'participant:state', ParticipantStateDto>(socket, 'participant:state', {
      joinCode,
      deviceToken: token,
    });
    if (ack.ok) applyState(ack.data);
    return ack.ok;
  }

  function phaseOf(status: PublicEventInfoDto['status']): Phase {
    return status === 'open' ? 'join' : status === 'closed' ? 'closed' : 'draft';
  }

  /** Loads the event (and the entry, when this phone already joined); safe to call again to retry. */
  async function load(): Promise<void> {
    if (!joinCode) return;
    phase.value = 'loading';
    try {
      const res = await fetch(`/api/join/${encodeURIComponent(joinCode)}`);
      if (res.status === 404 || res.status === 400) {
        phase.value = 'notFound';
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      info.value = (await res.json()) as PublicEventInfoDto;
    } catch {
      phase.value = 'loadFailed';
      return;
    }
    if (joined && (await refreshState())) return;
    joined = false;
    phase.value = phaseOf(info.value.status);
  }

  /** `event:join`; on success the entry view, on failure the server's code in the user's language. */
  async function join(nickname: string, phone: string | null): Promise<void> {
    if (!joinCode || joining.value) return;
    joining.value = true;
    joinError.value = null;
    const ack: Ack<JoinAckDto> | SendFailure = await send<'event:join', JoinAckDto>(socket, 'event:join', {
      joinCode,
      nickname,
      deviceToken: token,
      ...(phone ? { phone } : {}),
      ...(ref0 ? { ref: ref0 } : {}),
    });
    joining.value = false;
    if (!ack.ok) {
      joinError.value = errorOf(ack);
      if (ack.code === 'EVENT_NOT_OPEN') phase.value = 'closed';
      return;
    }
    joined = true;
    reveals.joinedNow(clock.serverNow());
    rememberJoined(storage, joinCode, ack.data.eventId);
    setEntry(fromJoinAck(ack.data));
    phase.value = 'entry';
    void refreshState(); // referrals count and anything already drawn
  }

  /** `claim:contact`: the winner's shipping address for one claim. */
  async function submitContact(claimId: string, contact: Record<string, string>): Promise<UiError | null> {
    if (!entry.value) return { key: 'generic', params: { code: 'NO_ENTRY' } };
    const ack = await send<'claim:contact', WinnerClaimDto>(socket, 'claim:contact', {
      eventId: entry.value.event.id,
      deviceToken: token,
      claimId,
      contact,
    });
    if (!ack.ok) return errorOf(ack);
    const claim = ack.data;
    setEntry({
      ...entry.value,
      wins: entry.value.wins.map((w) => (w.claim?.id === claim.id ? { ...w, claim } : w)),
    });
    return null;
  }

  /** `privacy:forgetMe`: the server erases this entry's data, then the phone forgets its token. */
  async function forgetMe(): Promise<UiError | null> {
    if (!entry.value) return { key: 'generic', params: { code: 'NO_ENTRY' } };
    const ack = await send<'privacy:forgetMe', ErasureDto>(socket, 'privacy:forgetMe', {
      eventId: entry.value.event.id,
      deviceToken: token,
      confirm: true,
    });
    if (!ack.ok) return errorOf(ack);
    forgetDevice(storage, joinCode ? [joinCode] : []);
    joined = false;
    entry.value = null;
    phase.value = 'erased';
    return null;
  }

  return {
    joinCode,
    ref: ref0,
    phase,
    connection,
    info,
    entry,
    joining,
    joinError,
    reveals,
    clock,
    load,
    join,
    submitContact,
    forgetMe,
    support,
    close: () => socket.close(),
  };
}

/** The session type the views receive. */
export type Session = ReturnType<typeof createSession>;
