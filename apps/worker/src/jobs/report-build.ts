import { type JobPayload, lastCompleteWeek, renderReportEmail } from '@barometer/core';
import { markReportEmailed, reportEmailPending, weeklyReport } from '@barometer/db';
import type { JobContext, WorkerDeps } from '../context.ts';
import { createSmtpMailer } from '../mail/smtp-mailer.ts';

/**
 * Builds and stores a week's barometer (the week just ended, unless the payload names one), then
 * e-mails it once to the managers. Running twice is safe: a stored week is kept unless this is a
 * rebuild, and a week already e-mailed is not sent again.
 */
export async function buildReport(
  payload: JobPayload<'report.build'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'config'>,
  now = new Date(),
): Promise<void> {
  const week = payload.week ?? lastCompleteWeek(now);
  const { report, origin, stored } = await weeklyReport(deps.database.pool, week, now, {
    rebuild: payload.rebuild,
    builtBy: payload.requestedBy,
  });
  ctx.log.info(
    { week, origin, stored, mentions: report.mentions.value },
    `report for ${week} ready`,
  );

  const { SMTP_URL, REPORT_RECIPIENTS, MAIL_FROM, PUBLIC_URL } = deps.config;
  // Rebuilds correct the stored copy; only the first build of a week is mailed.
  if (payload.rebuild || SMTP_URL === '' || REPORT_RECIPIENTS.length === 0) return;
  if (!(await reportEmailPending(deps.database.pool, week))) return;
  const base = PUBLIC_URL.replace(/\/+$/, '');
  const email = renderReportEmail(report, `${base}/reports?week=${week}`, base);
  const mailer = createSmtpMailer(SMTP_URL, MAIL_FROM);
  try {
    await mailer.send({ to: REPORT_RECIPIENTS, ...email });
  } catch (error) {
    throw new Error(`unable to e-mail the report for ${week}: ${(error as Error).message}`);
  } finally {
    mailer.close();
  }
  await markReportEmailed(deps.database.pool, week, new Date());
  ctx.log.info({ week, recipients: REPORT_RECIPIENTS.length }, `report for ${week} e-mailed`);
}
