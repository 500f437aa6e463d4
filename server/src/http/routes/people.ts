// Host REST for imported lists and tickets, plus the public check-in scan.
import {
  DrawcastError,
  ErrorCode,
  baseTicketsSchema,
  checkInSchema,
  idSchema,
  parsePayload,
} from '@drawcast/shared';
import express, { Router } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { DEFAULT_MAX_BYTES } from '../../io/import/importTypes';
import type { Commands } from '../../commands';
import { parseBody, parseParam, requireHost } from '../middleware';

/** The upload types the import route reads as a raw file body. */
export const IMPORT_CONTENT_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

// eslint-disable-next-line no-control-regex
const SAFE_FILE_NAME = /^[^/\\\u0000-\u001f]+$/;

const importQuerySchema = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(SAFE_FILE_NAME, 'must be a file name without slashes')
    .optional(),
  encoding: z.enum(['auto', 'utf-8', 'gb18030']).optional(),
});

const pageSchema = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const parsed = parsePayload(schema, { ...req.query });
  if (!parsed.ok) throw new DrawcastError(parsed.code, parsed.message, parsed.field);
  return parsed.data;
}

/**
 * The file body, read up to the importer's own 20 MB limit (not the 100 kB JSON limit); a bigger one
 * is FILE_TOO_LARGE before anything is parsed.
 */
function rawFileBody(): RequestHandler {
  const parse = express.raw({ type: IMPORT_CONTENT_TYPES, limit: DEFAULT_MAX_BYTES });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
        return next(
          new DrawcastError(
            ErrorCode.FILE_TOO_LARGE,
            `file: larger than ${DEFAULT_MAX_BYTES / 1024 / 1024} MB`,
            'file',
          ),
        );
      }
      next(err);
    });
}

function defaultFilename(contentType: string | undefined): string {
  return contentType?.includes('spreadsheetml') ? 'upload.xlsx' : 'upload.csv';
}

/** Why: hosts load employee/receipt lists and print check-in QR codes; phones and staff scan them. */
export function peopleRoutes(commands: Commands): Router {
  const actions = commands.host;
  const router = Router();
  const host = requireHost(commands.hostAuth);
  const eventIdOf = (req: Request) => parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
  const participantIdOf = (req: Request) =>
    parseParam(idSchema, req, 'participantId', ErrorCode.PARTICIPANT_NOT_FOUND);

  router.post('/events/:eventId/people/import', host, rawFileBody(), async (req, res) => {
    const eventId = eventIdOf(req);
    const query = parseQuery(importQuerySchema, req);
    if (!Buffer.isBuffer(req.body)) {
      throw new DrawcastError(
        ErrorCode.INVALID_FILE,
        `file: send the file as the body with Content-Type text/csv, ${IMPORT_CONTENT_TYPES[3]} or application/octet-stream`,
        'file',
      );
    }
    const filename = query.filename ?? defaultFilename(req.get('content-type'));
    const report = await actions.importPeople(
      eventId,
      { buffer: req.body },
      filename,
      query.encoding ? { encoding: query.encoding } : {},
    );
    res.json(report);
  });

  router.get('/events/:eventId/people', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const page = parseQuery(pageSchema, req);
    res.json({ ...page, people: await actions.listPeople(eventId, page) });
  });

  router.get('/participants/:participantId/checkin-qr.svg', host, async (req, res) => {
    const participantId = participantIdOf(req);
    const pageUrl = `${req.protocol}://${req.get('host') ?? 'localhost'}/checkin`;
    const svg = await actions.checkinQrSvg(participantId, pageUrl);
    res.type('image/svg+xml').send(svg);
  });

  router.put('/participants/:participantId/tickets', host, async (req, res) => {
    const participantId = participantIdOf(req);
    const { baseTickets } = parseBody(baseTicketsSchema, req);
    res.json(await actions.setBaseTickets(participantId, baseTickets));
  });

  // Public: the check-in token itself is the secret (unguessable, printed on the person's QR).
  router.post('/checkin', async (req, res) => {
    const input = parseBody(checkInSchema, req);
    const result = await commands.participant.checkIn(input);
    res.json({
      eventId: result.event.id,
      eventTitle: result.event.title,
      participantId: result.participant.id,
      nickname: result.participant.nickname,
      checkedInAt: result.checkedInAt,
      alreadyCheckedIn: result.alreadyCheckedIn,
      deviceLinked: result.deviceLinked,
    });
  });

  return router;
}
