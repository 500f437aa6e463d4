// REST of privacy deletion: the host erases one person's data (the phone uses its socket command).
import { ErrorCode, eraseConfirmSchema, idSchema } from '@drawcast/shared';
import { Router } from 'express';
import type { Commands } from '../../commands';
import { parseBody, parseParam, requireHost } from '../middleware';

/** Why: the console (and curl) can honour a deletion request made by email or at the venue. */
export function privacyRoutes(commands: Commands): Router {
  const router = Router();
  const host = requireHost(commands.hostAuth);
  router.post('/events/:eventId/participants/:participantId/erase', host, async (req, res) => {
    const eventId = parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
    const participantId = parseParam(idSchema, req, 'participantId', ErrorCode.PARTICIPANT_NOT_FOUND);
    parseBody(eraseConfirmSchema, req);
    res.set('Cache-Control', 'no-store').json(await commands.privacy.erase(eventId, participantId));
  });
  return router;
}
