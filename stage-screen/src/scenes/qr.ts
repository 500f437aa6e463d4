// The join QR code: drawn once per size into a canvas from the qrcode library's matrix (crisp squares,
// whole pixels) and shown as one sprite, so the renderer draws one quad per frame, not hundreds.
import { Texture } from 'pixi.js';
import QRCode from 'qrcode';

/** Why: a big, sharp QR that phones at the back of a room can scan; rebuilt on resize, not every frame. */
export function qrTexture(text: string, side: number, resolution: number): Texture {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const px = Math.max(1, Math.floor((side * resolution) / (n + quiet * 2)));
  const size = px * (n + quiet * 2);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#000000';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++)
      if (qr.modules.get(y, x)) ctx.fillRect((x + quiet) * px, (y + quiet) * px, px, px);
  }
  const texture = Texture.from(canvas);
  texture.source.scaleMode = 'nearest';
  return texture;
}
