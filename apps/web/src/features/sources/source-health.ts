import type { SourceStatus } from '@barometer/core';

export const STATUS_LABEL: Record<SourceStatus, string> = {
  pending: 'Not polled yet',
  healthy: 'Healthy',
  failing: 'Failing',
  paused: 'Paused',
  gone: 'Gone',
};

const PLAIN: [RegExp, string][] = [
  [/^host not found/i, 'The web address does not exist (host not found).'],
  [/^connection refused/i, 'The site refused the connection. It may be down.'],
  [/^connection dropped/i, 'The site dropped the connection part-way through.'],
  [/^timed out/i, 'The site took too long to answer.'],
  [/^secure connection failed/i, 'The site’s security certificate could not be checked.'],
  [/^too many redirects/i, 'The address forwards too many times; use the final address.'],
  [/^refused: private address/i, 'Refused: the address points inside a private network.'],
  [/^refused: redirect/i, 'Refused: the site forwards to an unsafe or unsupported address.'],
  [/^refused: not a valid/i, 'The address is not a valid web (http or https) address.'],
  [/^response too large/i, 'The feed is too large to read.'],
  [/^empty response/i, 'The site answered with nothing.'],
  [/^blocked by a bot challenge/i, 'The site blocks automated readers (bot challenge).'],
  [/^not a feed/i, 'The page is not an RSS or Atom feed. Try “Find feed on a web page”.'],
  [/^HTTP 410/i, 'The feed has been removed for good (HTTP 410). Polling has stopped.'],
  [/^HTTP 429/i, 'The site asked us to slow down (HTTP 429). Polling is backing off.'],
  [/^HTTP 404/i, 'The feed address was not found (HTTP 404).'],
  [/^HTTP 40[13]/i, 'The site refuses access to this feed (HTTP 401/403).'],
  [/^HTTP 5\d\d/i, 'The site is having problems (server error). It will be retried.'],
];

/** The source's last error as a sentence an officer can act on; unknown texts pass through. */
export function plainError(lastError: string | null): string | null {
  if (!lastError) return null;
  for (const [pattern, sentence] of PLAIN) if (pattern.test(lastError)) return sentence;
  return lastError;
}

/**
 * What the Health column says. While the stores or the worker are down, a row's last known
 * status (often "Healthy") is not news an officer can rely on, so it reads "Unknown".
 */
export function healthLabel(
  status: SourceStatus,
  outage: boolean,
): { label: string; className: string } {
  if (outage) return { label: 'Unknown (outage)', className: 'status-unknown' };
  return { label: STATUS_LABEL[status], className: `status-${status}` };
}

/** Why the page cannot vouch for its rows: the request failed, or polling has stopped. */
export function outageMessage(input: {
  loadError: { status?: number; message: string } | null;
  pipeline: { state: string; message: string | null } | undefined;
}): string | null {
  if (input.loadError) {
    return input.loadError.status === 503
      ? `${input.loadError.message} The sources below are as last seen.`
      : `Could not load sources: ${input.loadError.message}`;
  }
  if (input.pipeline && input.pipeline.state !== 'running') return input.pipeline.message;
  return null;
}
