import { createHash } from 'node:crypto';

export interface IdentityInput {
  guid: string | null;
  link: string | null;
  title: string | null;
  text: string;
}

export interface IdentityResult {
  ids: string[];
  /** Items whose guid was blank or repeated in the document (FreshRSS flags >5% as an error). */
  badGuids: number;
}

/**
 * Item identity per Miniflux/FreshRSS: the guid (or Atom id), then the link, then a hash of
 * title and text. An item whose guid repeats inside the document takes its link (or hash),
 * never its position, which would change as new items push it down. FreshRSS also switches a
 * whole feed to links when more than 5% of guids are bad; that is sticky state in FreshRSS, and
 * doing it per fetch would flip every id (and duplicate every item) whenever the ratio crosses
 * the line, so here it is only reported (`badGuids`) and each bad item falls back on its own.
 */
export function assignIdentities(items: IdentityInput[]): IdentityResult {
  const guidCounts = countBy(items.map((i) => i.guid));
  const linkCounts = countBy(items.map((i) => i.link));
  let badGuids = 0;
  const ids = items.map((item) => {
    if (item.guid && guidCounts.get(item.guid) === 1) return capId(item.guid);
    badGuids++;
    if (item.link && linkCounts.get(item.link) === 1) return capId(item.link);
    return `sha256:${sha256(`${item.title ?? ''}\n${item.text}`)}`;
  });
  return { ids, badGuids };
}

const MAX_ID_LENGTH = 2048;

function countBy(values: (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function capId(id: string): string {
  return id.length <= MAX_ID_LENGTH ? id : `sha256:${sha256(id)}`;
}

export function sha256(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}
