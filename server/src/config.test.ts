import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'drawcast-config-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('applies defaults, generates a host token once (mode 0600) and keeps it', () => {
    const dir = tempDir();
    const first = loadConfig({ DRAWCAST_DATA_DIR: dir });
    expect(first.config).toMatchObject({
      port: 3000,
      bindAddress: '0.0.0.0',
      dataDir: dir,
      joinsPerIpPerMinute: 1200,
    });
    expect(first.hostTokenGenerated).toBe(true);
    const file = path.join(dir, 'host-token');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.config.hostToken);
    const second = loadConfig({ DRAWCAST_DATA_DIR: dir });
    expect(second.hostTokenGenerated).toBe(false);
    expect(second.config.hostToken).toBe(first.config.hostToken);
    expect(second.secret).toBe(first.secret);
  });

  it('prefers the environment and resolves the data dir from where npm was invoked', () => {
    const root = tempDir();
    const { config, hostTokenGenerated } = loadConfig({
      INIT_CWD: root,
      DRAWCAST_DATA_DIR: 'here',
      DRAWCAST_HOST_TOKEN: 'a-host-token-of-enough-length',
      PORT: '0',
      DRAWCAST_JOINS_PER_IP_PER_MINUTE: '50',
    });
    expect(config).toMatchObject({
      dataDir: path.join(root, 'here'),
      hostToken: 'a-host-token-of-enough-length',
      port: 0,
      joinsPerIpPerMinute: 50,
    });
    expect(hostTokenGenerated).toBe(false);
  });

  it('keeps HTTPS off unless DRAWCAST_HTTPS_PORT is set', () => {
    const dir = tempDir();
    expect(loadConfig({ DRAWCAST_DATA_DIR: dir }).config.httpsPort).toBeUndefined();
    const on = loadConfig({ DRAWCAST_DATA_DIR: dir, DRAWCAST_HTTPS_PORT: '3443' }).config;
    expect(on.httpsPort).toBe(3443);
    expect(on.tlsCertFile).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DRAWCAST_HOST_TOKEN: 'short' }, 'DRAWCAST_HOST_TOKEN'],
    [{ DRAWCAST_JOINS_PER_IP_PER_MINUTE: '0' }, 'DRAWCAST_JOINS_PER_IP_PER_MINUTE'],
    [{ DRAWCAST_LOG_LEVEL: 'loud' }, 'DRAWCAST_LOG_LEVEL'],
    [{ DRAWCAST_HTTPS_PORT: 'x' }, 'DRAWCAST_HTTPS_PORT'],
    [{ DRAWCAST_HTTPS_PORT: '3443', DRAWCAST_TLS_CERT: 'c.pem' }, 'DRAWCAST_TLS_KEY'],
    [{ DRAWCAST_TLS_CERT: 'c.pem', DRAWCAST_TLS_KEY: 'k.pem' }, 'DRAWCAST_HTTPS_PORT'],
  ])('names the bad variable (%o)', (env, name) => {
    const dir = tempDir();
    expect(() => loadConfig({ DRAWCAST_DATA_DIR: dir, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DRAWCAST_DATA_DIR: dir, ...env })).toThrow(name);
  });
});
