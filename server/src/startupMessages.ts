// What `npm start` prints: the banner (URL always, QR only on a terminal, where the host token comes
// from on every start) and one clear line instead of a stack when the port cannot be used.
import path from 'node:path';

/** Where this start's host token came from; the banner says so without printing a known token again. */
export type HostTokenSource = 'env' | 'file' | 'generated';

/** Everything the banner shows; `qr` is only rendered (and only asked for) when `isTty`. */
export interface BannerInput {
  localUrl: string;
  joinUrl: string;
  dataDir: string;
  hostToken: string;
  hostTokenSource: HostTokenSource;
  /** stdout is a terminal: ANSI block characters of a QR code would be noise in a log file. */
  isTty: boolean;
  qr?: string;
  /** Several nodes: where the data is instead of the data dir (e.g. "PostgreSQL + Redis"). */
  storeLabel?: string;
  /** The HTTPS listener, when enabled: its base URL and the certificate staff can check. */
  https?: {
    url: string;
    fingerprint256: string;
    source: 'operator' | 'generated' | 'file';
    certFile: string;
  };
}

/** Why: a log file must not get raw ANSI escapes, and every start must say where the host token is. */
export function startupBanner(input: BannerInput): string {
  const { joinUrl, dataDir } = input;
  const lines = [
    `Drawcast listening on ${input.localUrl} (${input.storeLabel ?? `data in ${dataDir}`})`,
    `Phones join at ${joinUrl}  (stage screen: ${joinUrl}stage, host console: ${joinUrl}host)`,
  ];
  if (input.isTty && input.qr) lines.push(input.qr.replace(/\n+$/, ''));
  lines.push(consoleLine(input));
  lines.push(...httpsLines(input));
  const tokenFile = path.join(dataDir, 'host-token');
  if (input.hostTokenSource === 'generated') {
    lines.push(
      `Host token (generated now, kept in ${tokenFile}, printed only this once):`,
      `  ${input.hostToken}`,
    );
  } else if (input.hostTokenSource === 'file') {
    lines.push(`Host token: kept in ${tokenFile} (cat it to see it; DRAWCAST_HOST_TOKEN sets your own)`);
  } else {
    lines.push('Host token: from the DRAWCAST_HOST_TOKEN environment variable (not written to disk)');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Why: a tablet's camera works only on HTTPS; staff open these links and compare the fingerprint their
 * browser shows with the printed one before accepting a self-signed certificate. Without HTTPS, one hint.
 */
export function httpsLines(input: BannerInput): string[] {
  const h = input.https;
  if (!h) return ['HTTPS: off (cameras on LAN tablets need it: set DRAWCAST_HTTPS_PORT, e.g. 3443)'];
  const origin =
    h.source === 'operator'
      ? `your certificate ${h.certFile}`
      : `self-signed, ${h.source === 'generated' ? 'made now' : 'kept'} in ${h.certFile}`;
  // Same rule as the HTTP console link: the token rides in the fragment only on the start that made it.
  const signIn = input.hostTokenSource === 'generated' ? `#token=${encodeURIComponent(input.hostToken)}` : '';
  return [
    `HTTPS (for cameras on tablets): host console ${h.url}/host${signIn}  prize desk ${h.url}/host#desk`,
    `  certificate (${origin}) SHA-256 fingerprint: ${h.fingerprint256}`,
  ];
}

/**
 * The host console link. The token rides in the URL fragment (browsers never send it to a server nor
 * write it to its logs), and only on the start that generated it, which prints the token anyway.
 */
export function consoleLine(input: BannerInput): string {
  const consoleUrl = `${input.localUrl}/host`;
  if (input.hostTokenSource === 'generated')
    return `Host console (one click signs in; keep it private): ${consoleUrl}#token=${encodeURIComponent(input.hostToken)}`;
  return `Host console: ${consoleUrl} (sign in with the host token, or open ${consoleUrl}#token=<token>)`;
}

/**
 * One line for an error from `listen`, or null when it is not one a user can fix by choosing another
 * port or address (the caller then prints it as it is).
 */
export function listenErrorMessage(err: unknown, port: number, bindAddress: string): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const next = port === 0 || port >= 65535 ? 3001 : port + 1;
  if (code === 'EADDRINUSE')
    return (
      `Port ${port} on ${bindAddress} is already in use (another Drawcast, or another program). ` +
      `Choose another port with PORT, for example: PORT=${next} npm start`
    );
  if (code === 'EACCES')
    return (
      `Port ${port} on ${bindAddress} needs privileges this user lacks. ` +
      `Choose a port from 1024 up with PORT, for example: PORT=3000 npm start`
    );
  if (code === 'EADDRNOTAVAIL')
    return `Address ${bindAddress} is not on this machine. Set DRAWCAST_BIND to one of its addresses, or 0.0.0.0`;
  return null;
}
