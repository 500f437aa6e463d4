// The phone's own address behind nginx: the rightmost X-Forwarded-For hop the trusted proxies did not add.
import type { IncomingMessage } from 'node:http';

/** Express's compiled `trust proxy` test (proxy-addr): is the hop at distance i a proxy we trust? */
export type TrustFn = (address: string, hop: number) => boolean;

/**
 * Walks from the socket peer back through X-Forwarded-For while each hop is a trusted proxy, as Express's
 * req.ip does, so sockets and REST see one and the same client address (join limits, host lockouts).
 */
export function clientIpFrom(req: IncomingMessage, trust: TrustFn): string | undefined {
  const peer = req.socket.remoteAddress;
  if (peer === undefined) return undefined;
  const header = req.headers['x-forwarded-for'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const hops = [
    peer,
    ...text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .reverse(),
  ];
  for (let i = 0; i < hops.length - 1; i += 1) if (!trust(hops[i] as string, i)) return hops[i];
  return hops[hops.length - 1];
}
