// QR codes for redemption codes and check-in links, as inline SVG a page or an export can embed.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import QRCode from 'qrcode';

/** Far below QR version 40's byte capacity at level M (2331), so a valid input never fails to encode. */
export const QR_MAX_TEXT_LENGTH = 1024;

/** One place that fixes the QR look (error correction M, 2-module margin) for every code we print. */
export async function qrSvg(text: string): Promise<string> {
  if (typeof text !== 'string' || text.length === 0 || text.length > QR_MAX_TEXT_LENGTH) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `QR text must be 1..${QR_MAX_TEXT_LENGTH} characters`,
      'text',
    );
  }
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
