// Host REST for what outlives the evening: winners exports, the event backup and restore, the audit chain.
import { DrawcastError, ErrorCode, auditPageSchema, idSchema, parsePayload } from '@drawcast/shared';
import express, { Router } from 'express';
import type { Request } from 'express';
import { z } from 'zod';
import type { DrawcastService } from '../../services/types';
import type { HostAuthenticator } from '../../commands/hostAuth';
import { parseParam, requireHost } from '../middleware';

/** The XLSX MIME type, also accepted by the import route. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Backups of 100,000-person events run to tens of MB, far above the 100 kB JSON limit. */
export const RESTORE_BODY_LIMIT = '256mb';

const exportQuerySchema = z.strictObject({ lang: z.enum(['en', 'zh']).default('en') });
/** `?head=seq:hash` (from a proof, a backup or a screenshot): the service checks its spelling. */
const verifyQuerySchema = z.strictObject({ head: z.string().max(100).optional() });

function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const parsed = parsePayload(schema, { ...req.query });
  if (!parsed.ok) throw new DrawcastError(parsed.code, parsed.message, parsed.field);
  return parsed.data;
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/** The event title as a file name (Chinese kept: Content-Disposition carries it as UTF-8 filename*). */
export function fileNameOf(title: string, suffix: string): string {
  const safe = title.replace(UNSAFE_IN_FILE_NAME, ' ').trim().slice(0, 80);
  return `${safe || 'event'}-${suffix}`;
}

/** Why: hosts hand the winners list to accounting, keep a backup, and prove nothing was edited after. */
export function recordRoutes(deps: { service: DrawcastService; hostAuth: HostAuthenticator }): Router {
  const { service } = deps;
  const router = Router();
  const host = requireHost(deps.hostAuth);
  const eventIdOf = (req: Request) => parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);

  router.get('/events/:eventId/export/winners.:format', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const format = req.params.format;
    if (format !== 'csv' && format !== 'xlsx') {
      throw new DrawcastError(ErrorCode.NOT_FOUND, 'export: winners.csv or winners.xlsx', 'format');
    }
    const { lang } = parseQuery(exportQuerySchema, req);
    const event = await service.getEvent(eventId);
    const file = await service.exportWinners(event.id, format, lang);
    res.set('Cache-Control', 'no-store');
    res.attachment(fileNameOf(event.title, `winners.${format}`));
    res.type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MIME).send(file);
  });

  router.get('/events/:eventId/backup', host, async (req, res) => {
    const event = await service.getEvent(eventIdOf(req));
    const backup = await service.backupEvent(event.id);
    res.set('Cache-Control', 'no-store');
    res.attachment(fileNameOf(event.title, 'backup.json'));
    res.type('application/json').send(JSON.stringify(backup));
  });

  router.post('/restore', host, express.json({ limit: RESTORE_BODY_LIMIT }), async (req, res) => {
    if (req.body === undefined) {
      throw new DrawcastError(
        ErrorCode.INVALID_BACKUP,
        'body: send the backup JSON with Content-Type: application/json',
        'body',
      );
    }
    res.status(201).json(await service.restoreEvent(req.body));
  });

  router.get('/events/:eventId/audit', host, async (req, res) => {
    const eventId = eventIdOf(req);
    const page = parseQuery(auditPageSchema, req);
    res.json({ ...page, records: await service.listAudit(eventId, page) });
  });
  router.get('/events/:eventId/audit/verify', host, async (req, res) => {
    const { head } = parseQuery(verifyQuerySchema, req);
    res.json(await service.verifyAudit(eventIdOf(req), head));
  });

  return router;
}
