// Issue #9 REST: close a round's entries (host) and fetch a closed round's frozen list (public).
import { ErrorCode, idSchema } from '@drawcast/shared';
import type { FrozenEntriesDto } from '@drawcast/shared';
import { Router } from 'express';
import type { Request } from 'express';
import type { HostActions } from '../../realtime/host-actions';
import { toRoundDto } from '../../realtime/views';
import type { DrawcastService } from '../../services/types';
import type { HostAuthenticator } from '../host-auth';
import { parseParam, requireHost } from '../middleware';

const roundIdOf = (req: Request) => parseParam(idSchema, req, 'roundId', ErrorCode.ROUND_NOT_FOUND);

/** Why: the close must be one click from the console or curl, and its list checkable by anyone. */
export function entriesRoutes(deps: {
  service: DrawcastService;
  actions: HostActions;
  hostAuth: HostAuthenticator;
}): Router {
  const router = Router();
  router.post('/rounds/:roundId/close', requireHost(deps.hostAuth), async (req, res) => {
    res.json(toRoundDto(await deps.actions.closeEntries(roundIdOf(req))));
  });
  router.get('/rounds/:roundId/entries', async (req, res) => {
    const list: FrozenEntriesDto = await deps.service.getFrozenEntries(roundIdOf(req));
    res.set('Cache-Control', 'no-store').json(list);
  });
  return router;
}
