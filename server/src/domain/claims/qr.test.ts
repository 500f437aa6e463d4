import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QR_MAX_TEXT_LENGTH, qrSvg } from './qr';

describe('qrSvg', () => {
  it('draws the QR symbol of exactly that text, with a 2-module margin', async () => {
    const text = 'https://venue.example/checkin?token=ABCDEFGHJKMNPQRS';
    const svg = await qrSvg(text);
    expect(svg.startsWith('<svg')).toBe(true);
    const size = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 4} ${size + 4}"`);
    expect(await qrSvg(text)).toBe(svg);
    expect(await qrSvg(`${text}X`)).not.toBe(svg);
  });

  it('refuses empty or oversized text with a typed error', async () => {
    await expect(qrSvg('')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'text' });
    await expect(qrSvg('x'.repeat(QR_MAX_TEXT_LENGTH + 1))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(qrSvg('x'.repeat(QR_MAX_TEXT_LENGTH))).resolves.toContain('<svg');
  });
});
