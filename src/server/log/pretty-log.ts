/**
 * Readable log lines for a person at a terminal (`npm start`): pino's JSON lines turned into
 * «10:42:07 info  Tinkuy listo…» and «10:42:09 GET /api/health → 200 (3 ms)», errors with their
 * stack, and the first start's one-time password in a box that cannot be missed. Machines keep
 * the JSON (the default when the output is not a terminal; TINKUY_LOG_FORMAT chooses).
 */
import { Writable } from 'node:stream';

/** pino's numeric levels as words a server's keeper reads at a glance. */
const LEVELS: Record<number, { word: string; colour: string }> = {
  10: { word: 'traza', colour: '90' },
  20: { word: 'debug', colour: '90' },
  30: { word: 'info', colour: '32' },
  40: { word: 'AVISO', colour: '33' },
  50: { word: 'ERROR', colour: '31' },
  60: { word: 'FATAL', colour: '41;97' },
};

// Fields every line has, or that the line already says in words.
const QUIET_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err', 'oneTimePassword', 'email', 'url']);

interface LogLine {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
  email?: string;
  oneTimePassword?: string;
  [field: string]: unknown;
}

/** The one-time password of a first start, framed so a newcomer sees it among the other lines. */
export function formatPasswordBox(email: string, password: string): string {
  const lines = [
    'PRIMER ARRANQUE: se creó la cuenta de coordinación',
    '',
    `Correo:      ${email}`,
    `Contraseña:  ${password}`,
    '',
    'Es de un solo uso y no se volverá a mostrar: anótela ahora.',
    'Entre con ella en Tinkuy (Más → Cuenta): le pedirá que elija',
    'su propia contraseña, y desde entonces entrará con esa.',
  ];
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = '═'.repeat(width);
  const body = lines.map((line) => `║  ${line.padEnd(width - 4)}  ║`);
  return ['', `╔${rule}╗`, ...body, `╚${rule}╝`, ''].join('\n');
}

function formatClock(time: number | undefined): string {
  const when = new Date(time ?? Date.now());
  return [when.getHours(), when.getMinutes(), when.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}

function formatFields(line: LogLine): string {
  const pairs = Object.entries(line).filter(([key]) => !QUIET_FIELDS.has(key)).map(([key, value]) => `${key}=${formatValue(value)}`);
  return pairs.length > 0 ? `  ${pairs.join(' ')}` : '';
}

/**
 * Turns pino's JSON lines into readable ones. Requests become one line when they end (method,
 * address, status, time); the "incoming request" line is kept only to know what ended.
 */
export class PrettyLog {
  private readonly requests = new Map<string, string>();

  constructor(private readonly useColour: boolean) {}

  /** The readable text of one JSON line ('' for a line that says nothing new); other text passes through. */
  format(raw: string): string {
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch {
      return raw;
    }
    if (line.msg === 'incoming request' && line.reqId !== undefined) {
      this.requests.set(String(line.reqId), `${line.req?.method ?? ''} ${line.req?.url ?? ''}`);
      return '';
    }
    const head = `${formatClock(line.time)} ${this.formatLevel(line.level ?? 30)}`;
    if (line.msg === 'request completed' && line.reqId !== undefined) {
      const request = this.requests.get(String(line.reqId)) ?? '';
      this.requests.delete(String(line.reqId));
      const ms = line.responseTime === undefined ? '' : ` (${Math.round(line.responseTime)} ms)`;
      return `${head} ${request} → ${line.res?.statusCode ?? '?'}${ms}`;
    }
    let text = `${head} ${line.msg ?? ''}${formatFields(line)}`;
    if (line.err) text += `\n${indent(line.err.stack ?? `${line.err.type ?? 'Error'}: ${line.err.message ?? ''}`)}`;
    if (line.oneTimePassword && line.email) text += `\n${formatPasswordBox(line.email, line.oneTimePassword)}`;
    return text;
  }

  private formatLevel(level: number): string {
    const { word, colour } = LEVELS[level] ?? { word: String(level), colour: '0' };
    const padded = word.padEnd(5);
    return this.useColour ? `\u001b[${colour}m${padded}\u001b[0m` : padded;
  }
}

/**
 * A stream for Fastify's logger that writes readable lines to `out`. Colour only on a terminal
 * that did not ask for none (NO_COLOR).
 */
export function createPrettyLogStream(out: NodeJS.WritableStream & { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): Writable {
  const pretty = new PrettyLog(out.isTTY === true && !env.NO_COLOR);
  let partial = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      const text = lines.map((line) => pretty.format(line)).filter((line) => line !== '').join('\n');
      if (text === '') return done();
      out.write(`${text}\n`);
      done();
    },
  });
}
