import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * A URL as it may be logged: one-time tokens in paths and the secrets an identity provider sends
 * back in the query (code, state, tokens) are replaced.
 */
export function loggableUrl(url: string): string {
  return url
    .replace(/(\/(?:invitations|invitation|ack)\/)[^/?#]+/gi, '$1[token]')
    .replace(
      /([?&](?:code|state|token|id_token|access_token|session_state)=)[^&#]*/gi,
      '$1[redacted]',
    );
}

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
  id?: string;
}

/** pino JSON, one logger per service; ids go in child loggers, secrets never do. */
export function createLogger(level: string, name: string): Logger {
  return pino({
    level,
    name,
    serializers: {
      req: (req: RequestLike) => ({
        id: req.id,
        method: req.method,
        url: req.url === undefined ? undefined : loggableUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie', 'cookie'],
      censor: '[redacted]',
    },
  });
}
