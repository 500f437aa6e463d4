// QR codes as one SVG path, built from the qrcode library's matrix (no HTML strings, no canvas).

/** The modules of a QR code: `size` × `size`, dark where `dark[y * size + x]`. */
export interface QrMatrix {
  size: number;
  dark: ArrayLike<number | boolean>;
}

/** One path of unit squares (with a 4-module quiet zone), for <svg viewBox="0 0 n n"><path d=…>. */
export function qrPath(m: QrMatrix, quiet = 4): { d: string; viewSize: number } {
  let d = '';
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) {
      if (m.dark[y * m.size + x]) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }
  }
  return { d, viewSize: m.size + 2 * quiet };
}

/** Lazily loads qrcode (not needed on the join page) and returns the path of `text`. */
export async function qrPathOf(text: string): Promise<{ d: string; viewSize: number }> {
  const { create } = await import('qrcode');
  const qr = create(text, { errorCorrectionLevel: 'M' });
  return qrPath({ size: qr.modules.size, dark: qr.modules.data });
}
