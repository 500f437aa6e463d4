import { expect, it } from 'vitest';
import { qrPath, qrPathOf } from './qr';

it('draws one unit square per dark module, offset by the quiet zone', () => {
  expect(qrPath({ size: 2, dark: [1, 0, 0, 1] })).toEqual({ d: 'M4 4h1v1h-1zM5 5h1v1h-1z', viewSize: 10 });
});

it('encodes real text with the qrcode library', async () => {
  const { d, viewSize } = await qrPathOf('https://192.168.1.23:3000/join/ABC123?ref=xyz');
  expect(viewSize).toBeGreaterThanOrEqual(29);
  expect(d.length).toBeGreaterThan(1000);
});
