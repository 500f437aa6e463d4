// REST the host console added: staff credentials, the prize desk (host or staff), the event blocklist,
// participant search and the LAN addresses for the join QR.
import os from 'node:os';
import {
  DrawcastError,
  ErrorCode,
  createStaffSchema,
  deskRedeemSchema,
  disqualifySchema,
  idSchema,
  parsePayload,
  participantSearchSchema,
  supportAnswerSchema,
} from '@drawcast/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { Request, RequestHandler, Response } from 'express';
import type { Commands } from '../../commands';
import type { Caller } from '../../commands/consoleCommands';
import { bearerToken } from '../../commands/hostAuth';
import type { HostAuthenticator } from '../../commands/hostAuth';
import type { JoinViewCounter } from '../joinViews';
import { parseBody, parseParam, requireHost, sendFailure } from '../middleware';

const supportReadSchema = z.strictObject({ messageIds: z.array(idSchema).max(1000) });

const dashboardQuerySchema = z.strictObject({
  bucketMs: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
});

/** Host token or live staff credential; the caller is kept in res.locals.caller. */
export function requireHostOrStaff(auth: HostAuthenticator): RequestHandler {
  return async (req, res, next) => {
    const who = await auth.identify(req.ip ?? 'unknown', bearerToken(req.get('authorization')));
    if (who.ok) {
      res.locals.caller = (
        who.role === 'host' ? { role: 'host' } : { role: 'staff', staff: who.staff }
      ) as Caller;
      return next();
    }
    if (who.code === ErrorCode.LOCKED_OUT) {
      res.set('Retry-After', String(Math.max(1, Math.ceil(who.retryAfterMs / 1000))));
      return sendFailure(res, who.code, 'too many failed attempts, try again later');
    }
    res.set('WWW-Authenticate', 'Bearer');
    return sendFailure(
      res,
      who.code,
      'send the host token or a staff credential as Authorization: Bearer <token>',
    );
  };
}

const callerOf = (res: Response): Caller => res.locals.caller as Caller;

function parseQuery<S extends Parameters<typeof parsePayload>[0]>(schema: S, req: Request) {
  const parsed = parsePayload(schema, { ...req.query });
  if (!parsed.ok) throw new DrawcastError(parsed.code, parsed.message, parsed.field);
  return parsed.data;
}

/** The http:// base URLs phones on the LAN can use to reach this port (IPv4, not internal). */
export function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? [])
      if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}`);
  }
  return urls;
}

/** False when the server listens on one address (DRAWCAST_BIND=127.0.0.1): its LAN addresses would not answer. */
function listensOnAllInterfaces(req: Request): boolean {
  // Node sets socket.server on every accepted connection (net.Server's onconnection).
  const server = (req.socket as { server?: { address(): unknown } }).server;
  const address = server?.address() as { address?: string } | string | null | undefined;
  if (!address || typeof address === 'string') return true;
  return address.address === '0.0.0.0' || address.address === '::';
}

/** Why: the prize desk and the door need no host token; the host manages who may use them. */
export function consoleRoutes(commands: Commands, joinViews: JoinViewCounter): Router {
  const desks = commands.console;
  const router = Router();
  const host = requireHost(commands.hostAuth);
  const desk = requireHostOrStaff(commands.hostAuth);
  const eventIdOf = (req: Request) => parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);

  router.get('/staff/me', desk, async (_req, res) => {
    res.json(await desks.staffMe(callerOf(res)));
  });

  router.get('/desk/claims/:code', desk, async (req, res) => {
    res.json(await desks.deskClaim(callerOf(res), String(req.params.code ?? '')));
  });

  router.post('/desk/redeem', desk, async (req, res) => {
    const { code, staff } = parseBody(deskRedeemSchema, req);
    res.json(await desks.deskRedeem(callerOf(res), code, staff));
  });

  router.get('/host/addresses', host, (req, res) => {
    res.json({ urls: listensOnAllInterfaces(req) ? lanUrls(req.socket.localPort ?? 0) : [] });
  });

  router.get('/events/:eventId/staff', host, async (req, res) => {
    res.json(await desks.listStaff(eventIdOf(req)));
  });
  router.post('/events/:eventId/staff', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const { label } = parseBody(createStaffSchema, req);
    res
      .set('Cache-Control', 'no-store')
      .status(201)
      .json(await desks.createStaff(eventId, label));
  });
  router.post('/events/:eventId/staff/:credentialId/revoke', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const credentialId = parseParam(idSchema, req, 'credentialId', ErrorCode.NOT_FOUND);
    res.json(await desks.revokeStaff(eventId, credentialId));
  });

  router.get('/events/:eventId/disqualified', host, async (req, res) => {
    res.json(await desks.listDisqualified(eventIdOf(req)));
  });
  router.put('/events/:eventId/participants/:participantId/disqualified', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const participantId = parseParam(idSchema, req, 'participantId', ErrorCode.PARTICIPANT_NOT_FOUND);
    const { disqualified } = parseBody(disqualifySchema, req);
    res.json(await desks.setDisqualified(eventId, participantId, disqualified));
  });
  router.get('/events/:eventId/participants/search', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const { q, offset, limit } = parseQuery(participantSearchSchema, req);
    res.json(await desks.searchParticipants(eventId, q, { offset, limit }));
  });

  router.get('/events/:eventId/support', host, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await desks.listSupport(eventIdOf(req)));
  });
  router.post('/events/:eventId/support/read', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const { messageIds } = parseBody(supportReadSchema, req);
    res.json(await desks.markSupportRead(eventId, messageIds));
  });
  router.post('/support/:messageId/answer', host, async (req, res) => {
    const messageId = parseParam(idSchema, req, 'messageId', ErrorCode.NOT_FOUND);
    const { answer } = parseBody(supportAnswerSchema, req);
    res.json(await desks.answerSupport(messageId, answer));
  });

  router.get('/events/:eventId/dashboard', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const { bucketMs } = parseQuery(dashboardQuerySchema, req);
    const stats = await desks.dashboard(eventId, bucketMs, (code) => joinViews.views(code));
    res.set('Cache-Control', 'no-store').json(stats);
  });

  return router;
}
