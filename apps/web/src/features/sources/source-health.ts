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
