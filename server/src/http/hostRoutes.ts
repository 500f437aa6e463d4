// Host REST API: events, prizes, rounds, participants, stream delay. Every route needs the host token.
import {
  DrawcastError,
  ErrorCode,
  parsePayload,
  addPrizeSchema,
  updatePrizeSchema,
  createEventSchema,
  createRoundSchema,
  idSchema,
  publicEntropySchema,
  streamDelaySchema,
  updateEventSchema,
} from '@drawcast/shared';
import { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import type { Commands } from '../commands';
import { parseBody, parseParam, requireHost } from './middleware';

const pageSchema = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const eventIdOf = (req: Request) => parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
const roundIdOf = (req: Request) => parseParam(idSchema, req, 'roundId', ErrorCode.ROUND_NOT_FOUND);

/** Why: the console and curl drive an event through these; they share HostCommands with host sockets. */
export function hostRoutes(commands: Commands): Router {
  const actions = commands.host;
  const router = Router();
  // Mounted after the public routes, so the (public) proof never reaches this guard.
  router.use(['/events', '/rounds'], requireHost(commands.hostAuth));

  router.get('/events', async (_req, res) => {
    res.json(await actions.listEvents());
  });
  router.post('/events', async (req, res) => {
    res.status(201).json(await actions.createEvent(parseBody(createEventSchema, req)));
  });
  router.get('/events/:eventId', async (req, res) => {
    res.json(await actions.getEvent(eventIdOf(req)));
  });
  router.patch('/events/:eventId', async (req, res) => {
    const eventId = eventIdOf(req);
    res.json(await actions.updateEvent(eventId, parseBody(updateEventSchema, req)));
  });
  router.post('/events/:eventId/open', async (req, res) => {
    res.json(await actions.updateEvent(eventIdOf(req), { status: 'open' }));
  });
  router.post('/events/:eventId/close', async (req, res) => {
    res.json(await actions.updateEvent(eventIdOf(req), { status: 'closed' }));
  });
  router.put('/events/:eventId/stream-delay', async (req, res) => {
    const eventId = eventIdOf(req);
    const { streamDelayMs } = parseBody(streamDelaySchema, req);
    res.json(await actions.updateEvent(eventId, { settings: { streamDelayMs } }));
  });

  router.get('/events/:eventId/prizes', async (req, res) => {
    res.json(await actions.listPrizes(eventIdOf(req)));
  });
  router.post('/events/:eventId/prizes', async (req, res) => {
    const eventId = eventIdOf(req);
    res.status(201).json(await actions.addPrize(eventId, parseBody(addPrizeSchema, req)));
  });

  router.patch('/events/:eventId/prizes/:prizeId', async (req, res) => {
    const eventId = eventIdOf(req);
    const prizeId = parseParam(idSchema, req, 'prizeId', ErrorCode.PRIZE_NOT_FOUND);
    res.json(await actions.updatePrize(eventId, prizeId, parseBody(updatePrizeSchema, req)));
  });

  router.get('/events/:eventId/rounds', async (req, res) => {
    res.json(await actions.listRounds(eventIdOf(req)));
  });
  router.post('/events/:eventId/rounds', async (req, res) => {
    const eventId = eventIdOf(req);
    res.status(201).json(await actions.createRound(eventId, parseBody(createRoundSchema, req)));
  });

  router.get('/events/:eventId/participants', async (req, res) => {
    const eventId = eventIdOf(req);
    const page = parsePayload(pageSchema, { ...req.query });
    if (!page.ok) throw new DrawcastError(page.code, page.message, page.field);
    res.json(await actions.listParticipants(eventId, page.data));
  });

  router.get('/rounds/:roundId', async (req, res) => {
    res.json(await actions.getRound(roundIdOf(req)));
  });
  router.post('/rounds/:roundId/close', async (req, res) => {
    res.json(await actions.closeEntries(roundIdOf(req)));
  });
  router.put('/rounds/:roundId/entropy', async (req, res) => {
    const roundId = roundIdOf(req);
    const { publicEntropy } = parseBody(publicEntropySchema, req);
    res.json(await actions.setPublicEntropy(roundId, publicEntropy));
  });
  router.post('/rounds/:roundId/draw', async (req, res) => {
    res.json(await actions.drawRound(roundIdOf(req)));
  });
  router.post('/rounds/:roundId/cancel', async (req, res) => {
    res.json(await actions.cancelRound(roundIdOf(req)));
  });

  return router;
}
