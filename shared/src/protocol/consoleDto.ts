// Wire shapes the host console added: staff credentials, the participant search rows, LAN addresses.

/** A staff credential as listed (the token itself is shown once, at creation). */
export interface StaffCredentialDto {
  id: string;
  eventId: string;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

/** Who a staff credential belongs to: `GET /api/staff/me`. */
export interface StaffMeDto {
  eventId: string;
  eventTitle: string;
  label: string;
}

/** A row of the console's participant search: masked phone only, plus check-in and disqualification. */
export interface ConsoleParticipantRowDto {
  id: string;
  nickname: string;
  phoneMasked: string | null;
  /** Tickets now (bonuses included). */
  tickets: number;
  /** Tickets before bonuses, as the host set them. */
  baseTickets: number;
  joinedAt: number;
  checkedInAt: number | null;
  disqualified: boolean;
}

/** `GET /api/events/:id/participants/search`. */
export interface ConsoleParticipantPageDto {
  total: number;
  offset: number;
  limit: number;
  participants: ConsoleParticipantRowDto[];
}

/** A phone's message to the host and the host's answer (render both as text, never HTML). */
export interface SupportMessageDto {
  id: string;
  eventId: string;
  participantId: string;
  nickname: string;
  body: string;
  createdAt: number;
  answer: string | null;
  answeredAt: number | null;
  /** When the host's console showed it; null = unread. */
  readAt: number | null;
}
