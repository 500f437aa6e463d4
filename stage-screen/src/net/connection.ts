// The stage's link to the server: one stage socket (plus a host socket when the host token is given),
// the clock offset from clock:ping samples, the name pool for the wheel and reels, and new joiners.
import { PROTOCOL_VERSION, estimateOffset, syncClock } from '@drawcast/shared';
import type { ClockSample } from '@drawcast/shared';
import type {
  AuditHeadDto,
  ClientToServerEvents,
  DrawModeDto,
  PrizeDto,
  PublicEventInfoDto,
  RoundDto,
  ServerToClientEvents,
  StageNamesDto,
  StageStateDto,
} from '@drawcast/shared';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { NameEntry } from '../landing/sample';

type StageSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Joiners already in when the stage opens that its lobby still shows (the newest). */
const RECENT_JOINERS = 6;

/** Largest name pool kept for sampling (the wheel shows far fewer). */
export const POOL_SIZE = 1000;

/** Why: the page only knows the join code from its URL; the public join info gives the event id. */
export async function resolveEvent(joinCode: string): Promise<PublicEventInfoDto | null> {
  const res = await fetch(`/api/join/${encodeURIComponent(joinCode)}`);
  if (!res.ok) return null;
  return (await res.json()) as PublicEventInfoDto;
}

/** An ack's data or a thrown Error with the server's code and message. */
function dataOf<T>(ack: { ok: true; data: T } | { ok: false; code: string; message: string }): T {
  if (!ack.ok) throw Object.assign(new Error(`${ack.code}: ${ack.message}`), { code: ack.code });
  return ack.data;
}

/** Why: scenes get plain data and server-time conversion; sockets stay in this one module. */
export class StageConnection {
  readonly socket: StageSocket;
  private host: StageSocket | null = null;
  /** Server minus local clock, ms. */
  offsetMs = 0;
  private pool: NameEntry[] = [];
  private poolTotal = -1;
  private poolLoading: Promise<void> | null = null;
  private joinCursor = -1;
  private joinersBusy = false;
  private samples: ClockSample[] = [];
  private syncing = false;

  constructor(
    readonly eventId: string,
    hostToken: string | null,
  ) {
    const auth: Record<string, unknown> = { protocolVersion: PROTOCOL_VERSION, role: 'stage', eventId };
    if (hostToken) auth.hostToken = hostToken;
    this.socket = io({ auth, transports: ['websocket'] });
    if (hostToken)
      this.host = io({
        auth: { protocolVersion: PROTOCOL_VERSION, role: 'host', hostToken },
        transports: ['websocket'],
      });
    this.socket.on('connect', () => void this.syncClock());
    // Keep refining: a busy page or network makes some pings slow; the fastest ones seen decide.
    setInterval(() => void this.syncClock(), 5_000);
  }

  /** True when the host token was given: results at stage timing and keyboard control. */
  get isHost(): boolean {
    return this.host !== null;
  }

  /** Converts a server instant to the local clock. */
  toLocal(serverTime: number): number {
    return serverTime - this.offsetMs;
  }

  /** Re-estimates the clock offset (best 3 of 5 pings by round trip). */
  async syncClock(): Promise<void> {
    if (this.syncing || !this.socket.connected) return;
    this.syncing = true;
    try {
      const run = await syncClock({
        ping: async () => dataOf(await this.socket.emitWithAck('clock:ping', {})),
        samples: 5,
      });
      // Of the last 40 samples, the one with the shortest round trip (its error is at most half of it): a
      // busy renderer delays many acks, and a median of several slow samples would drag the offset.
      this.samples = [...this.samples, ...run.samples].slice(-40);
      this.offsetMs = estimateOffset(this.samples, 1).offsetMs;
    } catch {
      // Keep the previous estimate; the next sync retries.
    } finally {
      this.syncing = false;
    }
  }

  /** The event's whole stage state (on load and after every reconnect). */
  async watch(): Promise<StageStateDto> {
    const sentAt = Date.now();
    const state = dataOf(await this.socket.emitWithAck('stage:watch', { eventId: this.eventId }));
    if (this.samples.length === 0) {
      // A first rough sample until the pings come back.
      this.offsetMs = estimateOffset([
        { t0: sentAt, t1: state.serverNow, t2: state.serverNow, t3: Date.now() },
      ]).offsetMs;
    }
    // The lobby opens with the latest few joiners, then shows each new one.
    if (this.joinCursor < 0) this.joinCursor = Math.max(0, state.participants - RECENT_JOINERS);
    void this.syncClock();
    return state;
  }

  /** The cached name pool (refreshed in the background when the crowd grows). */
  names(): NameEntry[] {
    return this.pool;
  }

  /**
   * Why: the wheel and reels show a fair sample of everyone; up to POOL_SIZE names are fetched in pages at
   * random offsets (the whole list when it is small), so a 100,000-entry event costs a few small calls.
   */
  refreshPool(total: number): Promise<void> {
    if (this.poolLoading) return this.poolLoading;
    if (total === this.poolTotal) return Promise.resolve();
    this.poolLoading = (async () => {
      try {
        const pages: StageNamesDto[] = [];
        if (total <= POOL_SIZE) {
          pages.push(
            dataOf(
              await this.socket.emitWithAck('stage:names', {
                eventId: this.eventId,
                offset: 0,
                limit: POOL_SIZE,
              }),
            ),
          );
        } else {
          const per = 250;
          const starts = new Set<number>();
          while (starts.size < POOL_SIZE / per)
            starts.add(Math.floor((Math.random() * (total - per)) / per) * per);
          for (const offset of starts) {
            pages.push(
              dataOf(
                await this.socket.emitWithAck('stage:names', { eventId: this.eventId, offset, limit: per }),
              ),
            );
          }
        }
        this.pool = pages.flatMap((p) => p.names.map((n) => ({ id: n.id, name: n.nickname })));
        this.poolTotal = total;
      } finally {
        this.poolLoading = null;
      }
    })();
    return this.poolLoading;
  }

  /** Nicknames of phones that joined since the last call (at most 50, the newest). */
  async newJoiners(): Promise<{ total: number; names: string[]; auditHead: AuditHeadDto | null }> {
    const none = { total: -1, names: [], auditHead: null };
    if (this.joinersBusy || this.joinCursor < 0) return none;
    this.joinersBusy = true;
    try {
      const head = dataOf(
        await this.socket.emitWithAck('stage:names', {
          eventId: this.eventId,
          offset: this.joinCursor,
          limit: 50,
        }),
      );
      let page = head;
      if (head.total - this.joinCursor > 50) {
        page = dataOf(
          await this.socket.emitWithAck('stage:names', {
            eventId: this.eventId,
            offset: head.total - 50,
            limit: 50,
          }),
        );
      }
      this.joinCursor = page.offset + page.names.length;
      return {
        total: head.total,
        names: page.names.map((n) => n.nickname),
        auditHead: page.auditHead ?? head.auditHead ?? null,
      };
    } catch {
      return none;
    } finally {
      this.joinersBusy = false;
    }
  }

  /** Host: draws a committed round (space). */
  async draw(roundId: string): Promise<RoundDto> {
    return dataOf(await this.requireHost().emitWithAck('round:draw', { roundId }));
  }

  /** Host: the prizes, to arm the next one (N). */
  async prizes(): Promise<PrizeDto[]> {
    return dataOf(await this.requireHost().emitWithAck('prize:list', { eventId: this.eventId }));
  }

  /** Host: the rounds, to know how much of each prize is reserved. */
  async rounds(): Promise<RoundDto[]> {
    return dataOf(await this.requireHost().emitWithAck('round:list', { eventId: this.eventId }));
  }

  /** Host: arms a round of a prize with the chosen animation. */
  async arm(prizeId: string, winners: number, drawMode: DrawModeDto): Promise<RoundDto> {
    return dataOf(
      await this.requireHost().emitWithAck('round:create', {
        eventId: this.eventId,
        prizeId,
        winners,
        drawMode,
      }),
    );
  }

  private requireHost(): StageSocket {
    if (!this.host) throw new Error('UNAUTHORIZED: the stage was opened without the host token');
    return this.host;
  }
}
