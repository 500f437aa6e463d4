// REST of the join-spike alert (issue #14): the reading after a reload, dismiss, and the batch disqualify.
import { ErrorCode, idSchema, spikeDisqualifySchema } from '@drawcast/shared';
import { Router } from 'express';
import type { Request } from 'express';
import type { Commands } from '../../commands';
import { parseBody, parseParam, requireHost } from '../middleware';

/** Why: the console reloads mid-spike and acts on it; the host token only (staff are refused). */
export function spikeRoutes(commands: Commands): Router {
  const spikes = commands.spikes;
  const router = Router();
  const host = requireHost(commands.hostAuth);
  const eventIdOf = (req: Request) => parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);

  router.get('/events/:eventId/join-spike', host, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await spikes.status(eventIdOf(req)));
  });
  router.post('/events/:eventId/join-spike/dismiss', host, async (req, res) => {
    res.json(await spikes.dismiss(eventIdOf(req)));
  });
  router.post('/events/:eventId/join-spike/disqualify', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const { ipKey, since } = parseBody(spikeDisqualifySchema, req);
    res.json(await spikes.disqualifyFrom(eventId, ipKey, since));
  });

  return router;
}
