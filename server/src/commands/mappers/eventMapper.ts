// Event → wire DTO (the one mapper for events).
import type { EventDto } from '@drawcast/shared';
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
