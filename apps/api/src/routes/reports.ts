import {
  IsoWeek,
  mentionsCsv,
  type ReportWeekList,
  type ReportWeekResponse,
  reportFiguresCsv,
  reportWeekList,
  weekOf,
} from '@barometer/core';
import { exportMentionsBetween, listReportSnapshots, weeklyReport } from '@barometer/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiDeps } from '../deps.ts';
import { HttpError, validate } from '../http-error.ts';

const WeekParams = z.object({ week: IsoWeek });

function weekOfRequest(req: FastifyRequest): string {
  const { week } = validate(WeekParams, req.params, 'path');
  if (week > weekOf(new Date())) {
    throw new HttpError(404, 'not_found', `the week ${week} has not started yet`);
  }
  return week;
}

/** The weeks a manager can open: this one, the recent ones and every stored one. */
export function weeks(deps: Pick<ApiDeps, 'database'>) {
  return async (): Promise<ReportWeekList> => {
    const stored = await listReportSnapshots(deps.database.pool);
    return { weeks: reportWeekList(new Date(), stored) };
  };
}

/** One week's barometer: the stored snapshot, or built now (and stored if the week is over). */
export function week(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest): Promise<ReportWeekResponse> => {
    const now = new Date();
    const w = weekOfRequest(req);
    const { report, origin } = await weeklyReport(deps.database.pool, w, now);
    return { report, origin, inProgress: w === weekOf(now) };
  };
}

function csv(reply: FastifyReply, filename: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(body);
}

export function figuresCsv(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const { report } = await weeklyReport(deps.database.pool, weekOfRequest(req), new Date());
    return csv(reply, `barometer-${report.week}-figures.csv`, reportFiguresCsv(report));
  };
}

/** The week's mentions, redacted: the export never carries the text as written. */
export function mentionsExport(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const { report } = await weeklyReport(deps.database.pool, weekOfRequest(req), new Date());
    const rows = await exportMentionsBetween(deps.database.pool, report.from, report.to);
    return csv(reply, `barometer-${report.week}-mentions.csv`, mentionsCsv(rows));
  };
}
