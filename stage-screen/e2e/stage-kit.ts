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
import type { Browser, Page } from 'playwright-core';
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
  prizes: Array<{ name: string; quantity: number; image?: Buffer }>,
  settings: Record<string, unknown> = {},
): Promise<{ event: EventDto; prizes: PrizeDto[] }> {
  const event = await hostApi<EventDto>(server, 'POST', '/api/events', { title, settings });
  await hostApi(server, 'POST', `/api/events/${event.id}/open`);
  const made: PrizeDto[] = [];
  for (const { image, ...p } of prizes) {
    const imageUrl = image ? await uploadImage(server, event.id, image) : undefined;
    made.push(
      await hostApi<PrizeDto>(server, 'POST', `/api/events/${event.id}/prizes`, {
        ...p,
        ...(imageUrl ? { imageUrl } : {}),
      }),
    );
  }
  return { event, prizes: made };
}

/** Uploads a PNG as the console does (prize images and the event's logo share the route); returns its URL. */
export async function uploadImage(server: RunningServer, eventId: string, png: Buffer): Promise<string> {
  const res = await fetch(`${server.url}/api/events/${eventId}/prize-images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.hostToken}`, 'content-type': 'image/png' },
    body: new Uint8Array(png),
  });
  if (res.status !== 201) throw new Error(`upload -> ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { url: string }).url;
}

/** A real PNG drawn by the browser from a bit of HTML (a logo, a prize photo), so no image files are kept. */
export async function renderPng(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<body style="margin:0;background:transparent">${html}</body>`);
    return await page.locator('body > *').first().screenshot({ omitBackground: true });
  } finally {
    await page.close();
  }
}

/** How many pixels of a PNG lie within `tolerance` of an RGB colour (decoded by the browser). */
export async function countColour(page: Page, png: Buffer, rgb: number, tolerance = 6): Promise<number> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(
      async ([b64, colour, tol]) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, img.width, img.height).data;
        const [r, g, b] = [(colour >> 16) & 255, (colour >> 8) & 255, colour & 255];
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (Math.abs(d[i]! - r) <= tol && Math.abs(d[i + 1]! - g) <= tol && Math.abs(d[i + 2]! - b) <= tol)
            n++;
        }
        return n;
      },
      [png.toString('base64'), rgb, tolerance] as const,
    );
  } finally {
    await blank.close();
  }
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
