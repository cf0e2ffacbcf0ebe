/**
 * Every failure a connector reports is one of these codes, each with a message a comms officer
 * can read on the sources page. Raw response bodies and internal addresses never appear here:
 * echoing them would turn a blind SSRF into a read primitive.
 */
export const ERROR_MESSAGES = {
  'bad-url': 'refused: not a valid http or https URL',
  'private-address': 'refused: private address',
  dns: 'host not found',
  'connection-refused': 'connection refused',
  'connection-reset': 'connection dropped',
  timeout: 'timed out',
  tls: 'secure connection failed',
  'too-many-redirects': 'too many redirects',
  'redirect-refused': 'refused: redirect to an unsupported or insecure address',
  'too-large': 'response too large',
  'bad-encoding': 'response could not be decompressed',
  'empty-body': 'empty response',
  'blocked-challenge': 'blocked by a bot challenge',
  'not-a-feed': 'not a feed',
  aborted: 'cancelled',
  'read-error': 'could not read the file',
  'credentials-needed': 'this source needs credentials (a token, key or app password)',
  'bad-credentials': 'the credentials were refused: check the token, key or app password',
  'token-expired': 'the sign-in expired and could not be renewed',
  'quota-exhausted': "today's API quota is used up; polling resumes when it resets",
  'bad-response': 'the service answered in an unexpected shape',
  'stream-closed': 'the live stream closed',
} as const;

export type FixedErrorCode = keyof typeof ERROR_MESSAGES;
/** Fixed codes, plus `http-<status>` for any HTTP error status. */
export type ConnectorErrorCode = FixedErrorCode | `http-${number}`;

export class ConnectorError extends Error {
  readonly code: string;
  readonly retryAfterSeconds: number | null;
  /** True when retrying cannot help (410 Gone): the source should stop. */
  readonly permanent: boolean;

  constructor(
    code: ConnectorErrorCode,
    options: { message?: string; retryAfterSeconds?: number | null; cause?: unknown } = {},
  ) {
    super(options.message ?? messageFor(code), { cause: options.cause });
    this.name = 'ConnectorError';
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.permanent = code === 'http-410';
  }
}

export function httpError(status: number, retryAfterSeconds: number | null): ConnectorError {
  return new ConnectorError(`http-${status}`, { retryAfterSeconds });
}

function messageFor(code: ConnectorErrorCode): string {
  if (code in ERROR_MESSAGES) return ERROR_MESSAGES[code as FixedErrorCode];
  const status = code.slice('http-'.length);
  if (status === '410') return 'HTTP 410: the feed is gone';
  if (status === '429') return 'HTTP 429: rate limited';
  return `HTTP ${status}`;
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
