// Helpers for the stage's browser tests: an event with phones joined through the real server, and a
// stage page whose window.__stage hooks can be awaited.
import { randomBytes } from 'node:crypto';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type {
  ClientToServerEvents,
  EventDto,
  JoinAckDto,
  PrizeDto,
  ServerToClientEvents,
} from '@drawcast/shared';
import type { Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { hostApi } from '../../e2e-kit/server';
import type { RunningServer } from '../../e2e-kit/server';

/** A phone: its socket and join ack. */
export interface Phone {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  ack: JoinAckDto;
}

/** An open event with prizes, created through the host API. */
export async function openEvent(
  server: RunningServer,
  title: string,
  prizes: Array<{ name: string; quantity: number }>,
  settings: Record<string, unknown> = {},
): Promise<{ event: EventDto; prizes: PrizeDto[] }> {
  const event = await hostApi<EventDto>(server, 'POST', '/api/events', { title, settings });
  await hostApi(server, 'POST', `/api/events/${event.id}/open`);
  const made: PrizeDto[] = [];
  for (const p of prizes)
    made.push(await hostApi<PrizeDto>(server, 'POST', `/api/events/${event.id}/prizes`, p));
  return { event, prizes: made };
}

/** Joins `names.length` phones over real sockets. */
export async function joinPhones(server: RunningServer, joinCode: string, names: string[]): Promise<Phone[]> {
  return Promise.all(
    names.map(async (nickname) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
        auth: { protocolVersion: PROTOCOL_VERSION },
        transports: ['websocket'],
        forceNew: true,
      });
      const ack = await socket.emitWithAck('event:join', {
        joinCode,
        nickname,
        deviceToken: randomBytes(16).toString('base64url'),
      });
      if (!ack.ok) throw new Error(`${ack.code}: ${ack.message}`);
      return { socket, ack: ack.data };
    }),
  );
}

/** Waits until the stage page has loaded its event and started its scenes. */
export async function stageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__stage?.ready === true, undefined, { timeout: 30_000 });
}

/** RGBA of some pixels of a PNG, decoded by the browser itself in a blank page (no image library needed). */
export async function pngPixels(
  page: Page,
  png: Buffer,
  points: ReadonlyArray<readonly [number, number]>,
): Promise<number[][]> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(
      async ([b64, pts]) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return pts.map(([x, y]) => Array.from(ctx.getImageData(x, y, 1, 1).data));
      },
      [png.toString('base64'), points] as const,
    );
  } finally {
    await blank.close();
  }
}
