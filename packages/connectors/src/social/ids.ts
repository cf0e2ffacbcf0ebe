/**
 * Mastodon ids are strings "cast from an integer but not guaranteed to be a number": compare
 * them as BigInt when both are numeric (longer than 2^53 is common), as strings otherwise.
 */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxId(ids: Iterable<string>, start: string | null = null): string | null {
  let best = start;
  for (const id of ids) if (best === null || compareIds(id, best) > 0) best = id;
  return best;
}
