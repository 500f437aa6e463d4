import type { IncomingMessage } from 'node:http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { clientIpFrom, type TrustFn } from './clientIp';

function trustOf(value: string): TrustFn {
  const app = express();
  app.set('trust proxy', value);
  return app.get('trust proxy fn') as TrustFn;
}

const req = (peer: string, xff?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
  }) as unknown as IncomingMessage;

describe('clientIpFrom', () => {
  it('takes the phone address nginx on loopback forwarded', () => {
    expect(clientIpFrom(req('127.0.0.1', '203.0.113.7'), trustOf('loopback'))).toBe('203.0.113.7');
  });

  it('ignores what a client wrote into the header before the trusted proxy', () => {
    expect(clientIpFrom(req('127.0.0.1', '10.9.9.9, 203.0.113.7'), trustOf('loopback'))).toBe('203.0.113.7');
  });

  it('does not believe the header from an untrusted peer', () => {
    expect(clientIpFrom(req('198.51.100.2', '203.0.113.7'), trustOf('loopback'))).toBe('198.51.100.2');
  });

  it('falls back to the peer without a header', () => {
    expect(clientIpFrom(req('127.0.0.1'), trustOf('loopback'))).toBe('127.0.0.1');
  });
});
