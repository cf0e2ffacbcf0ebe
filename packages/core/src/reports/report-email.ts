import { weekLabel } from './chart-data.ts';
import { mentionsLink } from './mention-links.ts';
import { formatPoints } from './net-sentiment.ts';
import type { WeeklyReport } from './report-schema.ts';

export interface ReportEmail {
  subject: string;
  html: string;
  text: string;
}

function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const points = (v: number | null) => (v === null ? 'n/a' : formatPoints(v));
const count = (v: number | null) => (v === null ? 'n/a' : Math.round(v).toLocaleString('en-GB'));

/**
 * Bars drawn with table cells: e-mail clients (Outlook above all) drop SVG and scripts, and an
 * image would need a renderer on the trust's server, so the chart is plain HTML.
 */
function barChart(points: { label: string; value: number }[], colour: string): string {
  const max = Math.max(1, ...points.map((p) => p.value));
  const rows = points
    .map((p) => {
      const width = Math.max(1, Math.round((p.value / max) * 200));
      return `<tr><td style="padding:2px 8px 2px 0;font-size:12px;color:#425563;white-space:nowrap">${escapeHtml(
        p.label,
      )}</td><td style="padding:2px 0"><table role="presentation" cellpadding="0" cellspacing="0"><tr><td width="${width}" height="12" style="background:${colour};font-size:0;line-height:0">&nbsp;</td><td style="padding-left:6px;font-size:12px">${p.value.toLocaleString(
        'en-GB',
      )}</td></tr></table></td></tr>`;
    })
    .join('');
  return `<table role="presentation" cellpadding="0" cellspacing="0">${rows}</table>`;
}

/**
 * The Monday e-mail: figures, source and topic names and links only. It carries no mention text
 * and no author, so nothing patient-identifying can be in it whatever the week held.
 */
export function renderReportEmail(
  report: WeeklyReport,
  pageUrl: string,
  appBase: string,
): ReportEmail {
  const week = `week of ${weekLabel(report.from)}`;
  const subject = `Barometer, ${week}: net sentiment ${points(report.netSentiment.value)}, ${count(
    report.mentions.value,
  )} mentions`;
  const inWeek = { from: report.from, to: report.to };
  const link = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}" style="color:#005eb8">${escapeHtml(label)}</a>`;
  const figureRow = (name: string, now: string, last: string, avg: string, href: string) =>
    `<tr><td style="padding:4px 12px 4px 0">${escapeHtml(name)}</td><td style="padding:4px 12px 4px 0;font-weight:bold">${link(
      href,
      now,
    )}</td><td style="padding:4px 12px 4px 0">${escapeHtml(last)}</td><td style="padding:4px 0">${escapeHtml(avg)}</td></tr>`;
  const all = mentionsLink(inWeek, appBase);

  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#212b32;max-width:640px">
<h1 style="font-size:20px;color:#005eb8">Barometer: ${escapeHtml(week)}</h1>
${report.headline.map((l) => `<p style="margin:0 0 8px">${escapeHtml(l)}</p>`).join('\n')}
<table role="presentation" cellpadding="0" cellspacing="0" style="margin:16px 0;font-size:14px">
<tr style="color:#425563;font-size:12px"><td></td><td>This week</td><td>Last week</td><td>12-week average</td></tr>
${figureRow('Mentions', count(report.mentions.value), count(report.mentions.previous), count(report.mentions.average12), all)}
${figureRow('Distinct authors', count(report.authors.value), count(report.authors.previous), count(report.authors.average12), all)}
${figureRow('Net sentiment', points(report.netSentiment.value), points(report.netSentiment.previous), points(report.netSentiment.average12), all)}
</table>
<h2 style="font-size:16px">Mentions, last 12 weeks</h2>
${barChart(
  report.trend.map((p) => ({ label: weekLabel(p.from), value: p.mentions })),
  '#005eb8',
)}
<h2 style="font-size:16px">Topics that moved most</h2>
${
  report.topicMovers.length === 0
    ? '<p>No topic changed against last week.</p>'
    : `<ul>${report.topicMovers
        .map(
          (t) =>
            `<li>${link(mentionsLink({ ...inWeek, topic: t.topic }, appBase), t.topic)}: ${t.mentions} (${
              t.change > 0 ? '+' : ''
            }${t.change} on last week)</li>`,
        )
        .join('')}</ul>`
}
<h2 style="font-size:16px">Emerging issues</h2>
${
  !report.emergingIssues.available
    ? `<p>${escapeHtml(report.emergingIssues.message)}</p>`
    : report.emergingIssues.items.length === 0
      ? '<p>No emerging issue was open this week.</p>'
      : `<ul>${report.emergingIssues.items
          .map(
            (i) =>
              `<li>${escapeHtml(i.label)} (${escapeHtml(i.severity)}): ${escapeHtml(i.explanation)}; ${
                i.outcome === 'open' ? 'still open' : 'ended'
              }</li>`,
          )
          .join('')}</ul>`
}
<h2 style="font-size:16px">Safeguarding and patient safety</h2>
<p>${link(mentionsLink({ ...inWeek, flag: 'safeguarding' }, appBase), `${report.safety.safeguarding} safeguarding`)} and
${link(mentionsLink({ ...inWeek, flag: 'patientSafety' }, appBase), `${report.safety.patientSafety} patient-safety`)} items this week.</p>
<h2 style="font-size:16px">Coverage</h2>
<p>${escapeHtml(report.coverage.message)}</p>
<p style="margin-top:24px">${link(pageUrl, 'Open the full barometer')}</p>
</body></html>`;

  const text = [
    `Barometer: ${week}`,
    '',
    ...report.headline,
    '',
    `Mentions: ${count(report.mentions.value)} (last week ${count(report.mentions.previous)}, 12-week average ${count(report.mentions.average12)})`,
    `Distinct authors: ${count(report.authors.value)} (last week ${count(report.authors.previous)})`,
    `Net sentiment: ${points(report.netSentiment.value)} (last week ${points(report.netSentiment.previous)}, 12-week average ${points(report.netSentiment.average12)})`,
    `Safeguarding: ${report.safety.safeguarding}; patient safety: ${report.safety.patientSafety}`,
    `Emerging issues: ${
      report.emergingIssues.available
        ? `${report.emergingIssues.items.length} (${report.emergingIssues.items.filter((i) => i.outcome === 'open').length} still open)`
        : 'not yet available'
    }`,
    `Coverage: ${report.coverage.message}`,
    '',
    `The full barometer: ${pageUrl}`,
    '',
  ].join('\n');
  return { subject, html, text };
}
