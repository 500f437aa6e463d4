// Decoding real QR images (made by the same qrcode library the server uses), rendered to RGBA pixels.
import QRCode from 'qrcode';
import { expect, test } from 'vitest';
import { decodeQr } from './qrScan';

/** Renders a QR to an RGBA bitmap: `scale` pixels per module, a 4-module quiet zone, optional noise. */
function render(text: string, scale: number, noise = 0): { data: Uint8ClampedArray; size: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const size = (n + 8) * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      const dark = mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx) === 1;
      const jitter = noise ? (rand() - 0.5) * noise : 0;
      const v = Math.max(0, Math.min(255, (dark ? 30 : 225) + jitter));
      const i = (y * size + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { data, size };
}

test('decodes a winner code and a desk URL from QR images, also with sensor noise', () => {
  for (const text of ['ABCDE23456', 'http://192.168.1.5:3000/host#code=ABCDE23456']) {
    const clean = render(text, 4);
    expect(decodeQr(clean.data, clean.size, clean.size)).toBe(text);
    const noisy = render(text, 5, 90);
    expect(decodeQr(noisy.data, noisy.size, noisy.size)).toBe(text);
  }
});

test('a picture without a QR gives null', () => {
  const size = 64;
  const blank = new Uint8ClampedArray(size * size * 4).fill(200);
  expect(decodeQr(blank, size, size)).toBeNull();
});
