// REST for claims after a draw: staff redeem, host forfeits/sweeps/redraws, the winner's shipping contact.
import {
  DrawcastError,
  ErrorCode,
  parsePayload,
  forfeitSchema,
  idSchema,
  redeemSchema,
  shippingContactSubmitSchema,
} from '@drawcast/shared';
import { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import { toClaimDto, toWinnerClaimDto } from '../../commands/mappers/claimMapper';
import type { HostActions } from '../../commands/hostCommands';
import { toRoundDto } from '../../commands/mappers/roundMapper';
import type { DrawcastService } from '../../services/types';
import type { HostAuthenticator } from '../../commands/hostAuth';
import { parseBody, parseParam, requireHost } from '../middleware';

/** A claim by id (clm_…) or by its redemption code as printed (letters, digits, dashes, spaces). */
const claimRefSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_ -]+$/);

/** Why: staff at the prize desk and the host after the draw work claims through these. */
export function claimRoutes(deps: {
  service: DrawcastService;
  actions: HostActions;
  hostAuth: HostAuthenticator;
}): Router {
  const { service, actions } = deps;
  const router = Router();
  const host = requireHost(deps.hostAuth);
  const claimIdOf = (req: Request) => parseParam(idSchema, req, 'claimId', ErrorCode.CLAIM_NOT_FOUND);

  router.get('/events/:eventId/claims', host, async (req, res) => {
    const eventId = parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
    res.json((await service.listClaims(eventId)).map(toClaimDto));
  });
  router.post('/events/:eventId/claims/sweep', host, async (req, res) => {
    const eventId = parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
    res.json((await actions.sweepClaimDeadlines(eventId)).map((r) => toClaimDto(r.claim)));
  });

  // Staff are host-token holders for now.
  router.post('/claims/redeem', host, async (req, res) => {
    const { code, staff } = parseBody(redeemSchema, req);
    res.json(toClaimDto(await actions.redeem(code, staff)));
  });
  router.get('/claims/:claimId', host, async (req, res) => {
    res.json(toClaimDto(await service.getClaim(claimIdOf(req))));
  });
  router.post('/claims/:claim/forfeit', host, async (req, res) => {
    const ref = parseParam(claimRefSchema, req, 'claim', ErrorCode.CLAIM_NOT_FOUND);
    // No body means the usual case, a no-show.
    const parsed = parsePayload(forfeitSchema, req.body ?? {});
    if (!parsed.ok) throw new DrawcastError(parsed.code, parsed.message, parsed.field);
    const { reason } = parsed.data;
    res.json(toClaimDto((await actions.forfeit(ref, reason)).claim));
  });
  router.post('/claims/:claimId/redraw', host, async (req, res) => {
    res.status(201).json(toRoundDto(await actions.redraw(claimIdOf(req))));
  });
  router.get('/claims/:claimId/contact', host, async (req, res) => {
    res.set('Cache-Control', 'no-store').json({ contact: await service.getShippingContact(claimIdOf(req)) });
  });

  // Public: the winner's phone proves itself with its device token (the claim id came with you:won).
  router.post('/claims/:claimId/contact', async (req, res) => {
    const claimId = claimIdOf(req);
    const body = parseBody(shippingContactSubmitSchema, req);
    res.json(toWinnerClaimDto(await service.submitShippingContact({ ...body, claimId })));
  });

  return router;
}
