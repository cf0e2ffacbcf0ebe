import type { Queryable } from '../client.ts';

/** A mention as the emerging-terms count sees it: one voice, its words, whether negative. */
export interface TermDoc {
  author: string;
  text: string;
  negative: boolean;
}

/**
 * Mentions in [from, to) for counting terms. A story told by several copies is one document
 * per author, so reposts of one item do not make its words look sudden.
 */
export async function listTermDocs(q: Queryable, from: Date, to: Date): Promise<TermDoc[]> {
  const { rows } = await q.query<TermDoc>(
    `select distinct on (author, coalesce(s.story_id, m.id))
            case when coalesce(m.author, '') <> '' then 'a:' || lower(m.author) else 's:' || m.source_id end as author,
            coalesce(m.title || '. ', '') || m.text as text,
            m.sentiment_label = 'negative' as negative
     from mentions m left join mention_stories s on s.mention_id = m.id
     where coalesce(m.published_at, m.fetched_at) >= $1 and coalesce(m.published_at, m.fetched_at) < $2`,
    [from, to],
  );
  return rows;
}
