import pino, { type Logger } from 'pino';

export type { Logger };

/** pino JSON, one logger per service; ids go in child loggers, secrets never do. */
export function createLogger(level: string, name: string): Logger {
  return pino({
    level,
    name,
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie', 'cookie'],
      censor: '[redacted]',
    },
  });
}
