// A second writeHead on one response is logged and that connection dropped, instead of crashing the process.
import { ServerResponse } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';

/**
 * Why: Node throws ERR_HTTP_HEADERS_SENT when a response's head is written twice; thrown from a library's
 * event listener (engine.io's polling transport, when something else had answered its held long-poll) it
 * is uncaught and takes every phone down with it. This response class (for http.createServer's
 * `ServerResponse` option) logs the bug at error level with a stack and destroys only that connection.
 * Express swaps the prototype of the responses it handles, so this covers what engine.io answers.
 */
export function responseLoggingDoubleWrites(logger: Logger): typeof ServerResponse<IncomingMessage> {
  return class ResponseLoggingDoubleWrites extends ServerResponse<IncomingMessage> {
    override writeHead(statusCode: number, ...rest: unknown[]): this {
      if (this.headersSent) {
        logger.error(
          {
            err: new Error('response head written twice'),
            method: this.req.method,
            path: this.req.url?.split('?')[0],
            status: statusCode,
          },
          'a response was written twice; its connection is dropped',
        );
        this.destroy();
        return this;
      }
      return (super.writeHead as (code: number, ...more: unknown[]) => this).call(this, statusCode, ...rest);
    }
  };
}
