// Prize → wire DTO (the one mapper for prizes).
import type { PrizeDto, PublicPrizeDto } from '@drawcast/shared';
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

/** Prize as the audience sees it before joining: what can be won and how many are left. */
export function toPublicPrizeDto(p: Prize): PublicPrizeDto {
  return { id: p.id, name: p.name, description: p.description, quantity: p.quantity, awarded: p.awarded };
}
