import { ConnectorError } from '@barometer/http';
import type { FeedValidators } from '../../src/types.ts';

export const NO_VALIDATORS: FeedValidators = { etag: null, lastModified: null, contentHash: null };

/** Awaits a promise expected to reject with a ConnectorError and returns it. */
export async function connectorError(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a ConnectorError');
}
