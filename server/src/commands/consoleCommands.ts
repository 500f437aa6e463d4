// Console commands shared by REST and sockets: staff credentials, the prize desk, the blocklist,
// participant search, the support inbox and the dashboard figures. Auth is the transport's.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { ClaimDto, StaffMeDto, SupportMessageDto } from '@drawcast/shared';
import type { ConsoleService } from '../services/consoleService';
import type { Broadcaster } from './broadcaster';
import type { HostCommands } from './hostCommands';
import type { StaffIdentity } from './hostAuth';
import { toClaimDto } from './mappers/claimMapper';

/** Who called a desk command: the host, or staff of one event. */
export type Caller = { role: 'host' } | { role: 'staff'; staff: StaffIdentity };

/** Why: a desk redeem and a socket claim:redeem, or a support answer over REST, are one call each. */
export class ConsoleCommands {
  constructor(
    private readonly console: ConsoleService,
    private readonly host: HostCommands,
    private readonly hub: Broadcaster,
  ) {}

  /** The signed-in staff member's event and label (NOT_FOUND for the host token). */
  async staffMe(caller: Caller): Promise<StaffMeDto> {
    if (caller.role !== 'staff')
      throw new DrawcastError(ErrorCode.NOT_FOUND, 'this is the host token, not a staff credential');
    const event = await this.host.getEvent(caller.staff.eventId);
    return { eventId: event.id, eventTitle: event.title, label: caller.staff.label };
  }

  /** The desk's lookup of a typed or scanned code; staff only see their own event's claims. */
  async deskClaim(caller: Caller, code: string): Promise<ClaimDto> {
    return toClaimDto(await this.console.findClaimByCode(code, eventScope(caller)));
  }

  /** Redeems through the host command (the phone is told), naming the staff member who handed it out. */
  async deskRedeem(caller: Caller, code: string, staffName: string | undefined): Promise<ClaimDto> {
    const claim = await this.console.findClaimByCode(code, eventScope(caller));
    const by =
      caller.role === 'staff'
        ? staffName
          ? `${staffName} (${caller.staff.label})`
          : caller.staff.label
        : (staffName ?? 'Host');
    return this.host.redeem(claim.code, by.slice(0, 60));
  }

  /** Staff credentials of an event (never their tokens). */
  listStaff(eventId: string) {
    return this.console.listStaffCredentials(eventId);
  }

  /** Mints a credential; its token is in this answer only. */
  createStaff(eventId: string, label: string) {
    return this.console.createStaffCredential(eventId, label);
  }

  /** Revokes a credential at once (its next request is refused). */
  revokeStaff(eventId: string, credentialId: string) {
    return this.console.revokeStaffCredential(eventId, credentialId);
  }

  /** The event's disqualified participants. */
  async listDisqualified(eventId: string): Promise<{ participantIds: string[] }> {
    return { participantIds: await this.console.listDisqualified(eventId) };
  }

  /** Disqualify or re-admit one participant. */
  setDisqualified(eventId: string, participantId: string, disqualified: boolean) {
    return this.console.setDisqualified(eventId, participantId, disqualified);
  }

  /** Participant search by nickname or id, one page. */
  searchParticipants(eventId: string, q: string, page: { offset: number; limit: number }) {
    return this.console.searchParticipants(eventId, q, page);
  }

  /** A phone's message: stored, then pushed to host consoles. */
  async sendSupport(input: {
    eventId: string;
    deviceToken: string;
    body: string;
  }): Promise<SupportMessageDto> {
    const dto = await this.console.sendSupport(input);
    this.hub.supportMessage(dto);
    return dto;
  }

  /** A phone's own messages and answers. */
  listOwnSupport(input: { eventId: string; deviceToken: string }): Promise<SupportMessageDto[]> {
    return this.console.listOwnSupport(input);
  }

  /** The host's inbox for an event. */
  listSupport(eventId: string): Promise<SupportMessageDto[]> {
    return this.console.listSupport(eventId);
  }

  /** Marks messages read (the unread count). */
  markSupportRead(eventId: string, messageIds: string[]) {
    return this.console.markSupportRead(eventId, messageIds);
  }

  /** The host's answer: stored, then pushed to the asking phone. */
  async answerSupport(messageId: string, answer: string): Promise<SupportMessageDto> {
    const dto = await this.console.answerSupport(messageId, answer);
    this.hub.supportAnswered(dto);
    return dto;
  }

  /** Dashboard figures, with the phones connected now and the join page's views (counted by the caller). */
  async dashboard(eventId: string, bucketMs: number, viewsOf: (joinCode: string) => number) {
    const stats = await this.console.dashboard(eventId, bucketMs);
    const event = await this.host.getEvent(eventId);
    return { ...stats, views: viewsOf(event.joinCode), connected: this.hub.audienceCount(event.id) };
  }
}

const eventScope = (caller: Caller) => (caller.role === 'staff' ? caller.staff.eventId : undefined);
