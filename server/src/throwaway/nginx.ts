// A throwaway nginx running deploy/nginx/drawcast.conf with only its ports rewritten (tests, `npm run cluster`).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from './freePort';

/** The repository's production config. */
export const NGINX_CONF = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'deploy',
  'nginx',
  'drawcast.conf',
);

/**
 * The production config for a throwaway run: the upstream lists `upstreams`, it listens on 127.0.0.1:port,
 * runs in the foreground with its pid, logs and temp files in `dir`; everything else is kept verbatim.
 */
export function renderNginxConf(
  conf: string,
  options: { port: number; upstreams: number[]; dir: string },
): string {
  const servers = options.upstreams
    .map((p) => `        server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`)
    .join('\n');
  const d = options.dir;
  const rendered = conf
    .replace(/(upstream drawcast \{\n\s*least_conn;\n)(?:\s*server [^\n]+\n)+/, `$1${servers}\n`)
    .replace(/listen 80;/, `listen 127.0.0.1:${options.port};`)
    .replace(/worker_processes auto;/, 'worker_processes 1;')
    .replace(
      /http \{\n/,
      `http {\n    client_body_temp_path ${d}/body;\n    proxy_temp_path ${d}/proxy;\n    fastcgi_temp_path ${d}/fastcgi;\n    uwsgi_temp_path ${d}/uwsgi;\n    scgi_temp_path ${d}/scgi;\n`,
    );
  if (!rendered.includes(`listen 127.0.0.1:${options.port}`) || !rendered.includes(servers)) {
    throw new Error(
      'deploy/nginx/drawcast.conf no longer has the upstream/listen lines this launcher rewrites',
    );
  }
  return `daemon off;\npid ${d}/nginx.pid;\nerror_log ${d}/error.log warn;\n${rendered}`;
}

/** A running throwaway nginx. */
export interface ThrowawayNginx {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts nginx (/usr/sbin/nginx or NGINX_BIN) in front of the given node ports. */
export async function startThrowawayNginx(upstreams: number[]): Promise<ThrowawayNginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'drawcast-nginx-'));
  // Workers run as nobody when started as root: they need to reach the temp dirs.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, renderNginxConf(readFileSync(NGINX_CONF, 'utf8'), { port, upstreams, dir }));
  const bin = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
  const child: ChildProcess = spawn(bin, ['-c', file, '-p', dir, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  const onExit = () => child.kill('SIGKILL');
  process.on('exit', onExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([
    waitForPort(port),
    exited.then(() => {
      throw new Error(`nginx exited: ${errors}`);
    }),
  ]);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGQUIT');
        await exited;
      }
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
