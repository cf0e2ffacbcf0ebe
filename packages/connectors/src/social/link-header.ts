/** RFC 8288 Link header: `<url>; rel="next", <url>; rel="prev"` -> { next: url, prev: url }. */
export function parseLinkHeader(value: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  for (const match of value.matchAll(/<([^>]*)>\s*((?:;\s*[^,;]+)*)/g)) {
    const [, url = '', params = ''] = match;
    const rel = /;\s*rel="?([^";]+)"?/i.exec(params)?.[1];
    if (!rel) continue;
    for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] = url;
  }
  return links;
}
