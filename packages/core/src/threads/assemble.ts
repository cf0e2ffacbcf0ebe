/** What thread assembly needs from a mention; anything else it carries is passed through. */
export interface ThreadMember {
  externalId: string;
  parentExternalId: string | null;
  publishedAt: string | null;
}

export interface ThreadEntry<T extends ThreadMember> {
  item: T;
  /** 0 for the root (or an orphan whose parent is not known yet). */
  depth: number;
  /** The parent it names is not among the items (not fetched yet, deleted, or private). */
  parentMissing: boolean;
  isFocus: boolean;
}

export const MAX_THREAD_DEPTH = 50;

/**
 * A conversation in reading order: each post followed by its replies (oldest first), depth
 * from the parent links alone, so the order in which posts arrived or were stored does not
 * matter. Posts whose parent is absent start their own branch at depth 0 (marked
 * `parentMissing`) after the true roots; a cycle or an over-deep chain is cut, never looped.
 * Duplicates (the same external id twice) keep the last copy.
 */
export function assembleThread<T extends ThreadMember>(
  items: readonly T[],
  focusExternalId: string | null,
): ThreadEntry<T>[] {
  const byId = new Map<string, T>();
  for (const item of items) byId.set(item.externalId, item);
  const children = new Map<string, T[]>();
  const tops: T[] = [];
  for (const item of byId.values()) {
    const parent = item.parentExternalId;
    if (parent && parent !== item.externalId && byId.has(parent)) {
      children.set(parent, [...(children.get(parent) ?? []), item]);
    } else tops.push(item);
  }
  const byTime = (a: T, b: T) => time(a) - time(b) || (a.externalId < b.externalId ? -1 : 1);
  tops.sort((a, b) => Number(!!a.parentExternalId) - Number(!!b.parentExternalId) || byTime(a, b));
  const out: ThreadEntry<T>[] = [];
  const placed = new Set<string>();
  const visit = (item: T, depth: number, parentMissing: boolean) => {
    if (placed.has(item.externalId)) return;
    placed.add(item.externalId);
    out.push({ item, depth, parentMissing, isFocus: item.externalId === focusExternalId });
    if (depth >= MAX_THREAD_DEPTH) return;
    for (const child of (children.get(item.externalId) ?? []).sort(byTime))
      visit(child, depth + 1, false);
  };
  for (const top of tops)
    visit(top, 0, !!top.parentExternalId && top.parentExternalId !== top.externalId);
  // Members of a parent cycle have no top: place them as orphans so nothing is lost.
  for (const item of [...byId.values()].sort(byTime)) visit(item, 0, true);
  return out;
}

function time(item: ThreadMember): number {
  const t = item.publishedAt ? Date.parse(item.publishedAt) : Number.NaN;
  return Number.isFinite(t) ? t : Number.MAX_SAFE_INTEGER;
}

/** Whether an author is the trust's own account (a handle from the profile, with or without @). */
export function isTrustAuthor(author: string | null, handles: readonly string[]): boolean {
  if (!author) return false;
  const name = author.replace(/^[@]|^u\//, '').toLowerCase();
  return handles.some((h) => {
    const handle = h.replace(/^@/, '').toLowerCase();
    return name === handle || name.startsWith(`${handle}@`) || name.startsWith(`${handle}.`);
  });
}
