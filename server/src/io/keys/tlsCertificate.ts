// The HTTPS listener's certificate: the operator's own (DRAWCAST_TLS_CERT/KEY), or a self-signed one made
// once in the data dir and kept, so its SHA-256 fingerprint stays the same from one start to the next.
// Node's crypto can read X.509 (X509Certificate) but cannot create one, hence the `selfsigned` library
// (maintained, no native code, built on @peculiar/x509 and WebCrypto).
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

/** Folder inside the data dir holding the generated certificate and its key. */
export const TLS_DIR = 'tls';

/** A certificate ready for https.createServer, with what the banner prints about it. */
export interface TlsCertificate {
  cert: string;
  key: string;
  /** SHA-256 fingerprint as browsers show it (AB:CD:…), for staff to compare on a tablet. */
  fingerprint256: string;
  /** Where it came from: the operator's files, made now, or the one made on an earlier start. */
  source: 'operator' | 'generated' | 'file';
  certFile: string;
}

/** Why: staff check the printed fingerprint against the one their browser shows before trusting it. */
export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** Reads the operator's certificate and key; a file that is not a certificate fails at start, loudly. */
export function loadOperatorCertificate(certFile: string, keyFile: string): TlsCertificate {
  const cert = readFileSync(certFile, 'utf8');
  const key = readFileSync(keyFile, 'utf8');
  return { cert, key, fingerprint256: fingerprintOf(cert), source: 'operator', certFile };
}

/**
 * The self-signed certificate kept in `dataDir/tls/`, or a new one (10 years, EC P-256, SHA-256) naming
 * localhost and `hosts` (the LAN addresses) so the names match where they can.
 */
export async function loadOrCreateSelfSigned(dataDir: string, hosts: string[]): Promise<TlsCertificate> {
  const dir = path.join(dataDir, TLS_DIR);
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    return {
      cert,
      key: readFileSync(keyFile, 'utf8'),
      fingerprint256: fingerprintOf(cert),
      source: 'file',
      certFile,
    };
  }
  const ips = new Set(['127.0.0.1', ...hosts.filter((h) => /^\d+\.\d+\.\d+\.\d+$/.test(h))]);
  const names = new Set(['localhost', ...hosts.filter((h) => !/^\d+\.\d+\.\d+\.\d+$/.test(h))]);
  const notBeforeDate = new Date(Date.now() - 24 * 3600_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 10 * 365 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'Drawcast (self-signed)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...[...names].map((value) => ({ type: 2 as const, value })),
          ...[...ips].map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(certFile, pems.cert);
  return {
    cert: pems.cert,
    key: pems.private,
    fingerprint256: fingerprintOf(pems.cert),
    source: 'generated',
    certFile,
  };
}
