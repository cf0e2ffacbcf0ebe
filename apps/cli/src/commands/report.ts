// `barometer report [--week 2026-W48] [--format json|html|csv|mentions-csv|pdf] [--out FILE]`: one
// week's barometer from the database (the stored snapshot when there is one) to FILE or stdout.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  IsoWeek,
  lastCompleteWeek,
  mentionsCsv,
  renderReportEmail,
  reportFiguresCsv,
} from '@barometer/core';
import { createDatabase, exportMentionsBetween, weeklyReport } from '@barometer/db';
import { renderReportPdf } from '@barometer/report-pdf';
import { z } from 'zod';
import { loadCliConfig } from '../config.ts';

const USAGE =
  'usage: barometer report [--week YYYY-Www] [--format json|html|csv|mentions-csv|pdf] [--out FILE]\n';

const Format = z.enum(['json', 'html', 'csv', 'mentions-csv', 'pdf']);

export async function run(args: string[]): Promise<number> {
  let values: { week?: string; format?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        week: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`barometer report: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const week = IsoWeek.safeParse(values.week ?? lastCompleteWeek(new Date()));
  const format = Format.safeParse(values.format);
  if (!week.success || !format.success) {
    const why = !week.success
      ? (week.error.issues[0]?.message ?? 'bad week')
      : 'the format is one of json, html, csv, mentions-csv, pdf';
    process.stderr.write(`barometer report: ${why}\n${USAGE}`);
    return 2;
  }

  const config = loadCliConfig();
  const database = createDatabase(config.DATABASE_URL, { max: 2 });
  try {
    const { report } = await weeklyReport(database.pool, week.data, new Date());
    let body: string | Buffer;
    switch (format.data) {
      case 'json':
        body = `${JSON.stringify(report, null, 2)}\n`;
        break;
      case 'html':
        body = renderReportEmail(report, `/reports?week=${report.week}`, '').html;
        break;
      case 'csv':
        body = reportFiguresCsv(report);
        break;
      case 'mentions-csv':
        body = mentionsCsv(await exportMentionsBetween(database.pool, report.from, report.to));
        break;
      case 'pdf':
        body = await renderReportPdf(report);
        break;
    }
    if (values.out) await writeFile(values.out, body);
    else process.stdout.write(body);
    return 0;
  } finally {
    await database.close();
  }
}
