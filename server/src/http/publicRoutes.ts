// Public routes: the phone's pre-join event info, the round proof (exactly as the spec defines it) and a
// closed round's frozen entry list.
import { ErrorCode, idSchema, joinCodeSchema } from '@drawcast/shared';
import { Router } from 'express';
import type { ParticipantCommands } from '../commands/participantCommands';
import { parseParam } from './middleware';

/** Why: anyone may check a proof, and a phone may look an event up before joining. */
export function publicRoutes(phone: ParticipantCommands): Router {
  const router = Router();

  router.get('/rounds/:roundId/proof', async (req, res) => {
    const roundId = parseParam(idSchema, req, 'roundId', ErrorCode.ROUND_NOT_FOUND);
    res.set('Cache-Control', 'no-store').json(await phone.proof(roundId));
  });

  router.get('/rounds/:roundId/entries', async (req, res) => {
    const roundId = parseParam(idSchema, req, 'roundId', ErrorCode.ROUND_NOT_FOUND);
    res.set('Cache-Control', 'no-store').json(await phone.frozenEntries(roundId));
  });

  // The phone app at `/` (the URL the server prints as a QR code): which draws are open to join now.
  router.get('/join', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ events: await phone.openEvents() });
  });

  router.get('/join/:joinCode', async (req, res) => {
    const joinCode = parseParam(joinCodeSchema, req, 'joinCode', ErrorCode.EVENT_NOT_FOUND);
    res.json(await phone.publicEventInfo(joinCode));
  });

  return router;
}
