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
import type { Commands } from '../../commands';
import { parseBody, parseParam, requireHost } from '../middleware';

/** A claim by id (clm_…) or by its redemption code as printed (letters, digits, dashes, spaces). */
const claimRefSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_ -]+$/);

/** Why: staff at the prize desk and the host after the draw work claims through these. */
export function claimRoutes(commands: Commands): Router {
  const actions = commands.host;
  const router = Router();
  const host = requireHost(commands.hostAuth);
  const claimIdOf = (req: Request) => parseParam(idSchema, req, 'claimId', ErrorCode.CLAIM_NOT_FOUND);

  router.get('/events/:eventId/claims', host, async (req, res) => {
    const eventId = parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
    res.json(await actions.listClaims(eventId));
  });
  router.post('/events/:eventId/claims/sweep', host, async (req, res) => {
    const eventId = parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
    res.json(await actions.sweepClaimDeadlines(eventId));
  });

  // Staff are host-token holders for now.
  router.post('/claims/redeem', host, async (req, res) => {
    const { code, staff } = parseBody(redeemSchema, req);
    res.json(await actions.redeem(code, staff));
  });
  router.get('/claims/:claimId', host, async (req, res) => {
    res.json(await actions.getClaim(claimIdOf(req)));
  });
  router.post('/claims/:claim/forfeit', host, async (req, res) => {
    const ref = parseParam(claimRefSchema, req, 'claim', ErrorCode.CLAIM_NOT_FOUND);
    // No body means the usual case, a no-show.
    const parsed = parsePayload(forfeitSchema, req.body ?? {});
    if (!parsed.ok) throw new DrawcastError(parsed.code, parsed.message, parsed.field);
    const { reason } = parsed.data;
    res.json(await actions.forfeit(ref, reason));
  });
  router.post('/claims/:claimId/redraw', host, async (req, res) => {
    res.status(201).json(await actions.redraw(claimIdOf(req)));
  });
  router.get('/claims/:claimId/contact', host, async (req, res) => {
    res.set('Cache-Control', 'no-store').json({ contact: await actions.getShippingContact(claimIdOf(req)) });
  });

  // Public: the winner's phone proves itself with its device token (the claim id came with you:won).
  router.post('/claims/:claimId/contact', async (req, res) => {
    const claimId = claimIdOf(req);
    const body = parseBody(shippingContactSubmitSchema, req);
    res.json(await commands.participant.submitShippingContact({ ...body, claimId }));
  });

  return router;
}
