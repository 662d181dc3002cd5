import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/server/config';
import { DEFAULT_MEDIA_LIMITS } from '../../../src/server/media/media-limits';
import { DEFAULT_HTTP_TIMEOUTS, DEFAULT_STORE_TIMEOUTS } from '../../../src/server/timeouts';

describe('server configuration from the environment', () => {
  it('runs with nothing set: port 8080 on 127.0.0.1, SQLite under ./data', () => {
    const config = readConfig({}, '/srv/tinkuy/dist/client');
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: resolve('data'),
      database: { kind: 'sqlite', file: resolve('data', 'tinkuy.db'), timeouts: DEFAULT_STORE_TIMEOUTS },
      clientDir: '/srv/tinkuy/dist/client',
      trustProxy: false,
      httpTimeouts: DEFAULT_HTTP_TIMEOUTS,
      mediaLimits: DEFAULT_MEDIA_LIMITS,
      logLevel: 'info',
      logFormat: 'json',
    });
  });

  it('takes every variable it documents', () => {
    const config = readConfig({
      PORT: '3000',
      HOST: '0.0.0.0',
      TINKUY_DATA_DIR: '/var/lib/tinkuy',
      DATABASE_URL: 'postgres://tinkuy@db/tinkuy',
      TINKUY_ADMIN_EMAIL: 'dgia@cultura.gob.pe',
      TINKUY_ADMIN_PASSWORD: 'secreto',
      TINKUY_CLIENT_DIR: '/tmp/otra-version',
      TINKUY_TRUST_PROXY: '1',
      TINKUY_LOG_LEVEL: 'warn',
      TINKUY_LOG_FORMAT: 'pretty',
    });
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/var/lib/tinkuy',
      database: { kind: 'postgres', url: 'postgres://tinkuy@db/tinkuy' },
      clientDir: '/tmp/otra-version',
      adminEmail: 'dgia@cultura.gob.pe',
      adminPassword: 'secreto',
      trustProxy: 1,
      logLevel: 'warn',
      logFormat: 'pretty',
    });
  });

  it('TINKUY_TRUST_PROXY: off, one hop for 1 or true, N hops, or a list of proxy addresses; nonsense is refused in Spanish', () => {
    const trust = (raw: string | undefined) => readConfig({ TINKUY_TRUST_PROXY: raw }, 'c').trustProxy;
    expect([trust(undefined), trust(''), trust('0'), trust('false')]).toEqual([false, false, false, false]);
    expect([trust('1'), trust('true'), trust('2')]).toEqual([1, 1, 2]);
    expect(trust('10.0.0.1, 192.168.0.0/16,::1')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
    expect(() => trust('nginx')).toThrow('TINKUY_TRUST_PROXY no válido: "nginx" (se espera 1, un número de proxies, o direcciones IP o rangos CIDR separados por comas).');
    expect(() => trust('10.0.0.1/40')).toThrow(/no válido: "10\.0\.0\.1\/40"/);
  });

  it('writes JSON logs unless the output is a terminal; TINKUY_LOG_FORMAT decides either way', () => {
    expect(readConfig({}, 'c', false).logFormat).toBe('json');
    expect(readConfig({}, 'c', true).logFormat).toBe('pretty');
    expect(readConfig({ TINKUY_LOG_FORMAT: 'json' }, 'c', true).logFormat).toBe('json');
    expect(readConfig({ TINKUY_LOG_FORMAT: 'pretty' }, 'c', false).logFormat).toBe('pretty');
    expect(readConfig({ TINKUY_LOG_FORMAT: 'bonito' }, 'c', false).logFormat).toBe('json');
  });

  it('takes the photo quota and upload rate; refuses a nonsense figure in Spanish', () => {
    expect(readConfig({ TINKUY_MEDIA_QUOTA_MB: '500', TINKUY_MEDIA_UPLOADS_PER_MINUTE: '10' }).mediaLimits).toEqual({ quotaBytes: 500 * 1024 * 1024, uploadsPerMinute: 10 });
    expect(() => readConfig({ TINKUY_MEDIA_QUOTA_MB: 'mucho' })).toThrow(/TINKUY_MEDIA_QUOTA_MB no válido/);
  });

  it('takes the lock, statement, pool and request timeouts; refuses a nonsense figure in Spanish', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://tinkuy@db/tinkuy',
      TINKUY_LOCK_TIMEOUT_MS: '2000',
      TINKUY_STATEMENT_TIMEOUT_MS: '9000',
      TINKUY_IDLE_TX_TIMEOUT_MS: '4000',
      TINKUY_POOL_TIMEOUT_MS: '1500',
      TINKUY_POOL_MAX: '20',
      TINKUY_REQUEST_TIMEOUT_MS: '45000',
      TINKUY_IDLE_SOCKET_TIMEOUT_MS: '90000',
      TINKUY_UPLOAD_MIN_BYTES_PER_SECOND: '8192',
    });
    expect(config.database.timeouts).toEqual({ lockMs: 2000, statementMs: 9000, idleInTransactionMs: 4000, poolAcquireMs: 1500, poolMax: 20 });
    expect(config.httpTimeouts).toEqual({ requestMs: 45000, idleSocketMs: 90000, uploadMinBytesPerSecond: 8192 });
    for (const raw of ['0', '-5', 'rápido', '1.5']) {
      expect(() => readConfig({ TINKUY_LOCK_TIMEOUT_MS: raw })).toThrow(/TINKUY_LOCK_TIMEOUT_MS no válido/);
    }
  });

  it.each(['http', '-1', '70000', '80.5'])('refuses PORT=%s with a Spanish message', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(/PORT no válido/);
  });
});
