// The join QR code drawn as vector squares (crisp at any size), from the qrcode library's matrix.
import type { Graphics } from 'pixi.js';
import QRCode from 'qrcode';

/** Why: a big, sharp QR that phones at the back of a room can scan; redrawn on resize, not every frame. */
export function drawQr(g: Graphics, text: string, side: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = side / (n + quiet * 2);
  g.clear();
  g.roundRect(0, 0, side, side, cell).fill(0xffffff);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (qr.modules.get(y, x)) g.rect((x + quiet) * cell, (y + quiet) * cell, cell + 0.5, cell + 0.5);
    }
  }
  g.fill(0x000000);
}
