// The console's REST client: the credential as a Bearer header, typed failures, file up- and downloads.
import type { ErrorCode } from '@drawcast/shared';

/** A failed request, with the server's typed code so the UI can translate it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Why: every screen talks to the same /api with the same credential and error handling. */
export class HostApi {
  constructor(
    private readonly token: string,
    private readonly base = '',
  ) {}

  private async request(method: string, path: string, body?: BodyInit, type?: string): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(type ? { 'content-type': type } : {}) },
        body,
      });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
    }
    if (!res.ok) {
      const text = await res.text();
      let failure: { code?: ErrorCode; message?: string; field?: string } = {};
      try {
        failure = JSON.parse(text) as typeof failure;
      } catch {
        // not JSON: keep the status only
      }
      throw new ApiError(res.status, failure.code ?? 'INTERNAL', failure.message ?? text, failure.field);
    }
    return res;
  }

  /** GET a JSON answer. */
  async get<T>(path: string): Promise<T> {
    return (await (await this.request('GET', path)).json()) as T;
  }

  /** Any JSON request; `body` undefined sends none. */
  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await this.request(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? undefined : 'application/json',
    );
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Uploads a file as the raw body (imports, prize images). */
  async upload<T>(path: string, file: Blob, type: string): Promise<T> {
    return (await (await this.request('POST', path, file, type)).json()) as T;
  }

  /** Uploads an image of the event (a prize picture or the stage logo) and returns the URL it is served at. */
  async uploadImage(eventId: string, file: File): Promise<string> {
    const up = await this.upload<{ url: string }>(
      `/api/events/${eventId}/prize-images`,
      file,
      file.type || 'application/octet-stream',
    );
    return up.url;
  }

  /** Downloads a file with the credential and hands it to the browser under the server's file name. */
  async download(path: string, fallbackName: string): Promise<Blob> {
    const res = await this.request('GET', path);
    const blob = await res.blob();
    const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return blob;
  }
}

/** The file name of a Content-Disposition header (UTF-8 `filename*` first). */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1]! : null;
}
