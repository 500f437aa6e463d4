// The typed Socket.IO event maps: `domain:verb` names, one payload and one Ack<T> per command.
import type { ClockPong } from '../clock/sync';
import type { Ack } from './errors';
import type {
  ClaimDto,
  ClaimRedeemedDto,
  ImportProgressDto,
  WinnerClaimDto,
  YouForfeitedDto,
} from './claimDto';
import type {
  ClaimRef,
  ForfeitCommand,
  RedeemCommand,
  ShippingContactCommand,
  SweepCommand,
} from './claimSchemas';
import type { SupportMessageDto } from './consoleDto';
import type { SupportListPayload, SupportSendPayload } from './consoleSchemas';
import type { EraseParticipantPayload, ErasureDto, ForgetMePayload } from './privacySchemas';
import type {
  AudienceCountDto,
  EventDto,
  JoinAckDto,
  OddsAggregateDto,
  ParticipantStateDto,
  PrizeDto,
  RoundDrawnDto,
  RoundDto,
  RoundPublicDto,
  RoundRevealDto,
  StageNamesDto,
  StageStateDto,
  YouWonDto,
} from './dto';
import type {
  AddPrizeCommand,
  UpdatePrizeCommand,
  CreateEventPayload,
  CreateRoundCommand,
  EventRef,
  JoinPayload,
  ParticipantStatePayload,
  PublicEntropyCommand,
  RoundRef,
  StageNamesPayload,
  UpdateEventCommand,
} from './schemas';
import type { StageForfeitDto } from './dto';
import type { JoinSpikeDto, SpikeDisqualifyCommand, SpikeDisqualifyResultDto } from './spike';
import type { RoundEntriesClosedDto } from './trustDto';

/** The callback socket.io passes as the last argument of a command. */
export type AckCallback<T> = (ack: Ack<T>) => void;

/** Commands clients send; every one is acked. Host commands need a host socket. */
export interface ClientToServerEvents {
  /** Anyone: server time for NTP-style offset estimation (see shared/src/clock). */
  'clock:ping': (payload: Record<string, never>, ack: AckCallback<ClockPong>) => void;
  /** Phone: join an open event; same device → same entry. */
  'event:join': (payload: JoinPayload, ack: AckCallback<JoinAckDto>) => void;
  /** Phone: full state (entry, odds, results, wins); also puts the socket in its rooms. */
  'participant:state': (payload: ParticipantStatePayload, ack: AckCallback<ParticipantStateDto>) => void;
  /**
   * Stage screen: watch an event. A stage that sent the host token in its handshake gets results at once
   * (stage timing); one without it gets them on the phones' schedule, so it cannot spoil a stream delay.
   */
  'stage:watch': (payload: EventRef, ack: AckCallback<StageStateDto>) => void;
  /** Stage screen: nicknames in join order, a page at a time (names on the wheel and reels, new joiners). */
  'stage:names': (payload: StageNamesPayload, ack: AckCallback<StageNamesDto>) => void;

  /** Host: create an event. */
  'event:create': (payload: CreateEventPayload, ack: AckCallback<EventDto>) => void;
  /** Host: all events. */
  'event:list': (payload: Record<string, never>, ack: AckCallback<EventDto[]>) => void;
  /** Host: rename, open/close, change settings (stream delay included). */
  'event:update': (payload: UpdateEventCommand, ack: AckCallback<EventDto>) => void;
  /** Host: add a prize. */
  'prize:add': (payload: AddPrizeCommand, ack: AckCallback<PrizeDto>) => void;
  /** Host: edit a prize (name, description, image, quantity not below what it awarded). */
  'prize:update': (payload: UpdatePrizeCommand, ack: AckCallback<PrizeDto>) => void;
  /** Host: prizes of an event. */
  'prize:list': (payload: EventRef, ack: AckCallback<PrizeDto[]>) => void;
  /** Host: create a round; its commitment is published at once. */
  'round:create': (payload: CreateRoundCommand, ack: AckCallback<RoundDto>) => void;
  /** Host: freeze the round's entry list now; its count and digest are broadcast (round:entriesClosed). */
  'round:close': (payload: RoundRef, ack: AckCallback<RoundDto>) => void;
  /** Host: set the public entropy after entries closed, before the draw (ENTRIES_NOT_CLOSED before). */
  'round:entropy': (payload: PublicEntropyCommand, ack: AckCallback<RoundDto>) => void;
  /** Host: draw; sent twice, it draws once and both acks carry the same result. */
  'round:draw': (payload: RoundRef, ack: AckCallback<RoundDto>) => void;
  /** Host: cancel a committed round (frees its prize reservation). */
  'round:cancel': (payload: RoundRef, ack: AckCallback<RoundDto>) => void;
  /** Host: rounds of an event. */
  'round:list': (payload: EventRef, ack: AckCallback<RoundDto[]>) => void;
  /** Host/staff: every claim of an event in draw order. */
  'claim:list': (payload: EventRef, ack: AckCallback<ClaimDto[]>) => void;
  /** Host/staff: redeem a code once (ALREADY_REDEEMED says when). */
  'claim:redeem': (payload: RedeemCommand, ack: AckCallback<ClaimDto>) => void;
  /** Host: forfeit a win (no-show, or past the deadline); the winner is told. */
  'claim:forfeit': (payload: ForfeitCommand, ack: AckCallback<ClaimDto>) => void;
  /** Host: forfeit every pending claim past its event's deadline now. */
  'claim:sweep': (payload: SweepCommand, ack: AckCallback<ClaimDto[]>) => void;
  /** Host: a new committed k=1 round for a forfeited slot; draw it with round:draw. */
  'claim:redraw': (payload: ClaimRef, ack: AckCallback<RoundDto>) => void;
  /** Phone: a short message to the host (rate- and length-limited); the answer comes as support:answered. */
  'support:send': (payload: SupportSendPayload, ack: AckCallback<SupportMessageDto>) => void;
  /** Phone: its own messages and the answers, oldest first (after a reconnect). */
  'support:list': (payload: SupportListPayload, ack: AckCallback<SupportMessageDto[]>) => void;
  /** Winner's phone: give (or replace) the shipping contact of a pending claim. */
  'claim:contact': (payload: ShippingContactCommand, ack: AckCallback<WinnerClaimDto>) => void;
  /** Host: the event's join-spike reading now (after a reload). */
  'spike:status': (payload: EventRef, ack: AckCallback<JoinSpikeDto>) => void;
  /** Host: call the current spike normal traffic; the alert hides and the baseline learns from it. */
  'spike:dismiss': (payload: EventRef, ack: AckCallback<JoinSpikeDto>) => void;
  /** Host: disqualify every entry created from one address (by its key) since a time. */
  'spike:disqualify': (payload: SpikeDisqualifyCommand, ack: AckCallback<SpikeDisqualifyResultDto>) => void;
  /** Phone: delete this device's entry data (nickname, phone, contacts, messages); proofs keep the opaque id. */
  'privacy:forgetMe': (payload: ForgetMePayload, ack: AckCallback<ErasureDto>) => void;
  /** Host: delete one person's data, as privacy:forgetMe does. */
  'privacy:erase': (payload: EraseParticipantPayload, ack: AckCallback<ErasureDto>) => void;
}

/**
 * Broadcasts. Rooms: `event:<id>:audience`, `event:<id>:stage` (trusted stages), `event:<id>:stage-public`
 * (stages without the host token: results on the phones' schedule), `participant:<id>`, `host`.
 */
export interface ServerToClientEvents {
  /** Audience, stage, host: a round was created; show its commitment. */
  'round:committed': (round: RoundPublicDto) => void;
  /** Audience, stage, host: the entry list froze; its count and digest, before any public entropy. */
  'round:entriesClosed': (closed: RoundEntriesClosedDto) => void;
  /** Audience, stage, host: public entropy set or round cancelled. */
  'round:updated': (round: RoundPublicDto) => void;
  /** Audience, stage, host: entries per weight class, at most ~4 times a second per event. */
  'odds:aggregate': (aggregate: OddsAggregateDto) => void;
  /** Trusted stage, host: the result at once, with the stage's revealAt. Public stages: at the phones' release, revealAt = phoneRevealAt. */
  'round:drawn': (result: RoundDrawnDto) => void;
  /** Audience: the result, held back until the lead before the phones' revealAt. */
  'round:reveal': (result: RoundRevealDto) => void;
  /** A winner's own sockets, at the same time as round:reveal. */
  'you:won': (win: YouWonDto) => void;
  /** Everyone in the event: title, status or settings changed. */
  'event:updated': (event: EventDto) => void;
  /** Stage, host: connected phones. */
  'audience:count': (count: AudienceCountDto) => void;
  /** A phone that reconnected with its device token in the handshake gets its state pushed. */
  'participant:state': (state: ParticipantStateDto) => void;
  /** The forfeited winner's own sockets: the win was given up (deadline or no-show). */
  'you:forfeited': (forfeit: YouForfeitedDto) => void;
  /** The referrer's own sockets: a friend joined through its invite link (refresh with participant:state). */
  'you:referred': (nudge: { eventId: string }) => void;
  /** The winner's own sockets: staff redeemed the code. */
  'claim:redeemed': (redeemed: ClaimRedeemedDto) => void;
  /** Host: a claim changed (redeemed, forfeited, redrawn). */
  'claim:updated': (claim: ClaimDto) => void;
  /** Stages: a winner forfeited; the winners history marks them (ids only). */
  'stage:forfeited': (forfeit: StageForfeitDto) => void;
  /** Host: a phone sent a support message. */
  'support:message': (message: SupportMessageDto) => void;
  /** The phone's own sockets: the host answered one of its messages. */
  'support:answered': (message: SupportMessageDto) => void;
  /** Host: a list import's progress. */
  'import:progress': (progress: ImportProgressDto) => void;
  /** Host: join-spike reading: when a spike starts, about once a second while it lasts, and when it ends. */
  'host:joinSpike': (spike: JoinSpikeDto) => void;
}

/** Room names in one place, so server and tests agree. */
export const rooms = {
  audience: (eventId: string) => `event:${eventId}:audience`,
  stage: (eventId: string) => `event:${eventId}:stage`,
  stagePublic: (eventId: string) => `event:${eventId}:stage-public`,
  participant: (participantId: string) => `participant:${participantId}`,
  host: 'host',
} as const;
