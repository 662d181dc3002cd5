import { describe, expect, it } from 'vitest';
import { PrettyLog, formatPasswordBox } from '../../../src/server/log/pretty-log';

const at = new Date(2026, 11, 6, 9, 5, 7).getTime();

describe('readable log lines', () => {
  it.each([
    ['a message with its fields', { level: 30, time: at, pid: 1, hostname: 'h', msg: 'catálogo cargado', entries: 75, origin: 'dist/server/catalogue.json' },
      '09:05:07 info  catálogo cargado  entries=75 origin=dist/server/catalogue.json'],
    ['a warning', { level: 40, time: at, msg: 'No se encontró catalogue.json' }, '09:05:07 AVISO No se encontró catalogue.json'],
    ['a text field with spaces, quoted', { level: 50, time: at, msg: 'falló', reason: 'sin base' }, '09:05:07 ERROR falló  reason="sin base"'],
  ])('%s', (_, line, text) => {
    expect(new PrettyLog(false).format(JSON.stringify(line))).toBe(text);
  });

  it('a request is one line when it ends: method, address, status and time', () => {
    const log = new PrettyLog(false);
    expect(log.format(JSON.stringify({ level: 30, time: at, reqId: 'req-1', req: { method: 'POST', url: '/api/sync/push' }, msg: 'incoming request' }))).toBe('');
    expect(log.format(JSON.stringify({ level: 30, time: at, reqId: 'req-1', res: { statusCode: 200 }, responseTime: 41.7, msg: 'request completed' })))
      .toBe('09:05:07 info  POST /api/sync/push → 200 (42 ms)');
  });

  it('an error shows its stack, indented under the line', () => {
    const text = new PrettyLog(false).format(JSON.stringify({ level: 50, time: at, msg: 'shutdown failed', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at main.js:1' } }));
    expect(text).toBe('09:05:07 ERROR shutdown failed\n    Error: boom\n        at main.js:1');
  });

  it('colours only the level word, and only when asked', () => {
    expect(new PrettyLog(true).format(JSON.stringify({ level: 40, time: at, msg: 'x' }))).toBe('09:05:07 \u001b[33mAVISO\u001b[0m x');
  });

  it('text that is not a JSON line passes through unchanged', () => {
    expect(new PrettyLog(false).format('Tinkuy no pudo iniciar')).toBe('Tinkuy no pudo iniciar');
  });

  it('the one-time password box is square, whatever the address', () => {
    const lines = formatPasswordBox('coordinacion.nacional@cultura.gob.pe', 'Xy7-abc_123').trim().split('\n');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines.join('\n')).toContain('Contraseña:  Xy7-abc_123');
  });
});
