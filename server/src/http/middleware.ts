// Express plumbing: request logs, host auth, validation helpers, the JSON error envelope.
import { DrawcastError, ErrorCode, fail, parsePayload } from '@drawcast/shared';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { toFailure } from '../commands/wireErrors';
import { httpStatusOf } from './httpStatus';
import type { HostAuthenticator } from '../commands/hostAuth';
import { bearerToken } from '../commands/hostAuth';

/** One structured log line per request (pino-http is not needed for that); never logs headers. */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const line = {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms,
        ip: req.ip,
      };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}

/** Sends a typed failure with the status its code implies. */
export function sendFailure(res: Response, code: ErrorCode, message: string, field?: string): void {
  res.status(httpStatusOf(code)).json(fail(code, message, field));
}

/** Guards host routes: Bearer token, constant-time compare, per-IP lockout (shared with host sockets). */
export function requireHost(auth: HostAuthenticator): RequestHandler {
  return async (req, res, next) => {
    const verdict = await auth.check(req.ip ?? 'unknown', bearerToken(req.get('authorization')));
    if (verdict.ok) return next();
    if (verdict.code === ErrorCode.LOCKED_OUT) {
      res.set('Retry-After', String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))));
      return sendFailure(res, verdict.code, 'too many failed attempts, try again later');
    }
    res.set('WWW-Authenticate', 'Bearer');
    return sendFailure(res, verdict.code, 'send the host token as Authorization: Bearer <token>');
  };
}

/** Validates a request body with a shared schema; a bad one throws a typed error naming the field. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  if (req.body === undefined) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      'body: send a JSON body with Content-Type: application/json',
      'body',
    );
  }
  const parsed = parsePayload(schema, req.body);
  if (!parsed.ok) throw new DrawcastError(parsed.code, parsed.message, parsed.field);
  return parsed.data;
}

/** Validates a path parameter; a malformed id is simply not found (the code of the thing looked up). */
export function parseParam<S extends z.ZodType>(
  schema: S,
  req: Request,
  name: string,
  notFound: ErrorCode,
): z.output<S> {
  const parsed = parsePayload(schema, req.params[name]);
  if (!parsed.ok) throw new DrawcastError(notFound, `${name}: no such ${name.replace(/Id$/, '')}`, name);
  return parsed.data;
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** The last middleware: body-parser errors, typed errors and unexpected ones become `{ ok:false, code, message }`. */
export function errorHandler(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    // A handler may have set its success type (e.g. SVG) before the call that threw: errors are JSON.
    res.removeHeader('Content-Type');
    const type = (err as BodyParserError | null)?.type;
    if (type === 'entity.too.large')
      return sendFailure(res, ErrorCode.PAYLOAD_TOO_LARGE, 'body: too large', 'body');
    if (type === 'entity.parse.failed') {
      return sendFailure(res, ErrorCode.VALIDATION_FAILED, 'body: not valid JSON', 'body');
    }
    if (type && (err as BodyParserError).status === 415) {
      return sendFailure(res, ErrorCode.VALIDATION_FAILED, 'body: unsupported encoding', 'body');
    }
    // The router's decodeURIComponent of a path parameter ("/events/%/…"): the client's fault, not a 500.
    if (err instanceof URIError) {
      return sendFailure(res, ErrorCode.VALIDATION_FAILED, 'path: malformed percent-encoding', 'path');
    }
    const failure = toFailure(err, logger, 'http');
    res.status(httpStatusOf(failure.code)).json(failure);
  };
}

/** Unknown /api paths answer in the same JSON envelope instead of an HTML 404. */
export const apiNotFound: RequestHandler = (req, res) => {
  sendFailure(res, ErrorCode.NOT_FOUND, `no route ${req.method} ${req.originalUrl.split('?')[0]}`);
};
