// The weekly barometer over a large mentions table: one week's report built from the raw table
// (13 weeks counted from mentions), with the 12 weeks before already stored as snapshots (the
// weekly rollup the Monday job leaves behind), and read back as a stored snapshot (what the page
// does on every open). Sizes: BENCH_REPORT_ROWS=1000000,10000000 (default 1,000,000).
import { lastCompleteWeek, shiftWeek, weekRange } from '@barometer/core';
import { getReportSnapshot, weeklyReport } from '@barometer/db';
import { createTestDatabase } from '@barometer/db/testing';

const SIZES = (process.env.BENCH_REPORT_ROWS ?? '1000000').split(',').map(Number);
const RUNS = 5;
const YEARS = 10;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function figure(bench: string, value: number, unit: string) {
  process.stdout.write(`${JSON.stringify({ bench, value: Math.round(value * 10) / 10, unit })}\n`);
}

for (const rows of SIZES) {
  const database = await createTestDatabase('bench_report');
  try {
    const now = new Date();
    const week = lastCompleteWeek(now);
    const end = Date.parse(weekRange(week).to);
    const start = end - YEARS * 365 * 86_400_000;
    await database.pool.query(
      `insert into sources (kind, name, url, created_at)
       select 'rss', 'Source ' || i, 'https://s' || i || '.example/rss', to_timestamp($1::float8 / 1000.0)
       from generate_series(1, 20) i`,
      [start],
    );
    const loadStart = performance.now();
    const batch = 500_000;
    for (let from = 0; from < rows; from += batch) {
      await database.pool.query(
        `insert into mentions (source_id, external_id, author, text, published_at, content_hash,
           sentiment_score, sentiment_label, sentiment_confidence, explanation, flags,
           flag_evidence, topics, redacted_text, scorer_version)
         select 1 + i % 20, 'm' || i, 'author ' || (i % 5000), 'mention ' || i,
           to_timestamp(($1::float8 + (i::float8 / $2::float8) * ($3::float8 - $1::float8)) / 1000.0), md5(i::text),
           ((i % 7) - 3) / 3.0,
           (array['positive', 'neutral', 'negative'])[1 + i % 3], 0.8, '[]',
           jsonb_build_object('safeguarding', i % 997 = 0, 'complaint', i % 11 = 0,
             'patientSafety', i % 1009 = 0, 'urgent', false, 'pii', false),
           '{}', array['Topic ' || (i % 40), 'Topic ' || (i % 13)], 'mention ' || i, 'bench'
         from generate_series($4::bigint, $5::bigint) i`,
        [start, rows, end, from, Math.min(rows, from + batch) - 1],
      );
    }
    await database.pool.query('analyze mentions');
    process.stderr.write(
      `loaded ${rows.toLocaleString('en-GB')} mentions in ${Math.round((performance.now() - loadStart) / 1000)} s\n`,
    );
    const perWeek = Math.round(rows / (YEARS * 52));
    const label = `${rows >= 1e6 ? `${rows / 1e6}M` : rows}`;

    // Raw: nothing stored, every figure counted from the mentions table (the rebuild path).
    const raw = await time(() => weeklyReport(database.pool, week, now, { rebuild: true }));
    // With the 12 previous weeks stored (after 12 Mondays): only this week is counted.
    for (let back = 12; back >= 1; back--) {
      await weeklyReport(database.pool, shiftWeek(week, -back), now);
    }
    const rollup = await time(() => weeklyReport(database.pool, week, now, { rebuild: true }));
    const stored = await time(() => getReportSnapshot(database.pool, week));
    figure(`report ${label} mentions (${perWeek}/week): from the raw table`, raw, 'ms');
    figure(
      `report ${label} mentions: 12 weeks from snapshots, this week from the table`,
      rollup,
      'ms',
    );
    figure(`report ${label} mentions: stored snapshot read (page open)`, stored, 'ms');
  } finally {
    await database.drop();
  }
}
