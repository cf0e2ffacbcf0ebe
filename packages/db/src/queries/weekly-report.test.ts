import { type MentionScore, type SentimentLabel, scoreMention, weekTotals } from '@barometer/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addFeedSource, mentionToStore } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { listMentions, upsertMentions } from './mentions.ts';
import { exportMentionsBetween } from './report-export.ts';
import { reportMentionsBetween, weekTotalsBetween } from './report-input.ts';
import { getReportSnapshot, listReportSnapshots } from './report-snapshots.ts';
import { recordPollFailure, recordPollSuccess } from './sources.ts';
import { weeklyReport } from './weekly-report.ts';

let database: TestDatabase;
let echoId: number;
let blogId: number;

function scored(label: SentimentLabel, over: Partial<MentionScore> = {}): MentionScore {
  const base = scoreMention({ text: 'Northfield General' });
  const score = label === 'positive' ? 0.8 : label === 'negative' ? -0.7 : 0;
  return { ...base, sentiment: { label, score, confidence: 0.9 }, topics: [], ...over };
}

const flags = {
  safeguarding: false,
  complaint: false,
  patientSafety: false,
  urgent: false,
  pii: false,
};

beforeAll(async () => {
  database = await createTestDatabase('db_report');
  const echo = await addFeedSource(database, {
    name: 'Northfield Echo',
    url: 'https://echo.example/rss',
  });
  const blog = await addFeedSource(database, {
    name: 'Borough blog',
    url: 'https://blog.example/rss',
  });
  echoId = echo.id;
  blogId = blog.id;
  // Both sources listened from October, so earlier weeks count as quiet, not absent.
  await database.pool.query(`update sources set created_at = '2026-10-01T00:00:00Z'`);

  const at = (iso: string) => ({ publishedAt: iso });
  // 2026-W48 (Mon 23 Nov - Sun 29 Nov): 3 positive, 1 neutral, 2 negative; one safeguarding item.
  await upsertMentions(database.pool, echoId, [
    mentionToStore(
      'w48-1',
      'Great care',
      scored('positive', { topics: ['Staff manner & personal attributes'] }),
      {
        ...at('2026-11-23T00:10:00Z'),
        author: 'Ann',
      },
    ),
    mentionToStore('w48-2', 'Lovely nurses', scored('positive'), {
      ...at('2026-11-24T09:00:00Z'),
      author: 'ann ',
    }),
    mentionToStore('w48-3', 'Long wait', scored('negative', { topics: ['Timeliness of care'] }), {
      ...at('2026-11-25T12:00:00Z'),
      author: 'Bob',
    }),
    mentionToStore(
      'w48-4',
      'Reply',
      scored('negative', { flags: { ...flags, safeguarding: true } }),
      {
        ...at('2026-11-25T13:00:00Z'),
        author: 'Cat',
        parentExternalId: 'w48-3',
        rootExternalId: 'w48-3',
      },
    ),
    // Sunday 23:30 UTC is Sunday 23:30 in London in winter: still W48.
    mentionToStore('w48-5', 'Late', scored('neutral'), at('2026-11-29T23:30:00Z')),
  ]);
  await upsertMentions(database.pool, blogId, [
    mentionToStore('b48-1', 'Well done', scored('positive'), at('2026-11-26T08:00:00Z')),
  ]);
  // 2026-W47: 1 positive, 1 negative; and W49 (outside).
  await upsertMentions(database.pool, echoId, [
    mentionToStore(
      'w47-1',
      'Ok',
      scored('positive', { topics: ['Car parking'] }),
      at('2026-11-17T08:00:00Z'),
    ),
    mentionToStore(
      'w47-2',
      'Bad',
      scored('negative', { topics: ['Car parking'] }),
      at('2026-11-18T08:00:00Z'),
    ),
    mentionToStore('w49-1', 'Next week', scored('negative'), at('2026-11-30T00:00:00Z')),
  ]);
  // The blog was down from Tuesday 06:00 to Wednesday 18:00 (36 hours).
  await database.pool.query(
    `insert into source_outages (source_id, started_at, ended_at)
     values ($1, '2026-11-24T06:00:00Z', '2026-11-25T18:00:00Z')`,
    [blogId],
  );
});

afterAll(async () => {
  await database?.drop();
});

describe('the weekly report from the database', () => {
  test('counts a known week, compares it with the last and says it in words', async () => {
    const { report, origin, stored } = await weeklyReport(
      database.pool,
      '2026-W48',
      new Date('2026-11-30T07:00:00Z'),
    );
    expect(origin).toBe('built');
    expect(stored).toBe(true);
    expect(report.from).toBe('2026-11-23T00:00:00.000Z');
    expect(report.mentions).toMatchObject({ value: 6, previous: 2 });
    // Ann and "ann " are one person; Bob, Cat; two mentions have no author.
    expect(report.authors.value).toBe(3);
    expect(report.netSentiment.value).toBeCloseTo(((3 - 2) / 6) * 100, 0);
    expect(report.netSentiment.previous).toBe(0);
    expect(report.headline).toContain(
      'Net sentiment rose from 0 to +17 (within the margin of error).',
    );
    expect(report.bySource.map((s) => [s.name, s.mentions, s.previousMentions])).toEqual([
      ['Northfield Echo', 5, 2],
      ['Borough blog', 1, 0],
    ]);
    expect(report.topicMovers.map((t) => [t.topic, t.change])).toEqual([
      ['Car parking', -2],
      ['Staff manner & personal attributes', 1],
      ['Timeliness of care', 1],
    ]);
    expect(report.safety.safeguarding).toBe(1);
    expect(report.threads).toHaveLength(1);
    expect(report.threads[0]?.mentions).toBe(2);
    expect(report.coverage.sources.find((s) => s.name === 'Borough blog')?.hoursDown).toBe(36);
    expect(report.trend).toHaveLength(12);
    expect(report.trend.slice(0, 5).every((p) => p.mentions === 0)).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/Great care|Ann|Bob/);
  });

  test('the database and the core count a week the same way', async () => {
    const range = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };
    const [fromSql] = await weekTotalsBetween(database.pool, range.from, range.to);
    const fromCore = weekTotals(
      '2026-W48',
      await reportMentionsBetween(database.pool, range.from, range.to),
    );
    expect(fromSql).toEqual(fromCore);
  });

  test('a stored week does not change when its mentions are re-scored', async () => {
    await database.pool.query(`update mentions set sentiment_label = 'negative'`);
    const { report, origin } = await weeklyReport(
      database.pool,
      '2026-W48',
      new Date('2026-12-08T07:00:00Z'),
    );
    expect(origin).toBe('snapshot');
    expect(report.netSentiment.value).toBeCloseTo(16.7, 1);
    const rebuilt = await weeklyReport(
      database.pool,
      '2026-W48',
      new Date('2026-12-08T07:00:00Z'),
      {
        rebuild: true,
        builtBy: null,
      },
    );
    expect(rebuilt.report.netSentiment.value).toBe(-100);
    expect((await getReportSnapshot(database.pool, '2026-W48'))?.report.netSentiment.value).toBe(
      -100,
    );
    expect((await getReportSnapshot(database.pool, '2026-W48'))?.mentionIds).toHaveLength(6);
    expect((await listReportSnapshots(database.pool)).map((s) => s.week)).toEqual(['2026-W48']);
  });

  test('a week that ended only hours ago is not stored yet: late mentions are still arriving', async () => {
    const { stored } = await weeklyReport(
      database.pool,
      '2026-W47',
      new Date('2026-11-23T02:00:00Z'),
    );
    expect(stored).toBe(false);
    expect(await getReportSnapshot(database.pool, '2026-W47')).toBeUndefined();
  });

  test('the week in progress is built on every read and never stored', async () => {
    const { stored } = await weeklyReport(
      database.pool,
      '2026-W49',
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(stored).toBe(false);
    expect(await getReportSnapshot(database.pool, '2026-W49')).toBeUndefined();
  });

  test('the inbox can list exactly the mentions of a week', async () => {
    const page = await listMentions(database.pool, {
      limit: 50,
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
      sourceId: echoId,
    });
    expect(page.items.map((m) => m.externalId).sort()).toEqual([
      'w48-1',
      'w48-2',
      'w48-3',
      'w48-4',
      'w48-5',
    ]);
  });

  test('the export carries the redacted text only', async () => {
    await database.pool.query(
      `update mentions set redacted_text = 'call [phone]' where external_id = 'b48-1'`,
    );
    const rows = await exportMentionsBetween(
      database.pool,
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    );
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.sourceName === 'Borough blog')?.redactedText).toBe('call [phone]');
  });
});

describe('stories in the report', () => {
  test('count stories once detection has grouped the week, the same in the database and the core', async () => {
    const { rows } = await database.pool.query<{ id: number }>(
      `select id from mentions where external_id in ('w47-1', 'w47-2') order by id`,
    );
    for (const r of rows) {
      await database.pool.query(
        'insert into mention_stories (mention_id, story_id) values ($1, $2)',
        [r.id, rows[0]!.id],
      );
    }
    const range = { from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' };
    const [fromSql] = await weekTotalsBetween(database.pool, range.from, range.to);
    const fromCore = weekTotals(
      '2026-W47',
      await reportMentionsBetween(database.pool, range.from, range.to),
    );
    expect(fromSql?.stories).toBe(1);
    expect(fromSql).toEqual(fromCore);
  });
});

describe('emerging issues in the report', () => {
  test('are listed with how they ended once detection has run, and said to be unavailable before', async () => {
    const before = await weeklyReport(database.pool, '2026-W46', new Date('2026-12-08T07:00:00Z'));
    expect(before.report.emergingIssues.available).toBe(false);
    await database.pool.query(
      `insert into hourly_rollups (subject_kind, subject_key, hour, authors, mentions, negative, safety)
       values ('topic', 'Car parking', '2026-11-16T10:00:00Z', 3, 5, 4, 0)`,
    );
    await database.pool.query(
      `insert into emerging_issues (subject_kind, subject_key, label, status, severity, explanation,
         opened_at, updated_at, closed_at, state)
       values ('topic', 'Car parking', 'Car parking', 'closed', 'alert', 'five times the usual',
         '2026-11-11T10:00:00Z', '2026-11-12T10:00:00Z', '2026-11-12T10:00:00Z', '{}')`,
    );
    const after = await weeklyReport(database.pool, '2026-W46', new Date('2026-12-08T07:00:00Z'), {
      rebuild: true,
    });
    expect(after.report.emergingIssues).toMatchObject({
      available: true,
      items: [{ label: 'Car parking', severity: 'alert', outcome: 'closed' }],
    });
  });
});

describe('source outages', () => {
  test('open at the first failed poll, extend while it keeps failing, and close at the next success', async () => {
    const next = new Date(Date.now() + 60_000);
    await recordPollFailure(database.pool, echoId, {
      code: 'http_500',
      message: 'x',
      status: 'failing',
      nextPollAt: next,
    });
    await recordPollFailure(database.pool, echoId, {
      code: 'http_500',
      message: 'x',
      status: 'failing',
      nextPollAt: next,
    });
    const open = await database.pool.query(
      'select ended_at from source_outages where source_id = $1',
      [echoId],
    );
    expect(open.rows).toEqual([{ ended_at: null }]);
    await recordPollSuccess(database.pool, echoId, {
      etag: null,
      lastModified: null,
      contentHash: null,
      nextPollAt: next,
    });
    const closed = await database.pool.query(
      'select ended_at from source_outages where source_id = $1',
      [echoId],
    );
    expect(closed.rows).toHaveLength(1);
    expect(closed.rows[0].ended_at).toBeInstanceOf(Date);
  });
});
