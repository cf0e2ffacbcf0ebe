import {
  mentionsCsv,
  type ReportWeekResponse,
  reportFiguresCsv,
  reportWeekList,
  weekIsSettled,
  weekOf,
  weekRange,
} from '@barometer/core';
import {
  auditedAction,
  exportMentionsBetween,
  getReportSnapshot,
  listReportSnapshots,
  weeklyReport,
} from '@barometer/db';
import { renderReportPdf } from '@barometer/report-pdf';
import type { FastifyReply } from 'fastify';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../http-error.ts';
import { actorOf, requireViewer } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database'>;

function startedWeek(week: string, now: Date): string {
  if (week > weekOf(now)) {
    throw new HttpError(404, 'not_found', `The week ${week} has not started yet.`);
  }
  return week;
}

/** The weeks a manager can open: this one, the recent ones and every stored one. */
export function weeks(deps: Deps): RouteHandler<'GET /api/reports/weeks'> {
  return async () => {
    const stored = await listReportSnapshots(deps.database.pool);
    return { weeks: reportWeekList(new Date(), stored) };
  };
}

/** One week's barometer: the stored snapshot, or built now (and stored if the week is over). */
export function week(deps: Deps): RouteHandler<'GET /api/reports/weeks/:week'> {
  return async (req) => {
    const now = new Date();
    const w = startedWeek(req.params.week, now);
    const { report, origin } = await weeklyReport(deps.database.pool, w, now);
    return { report, origin, inProgress: w === weekOf(now) } satisfies ReportWeekResponse;
  };
}

function csv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(body);
}

export function figuresCsv(deps: Deps): RouteHandler<'GET /api/reports/weeks/:week/figures.csv'> {
  return async (req, reply) => {
    const w = startedWeek(req.params.week, new Date());
    const { report } = await weeklyReport(deps.database.pool, w, new Date());
    return csv(reply, `barometer-${report.week}-figures.csv`, reportFiguresCsv(report));
  };
}

export function pdf(deps: Deps): RouteHandler<'GET /api/reports/weeks/:week/report.pdf'> {
  return async (req, reply) => {
    const w = startedWeek(req.params.week, new Date());
    const { report } = await weeklyReport(deps.database.pool, w, new Date());
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="barometer-${w}.pdf"`)
      .send(await renderReportPdf(report));
  };
}

/** The week's mentions, redacted: the export never carries the text as written. */
export function mentionsExport(
  deps: Deps,
): RouteHandler<'GET /api/reports/weeks/:week/mentions.csv'> {
  return async (req, reply) => {
    const w = startedWeek(req.params.week, new Date());
    const range = weekRange(w);
    const rows = await exportMentionsBetween(deps.database.pool, range.from, range.to);
    return csv(reply, `barometer-${w}-mentions.csv`, mentionsCsv(rows));
  };
}

/**
 * Replaces a finished week's stored report with a fresh count (after a scorer fix, say): the new
 * snapshot and the audit row, with both versions' headline figures, commit together.
 */
export function rebuild(deps: Deps): RouteHandler<'POST /api/reports/weeks/:week/rebuild'> {
  return async (req) => {
    const viewer = requireViewer(req);
    const now = new Date();
    const w = req.params.week;
    if (!weekIsSettled(w, now)) {
      throw new HttpError(
        409,
        'week_not_finished',
        `The week ${w} has not ended yet (or ended only hours ago): it is counted afresh every time it is opened.`,
      );
    }
    return auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const before = await getReportSnapshot(tx, w);
      const { report, origin } = await weeklyReport(tx, w, now, {
        rebuild: true,
        builtBy: viewer.userId,
      });
      const headline = (r: typeof report | undefined) =>
        r ? { mentions: r.mentions.value, netSentiment: r.netSentiment.value } : null;
      return {
        result: { report, origin, inProgress: false } satisfies ReportWeekResponse,
        audit: {
          action: 'report.rebuild',
          subjectType: 'report',
          subjectId: w,
          before: headline(before?.report),
          after: headline(report),
        },
      };
    });
  };
}
