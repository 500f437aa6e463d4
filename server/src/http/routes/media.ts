// Prize images uploaded from the console: stored in the data dir under random names, served with their
// sniffed type, nosniff and a long cache (a name is never reused).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DrawcastError, ErrorCode, idSchema } from '@drawcast/shared';
import express, { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { IMAGE_TYPES, MAX_IMAGE_BYTES, sniffImage } from '../../domain/imageType';
import type { ImageExtension } from '../../domain/imageType';
import type { Commands } from '../../commands';
import { parseParam, requireHost } from '../middleware';

/** The URL path prize images are served under. */
export const PRIZE_IMAGE_PATH = '/media/prize-images';
const NAME = /^[A-Za-z0-9_-]{22}\.(png|jpg|gif|webp)$/;

/** Why: a shop laptop has no image host; the host uploads the prize photo and the stage shows it. */
export function prizeImageRoutes(deps: { commands: Commands; dataDir: string }): {
  api: Router;
  media: Router;
} {
  const dir = path.resolve(deps.dataDir, 'prize-images');
  const api = Router();
  const raw = express.raw({ type: () => true, limit: MAX_IMAGE_BYTES });
  const readBody = (req: Request, res: Response, next: NextFunction) =>
    raw(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
        return next(new DrawcastError(ErrorCode.FILE_TOO_LARGE, 'image: larger than 2 MB', 'image'));
      }
      next(err);
    });

  api.post(
    '/events/:eventId/prize-images',
    requireHost(deps.commands.hostAuth),
    readBody,
    async (req, res) => {
      const eventId = parseParam(idSchema, req, 'eventId', ErrorCode.EVENT_NOT_FOUND);
      const event = await deps.commands.host.getEvent(eventId);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (body.length === 0)
        throw new DrawcastError(ErrorCode.EMPTY_FILE, 'image: send the file as the body', 'image');
      const ext = sniffImage(body);
      if (!ext) {
        throw new DrawcastError(
          ErrorCode.INVALID_FILE,
          'image: must be a PNG, JPEG, GIF or WebP picture',
          'image',
        );
      }
      mkdirSync(dir, { recursive: true });
      const name = `${randomBytes(16).toString('base64url')}.${ext}`;
      writeFileSync(path.join(dir, name), body, { mode: 0o644 });
      res.status(201).json({
        url: `${PRIZE_IMAGE_PATH}/${name}`,
        type: IMAGE_TYPES[ext],
        bytes: body.length,
        eventId: event.id,
      });
    },
  );

  const media = Router();
  media.get(`${PRIZE_IMAGE_PATH}/:name`, (req, res) => {
    const name = String(req.params.name);
    if (!NAME.test(name)) {
      res.status(404).type('text/plain').send('not found');
      return;
    }
    const ext = name.split('.').pop() as ImageExtension;
    res.set({
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Type': IMAGE_TYPES[ext],
      'Content-Disposition': 'inline',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    res.sendFile(path.join(dir, name), { headers: { 'Content-Type': IMAGE_TYPES[ext] } }, (err) => {
      if (err && !res.headersSent) res.status(404).type('text/plain').send('not found');
    });
  });
  return { api, media };
}
