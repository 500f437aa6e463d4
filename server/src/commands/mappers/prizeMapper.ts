// Prize → wire DTO (the one mapper for prizes).
import type { PrizeDto } from '@drawcast/shared';
import type { Prize } from '../../domain/types';

/** Prize as screens show it. */
export function toPrizeDto(p: Prize): PrizeDto {
  return {
    id: p.id,
    eventId: p.eventId,
    name: p.name,
    description: p.description,
    imageUrl: p.imageUrl,
    quantity: p.quantity,
    awarded: p.awarded,
    createdAt: p.createdAt,
  };
}
