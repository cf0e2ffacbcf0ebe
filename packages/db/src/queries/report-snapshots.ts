import {
  type WeeklyReport,
  WeeklyReport as WeeklyReportSchema,
  type WeekTotals,
} from '@barometer/core';
import type { Queryable } from '../client.ts';

export interface SnapshotSummary {
  week: string;
  from: string;
  to: string;
  builtAt: string;
  mentions: number;
  netSentiment: number | null;
}

export interface StoredSnapshot {
  report: WeeklyReport;
  mentionIds: number[];
  builtAt: string;
  builtBy: number | null;
}

export async function getReportSnapshot(
  q: Queryable,
  week: string,
): Promise<StoredSnapshot | undefined> {
  const { rows } = await q.query<{
    report: unknown;
    mention_ids: number[];
    built_at: Date;
    built_by: number | null;
  }>('select report, mention_ids, built_at, built_by from report_snapshots where week = $1', [
    week,
  ]);
  const row = rows[0];
  if (!row) return undefined;
  return {
    // Parsed on the way out: a snapshot written by an older build must still be a valid report.
    report: WeeklyReportSchema.parse(row.report),
    mentionIds: row.mention_ids,
    builtAt: row.built_at.toISOString(),
    builtBy: row.built_by,
  };
}

/** Every stored week, newest first, with its two headline numbers. */
export async function listReportSnapshots(q: Queryable): Promise<SnapshotSummary[]> {
  const { rows } = await q.query<{
    week: string;
    from: Date;
    to: Date;
    built_at: Date;
    mentions: number;
    net_sentiment: number | null;
  }>(
    `select week, "from", "to", built_at, (report -> 'mentions' ->> 'value')::int as mentions,
       (report -> 'netSentiment' ->> 'value')::float8 as net_sentiment
     from report_snapshots order by "from" desc`,
  );
  return rows.map((r) => ({
    week: r.week,
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    builtAt: r.built_at.toISOString(),
    mentions: r.mentions,
    netSentiment: r.net_sentiment,
  }));
}

/**
 * Stores a week's report. The Monday build never overwrites (running twice is harmless); only an
 * explicit rebuild replaces the stored copy. Returns whether a row was written.
 */
export async function saveReportSnapshot(
  q: Queryable,
  snapshot: { report: WeeklyReport; mentionIds: readonly number[]; builtBy: number | null },
  mode: 'keep-existing' | 'replace',
): Promise<boolean> {
  const { report } = snapshot;
  const { rowCount } = await q.query(
    `insert into report_snapshots (week, "from", "to", report, mention_ids, built_at, built_by)
     values ($1, $2, $3, $4, $5, now(), $6)
     on conflict (week) do ${
       mode === 'replace'
         ? 'update set report = excluded.report, mention_ids = excluded.mention_ids, built_at = now(), built_by = excluded.built_by'
         : 'nothing'
     }`,
    [
      report.week,
      report.from,
      report.to,
      JSON.stringify(report),
      snapshot.mentionIds,
      snapshot.builtBy,
    ],
  );
  return (rowCount ?? 0) > 0;
}

/** The stored weeks' totals, so the trend of a new report agrees with the reports already sent. */
export async function snapshotTotals(
  q: Queryable,
  weeks: readonly string[],
): Promise<WeekTotals[]> {
  if (weeks.length === 0) return [];
  const { rows } = await q.query<{ report: WeeklyReport }>(
    'select report from report_snapshots where week = any($1::text[])',
    [weeks],
  );
  return rows.flatMap(({ report }) => {
    const own = report.trend.at(-1);
    if (!own || own.week !== report.week) return [];
    return [
      {
        week: report.week,
        mentions: own.mentions,
        positive: own.positive,
        neutral: own.neutral,
        negative: own.negative,
        authors: report.authors.value,
        stories: report.storiesBasis === 'stories' ? report.stories.value : null,
      },
    ];
  });
}

/** Whether this week's e-mail is still to be sent (a snapshot exists and was not e-mailed). */
export async function reportEmailPending(q: Queryable, week: string): Promise<boolean> {
  const { rows } = await q.query<{ pending: boolean }>(
    'select emailed_at is null as pending from report_snapshots where week = $1',
    [week],
  );
  return rows[0]?.pending ?? false;
}

export async function markReportEmailed(q: Queryable, week: string, at: Date): Promise<void> {
  await q.query('update report_snapshots set emailed_at = $2 where week = $1', [week, at]);
}
