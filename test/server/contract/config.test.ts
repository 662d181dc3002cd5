import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/server/config';

describe('server configuration from the environment', () => {
  it('runs with nothing set: port 8080 on 127.0.0.1, SQLite under ./data', () => {
    const config = readConfig({}, '/srv/tinkuy/dist/client');
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: resolve('data'),
      database: { kind: 'sqlite', file: resolve('data', 'tinkuy.db') },
      clientDir: '/srv/tinkuy/dist/client',
      trustProxy: false,
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
      trustProxy: true,
      logLevel: 'warn',
      logFormat: 'pretty',
    });
  });

  it('writes JSON logs unless the output is a terminal; TINKUY_LOG_FORMAT decides either way', () => {
    expect(readConfig({}, 'c', false).logFormat).toBe('json');
    expect(readConfig({}, 'c', true).logFormat).toBe('pretty');
    expect(readConfig({ TINKUY_LOG_FORMAT: 'json' }, 'c', true).logFormat).toBe('json');
    expect(readConfig({ TINKUY_LOG_FORMAT: 'pretty' }, 'c', false).logFormat).toBe('pretty');
    expect(readConfig({ TINKUY_LOG_FORMAT: 'bonito' }, 'c', false).logFormat).toBe('json');
  });

  it.each(['http', '-1', '70000', '80.5'])('refuses PORT=%s with a Spanish message', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(/PORT no válido/);
  });
});
