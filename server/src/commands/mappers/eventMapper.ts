// Event → wire DTO (the one mapper for events).
import type { EventDto, OpenEventDto } from '@drawcast/shared';
import type { DrawEvent } from '../../domain/types';

/** Events carry nothing secret; copy the fields so store internals never leak by accident. */
export function toEventDto(e: DrawEvent): EventDto {
  return {
    id: e.id,
    title: e.title,
    joinCode: e.joinCode,
    status: e.status,
    settings: { ...e.settings },
    createdAt: e.createdAt,
  };
}

/** An open event in `GET /api/join`: just enough for a phone to pick one without a code. */
export function toOpenEventDto(e: DrawEvent): OpenEventDto {
  return { title: e.title, joinCode: e.joinCode };
}
