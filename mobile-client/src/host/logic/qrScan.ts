// Decodes a QR code from camera frames with jsQR (pure JavaScript, bundled: works offline, no wasm).
import jsQR from 'jsqr';

/** Why: one pure function over pixels, so decoding is tested on real QR images without a camera. */
export function decodeQr(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  const found = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  return found && found.data ? found.data : null;
}

/** Scans a <video> until a QR is found or stop() is called; frames are read at most ~8 times a second. */
export function scanVideo(video: HTMLVideoElement, onCode: (text: string) => void): { stop(): void } {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;
  let last = 0;
  const frame = (now: number) => {
    if (stopped) return;
    if (ctx && now - last > 120 && video.readyState >= 2 && video.videoWidth > 0) {
      last = now;
      const scale = Math.min(1, 640 / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      const text = decodeQr(
        ctx.getImageData(0, 0, canvas.width, canvas.height).data,
        canvas.width,
        canvas.height,
      );
      if (text) {
        stopped = true;
        onCode(text);
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return {
    stop() {
      stopped = true;
    },
  };
}
