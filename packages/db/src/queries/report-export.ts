import type { ExportedMention } from '@barometer/core';
import type { Queryable } from '../client.ts';
import { SAID_AT } from './report-input.ts';

/** A week's mentions as they may leave the system: the redacted text, never the original. */
export async function exportMentionsBetween(
  q: Queryable,
  from: string,
  to: string,
): Promise<ExportedMention[]> {
  const { rows } = await q.query<{
    id: number;
    at: Date;
    source_name: string;
    url: string | null;
    label: string;
    score: number;
    topics: string[];
    redacted_text: string;
  }>(
    `select m.id, ${SAID_AT} as at, s.name as source_name, m.url, m.sentiment_label as label,
       m.sentiment_score as score, m.topics, m.redacted_text
     from mentions m join sources s on s.id = m.source_id
     where ${SAID_AT} >= $1 and ${SAID_AT} < $2 order by at, m.id`,
    [from, to],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    sourceName: r.source_name,
    url: r.url,
    label: r.label,
    score: r.score,
    topics: r.topics,
    redactedText: r.redacted_text,
  }));
}
