/**
 * The app server's log. With CASEMARK_LOG_FORMAT=json every line is one JSON object (pino), for a
 * log shipper; otherwise a short human line. What is logged is chosen field by field — a request's
 * id, method, route pattern, status and duration — and anything named like a password, a note, a
 * case reference or a body is redacted besides, so a child's case reference, a note's text or a
 * password never reaches the log even by a careless call.
 */
import pino from 'pino';

type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Field names never written, whatever a caller passes (pino's redaction, and the text format's filter). */
const REDACTED_FIELDS = ['password', 'passwordHash', 'note', 'notes', 'reference', 'body', 'text', 'cookie', 'authorization'];

interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

function textLogger(write: (line: string) => void): Logger {
  const line = (level: string, message: string, fields: LogFields = {}) => {
    const parts = Object.entries(fields)
      .filter(([key, value]) => value !== undefined && !REDACTED_FIELDS.includes(key))
      .map(([key, value]) => `${key}=${String(value)}`);
    write(`[casemark] ${level} ${message}${parts.length ? ` ${parts.join(' ')}` : ''}\n`);
  };
  return {
    info: (m, f) => line('info', m, f),
    warn: (m, f) => line('warn', m, f),
    error: (m, f) => line('error', m, f),
  };
}

function jsonLogger(destination: pino.DestinationStream): Logger {
  const base = pino(
    {
      base: { service: 'casemark' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    info: (m, f) => base.info(f ?? {}, m),
    warn: (m, f) => base.warn(f ?? {}, m),
    error: (m, f) => base.error(f ?? {}, m),
  };
}

/** A logger in the given format, writing to `write` (stdout by default). */
export function createLogger(format: string | undefined, write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  return format === 'json' ? jsonLogger({ write }) : textLogger(write);
}

const KEY = Symbol.for('casemark.logger');
const store = globalThis as unknown as Record<symbol, Logger | undefined>;

/** This process's logger (CASEMARK_LOG_FORMAT read once). */
export function appLog(): Logger {
  return (store[KEY] ??= createLogger(process.env.CASEMARK_LOG_FORMAT));
}
