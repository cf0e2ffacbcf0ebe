import type { StoredMention } from '@barometer/core';
import type { Queryable } from '../client.ts';
import { getMentionsByIds } from './mentions.ts';

/** How many passes re-linking roots may take: one per level of a chain stored out of order. */
const RELINK_PASSES = 20;

/**
 * Gives the replies around these posts the root of their parent's thread, whatever order they
 * arrived in: a reply stored before its parent points at the parent; once the parent (or its own
 * parent) is stored, the reply moves to the real root. Each pass follows the rows the previous
 * one moved, to a fixed point bounded by depth. Returns the roots whose threads changed.
 */
export async function relinkThreadRoots(
  q: Queryable,
  sourceId: number,
  externalIds: string[],
): Promise<string[]> {
  const changed = new Set<string>();
  let frontier = externalIds;
  for (let pass = 0; pass < RELINK_PASSES && frontier.length > 0; pass++) {
    const { rows } = await q.query<{ root: string; id: string }>(
      `update mentions child
       set root_external_id = coalesce(parent.root_external_id, parent.external_id)
       from mentions parent
       where child.source_id = $1 and parent.source_id = $1
         and child.parent_external_id = parent.external_id
         and (parent.external_id = any($2::text[]) or child.external_id = any($2::text[]))
         and child.root_external_id is distinct from coalesce(parent.root_external_id, parent.external_id)
         and coalesce(parent.root_external_id, parent.external_id) <> child.external_id
       returning child.root_external_id as root, child.external_id as id`,
      [sourceId, frontier],
    );
    for (const row of rows) changed.add(row.root);
    frontier = rows.map((r) => r.id);
  }
  return [...changed];
}

/** Every stored post of one conversation: the root and everything that names it as root. */
export async function listThreadMentions(
  q: Queryable,
  sourceId: number,
  rootExternalId: string,
  limit = 500,
): Promise<(StoredMention & { deleted: boolean })[]> {
  const { rows } = await q.query<{ id: number; deleted: boolean }>(
    `select id, deleted_at is not null as deleted from mentions
     where source_id = $1 and (external_id = $2 or root_external_id = $2 or parent_external_id = $2)
     order by published_at nulls last, id limit $3`,
    [sourceId, rootExternalId, limit],
  );
  const deleted = new Map(rows.map((r) => [Number(r.id), r.deleted]));
  const mentions = await getMentionsByIds(q, [...deleted.keys()]);
  return mentions.map((m) => ({ ...m, deleted: deleted.get(m.id) ?? false }));
}

/**
 * Recomputes the figures of the given threads from their stored posts (the escalation detection
 * reads them): size, speakers, labels, negative share, activity span, whether the trust replied.
 */
export async function refreshThreads(
  q: Queryable,
  sourceId: number,
  roots: string[],
  /** The trust's own handles (from the profile), with or without @. */
  trustHandles: string[],
): Promise<void> {
  if (roots.length === 0) return;
  await q.query(
    `insert into threads (source_id, platform, root_external_id, posts, participants, positive, neutral,
       negative, negative_share, trust_replied, first_activity, last_activity)
     select $1, s.kind, r.root, count(m.id), count(distinct m.author),
       count(*) filter (where m.sentiment_label = 'positive'),
       count(*) filter (where m.sentiment_label = 'neutral'),
       count(*) filter (where m.sentiment_label = 'negative'),
       coalesce((count(*) filter (where m.sentiment_label = 'negative'))::real / nullif(count(m.id), 0), 0),
       coalesce(bool_or(m.external_id <> r.root and split_part(split_part(
         lower(regexp_replace(coalesce(m.author, ''), '^(@|u/)', '')), '@', 1), '.', 1) = any($3::text[])), false),
       min(coalesce(m.published_at, m.fetched_at)), max(coalesce(m.published_at, m.fetched_at))
     from unnest($2::text[]) as r(root)
     join sources s on s.id = $1
     join mentions m on m.source_id = $1 and m.deleted_at is null
       and (m.external_id = r.root or m.root_external_id = r.root)
     group by s.kind, r.root
     on conflict (source_id, root_external_id) do update set
       posts = excluded.posts, participants = excluded.participants, positive = excluded.positive,
       neutral = excluded.neutral, negative = excluded.negative, negative_share = excluded.negative_share,
       trust_replied = excluded.trust_replied, first_activity = excluded.first_activity,
       last_activity = excluded.last_activity, updated_at = now()`,
    [sourceId, roots, trustHandles.map((h) => h.replace(/^@/, '').toLowerCase())],
  );
}
