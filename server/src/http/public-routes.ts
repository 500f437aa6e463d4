// Public routes: the phone's pre-join event info and the round proof (exactly as the spec defines it).
import { ErrorCode, idSchema, joinCodeSchema } from '@drawcast/shared';
import type { OpenEventDto, PublicEventInfoDto } from '@drawcast/shared';
import { Router } from 'express';
import type { DrawcastService } from '../services/types';
import { toRoundSummaryDto } from '../realtime/views';
import { parseParam } from './middleware';

/** Why: anyone may check a proof, and a phone may look an event up before joining. */
export function publicRoutes(service: DrawcastService): Router {
  const router = Router();

  router.get('/rounds/:roundId/proof', async (req, res) => {
    const roundId = parseParam(idSchema, req, 'roundId', ErrorCode.ROUND_NOT_FOUND);
    res.set('Cache-Control', 'no-store').json(await service.getProof(roundId));
  });

  // The phone app at `/` (the URL the server prints as a QR code): which draws are open to join now.
  router.get('/join', async (_req, res) => {
    const open = (await service.listEvents()).filter((e) => e.status === 'open');
    const events: OpenEventDto[] = open.map((e) => ({ title: e.title, joinCode: e.joinCode }));
    res.set('Cache-Control', 'no-store').json({ events });
  });

  router.get('/join/:joinCode', async (req, res) => {
    const joinCode = parseParam(joinCodeSchema, req, 'joinCode', ErrorCode.EVENT_NOT_FOUND);
    const event = await service.getEventByJoinCode(joinCode);
    const [participants, round, prizes] = await Promise.all([
      service.countParticipants(event.id),
      service.currentRound(event.id),
      service.listPrizes(event.id),
    ]);
    const info: PublicEventInfoDto = {
      id: event.id,
      title: event.title,
      joinCode: event.joinCode,
      status: event.status,
      requirePhone: event.settings.requirePhone,
      participants,
      round: round ? toRoundSummaryDto(round) : null,
      prizes: prizes.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        quantity: p.quantity,
        awarded: p.awarded,
      })),
    };
    res.json(info);
  });

  return router;
}
