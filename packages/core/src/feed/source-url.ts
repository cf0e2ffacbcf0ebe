const TRACKING_PARAMS = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

/**
 * The form of a feed address two people would both mean: scheme and host in lower case, no
 * default port, no fragment, no trailing slash, no tracking parameters. Used to refuse adding
 * the same source twice; the address itself is stored as typed.
 */
export function normaliseSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if (
    (url.protocol === 'https:' && url.port === '443') ||
    (url.protocol === 'http:' && url.port === '80')
  ) {
    url.port = '';
  }
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  }
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  // http and https name the same feed for this purpose.
  return url
    .toString()
    .replace(/^https?:/, '')
    .replace(/\/$/, '');
}
