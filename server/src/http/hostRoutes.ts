// Host REST API: events, prizes, rounds, participants, stream delay. Every route needs the host token.
import {
  DrawcastError,
  ErrorCode,
  parsePayload,
  addPrizeSchema,
  createEventSchema,
  createRoundSchema,
  idSchema,
  publicEntropySchema,
  streamDelaySchema,
  updateEventSchema,
} from '@drawcast/shared';
import type { ParticipantRowDto } from '@drawcast/shared';
import { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import type { DrawcastService } from '../services/types';
import type { HostActions } from '../commands/hostCommands';
import { toEventDto, toPrizeDto, toRoundDto } from '../commands/mappers/roundMapper';
import type { HostAuthenticator } from '../commands/hostAuth';
import { parseBody, parseParam, requireHost } from './middleware';

const pageSchema = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const eventIdOf = (req: Request) => parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
const roundIdOf = (req: Request) => parseParam(idSchema, req, 'roundId', ErrorCode.ROUND_NOT_FOUND);

/** Why: the console and curl drive an event through these; they share HostActions with host sockets. */
export function hostRoutes(deps: {
  service: DrawcastService;
  actions: HostActions;
  hostAuth: HostAuthenticator;
}): Router {
  const { service, actions } = deps;
  const router = Router();
  // Mounted after the public routes, so the (public) proof never reaches this guard.
  router.use(['/events', '/rounds'], requireHost(deps.hostAuth));

  router.get('/events', async (_req, res) => {
    res.json((await service.listEvents()).map(toEventDto));
  });
  router.post('/events', async (req, res) => {
    res.status(201).json(toEventDto(await actions.createEvent(parseBody(createEventSchema, req))));
  });
  router.get('/events/:eventId', async (req, res) => {
    res.json(toEventDto(await service.getEvent(eventIdOf(req))));
  });
  router.patch('/events/:eventId', async (req, res) => {
    const eventId = eventIdOf(req);
    res.json(toEventDto(await actions.updateEvent(eventId, parseBody(updateEventSchema, req))));
  });
  router.post('/events/:eventId/open', async (req, res) => {
    res.json(toEventDto(await actions.updateEvent(eventIdOf(req), { status: 'open' })));
  });
  router.post('/events/:eventId/close', async (req, res) => {
    res.json(toEventDto(await actions.updateEvent(eventIdOf(req), { status: 'closed' })));
  });
  router.put('/events/:eventId/stream-delay', async (req, res) => {
    const eventId = eventIdOf(req);
    const { streamDelayMs } = parseBody(streamDelaySchema, req);
    res.json(toEventDto(await actions.updateEvent(eventId, { settings: { streamDelayMs } })));
  });

  router.get('/events/:eventId/prizes', async (req, res) => {
    res.json((await service.listPrizes(eventIdOf(req))).map(toPrizeDto));
  });
  router.post('/events/:eventId/prizes', async (req, res) => {
    const eventId = eventIdOf(req);
    res.status(201).json(toPrizeDto(await actions.addPrize(eventId, parseBody(addPrizeSchema, req))));
  });

  router.get('/events/:eventId/rounds', async (req, res) => {
    res.json((await service.listRounds(eventIdOf(req))).map(toRoundDto));
  });
  router.post('/events/:eventId/rounds', async (req, res) => {
    const eventId = eventIdOf(req);
    res.status(201).json(toRoundDto(await actions.createRound(eventId, parseBody(createRoundSchema, req))));
  });

  router.get('/events/:eventId/participants', async (req, res) => {
    const eventId = eventIdOf(req);
    const page = parsePayload(pageSchema, { ...req.query });
    if (!page.ok) throw new DrawcastError(page.code, page.message, page.field);
    const rows = await service.listParticipants(eventId, page.data);
    const total = await service.countParticipants(eventId);
    // Masked phones only: never the raw phone, its hash, or the device token hash.
    const participants: ParticipantRowDto[] = rows.map((p) => ({
      id: p.id,
      nickname: p.nickname,
      phoneMasked: p.phoneMasked,
      tickets: p.tickets,
      joinedAt: p.joinedAt,
    }));
    res.json({ total, offset: page.data.offset, limit: page.data.limit, participants });
  });

  router.get('/rounds/:roundId', async (req, res) => {
    res.json(toRoundDto(await service.getRound(roundIdOf(req))));
  });
  router.put('/rounds/:roundId/entropy', async (req, res) => {
    const roundId = roundIdOf(req);
    const { publicEntropy } = parseBody(publicEntropySchema, req);
    res.json(toRoundDto(await actions.setPublicEntropy(roundId, publicEntropy)));
  });
  router.post('/rounds/:roundId/draw', async (req, res) => {
    res.json(toRoundDto(await actions.drawRound(roundIdOf(req))));
  });
  router.post('/rounds/:roundId/cancel', async (req, res) => {
    res.json(toRoundDto(await actions.cancelRound(roundIdOf(req))));
  });

  return router;
}
