import { ConnectorError } from './errors.ts';

/** Socket-level failures, reduced to the categories a person can act on. */
export function toConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const cause = error;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') {
    return new ConnectorError('dns', { cause });
  }
  if (code === 'ECONNREFUSED') return new ConnectorError('connection-refused', { cause });
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new ConnectorError('timeout', { cause });
  }
  if (code === 'ABORT_ERR' || (error as Error | undefined)?.name === 'AbortError') {
    return new ConnectorError('aborted', { cause });
  }
  if (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    code === 'EPROTO' ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
  ) {
    return new ConnectorError('tls', { cause });
  }
  if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) {
    return new ConnectorError('connection-reset', {
      message: 'the server sent an invalid HTTP response',
      cause,
    });
  }
  return new ConnectorError('connection-reset', { cause });
}
