import { formatPoints, type WeeklyReport, weekLabel } from '@barometer/core';
import {
  barChart,
  createDocument,
  heading,
  numberPages,
  paragraph,
  table,
  toBuffer,
} from './pdf-layout.ts';

const count = (v: number | null) => (v === null ? '–' : Math.round(v).toLocaleString('en-GB'));
const points = (v: number | null) => (v === null ? '–' : formatPoints(v));
const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const shortDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
});
const span = (r: WeeklyReport) =>
  `${day.format(new Date(r.from)).replace(',', '')} – ${day.format(new Date(Date.parse(r.to) - 1)).replace(',', '')}`;

/**
 * The same report as the page, on A4: figures, the trend, breakdowns and the plainly-unavailable
 * parts. No mention text and no author, like the e-mail, so it can be printed and passed round.
 */
export async function renderReportPdf(report: WeeklyReport): Promise<Buffer> {
  const doc = createDocument(`Barometer ${report.week}`);
  doc.font('bold').fontSize(20).fillColor('#005eb8').text('Barometer');
  doc
    .font('regular')
    .fontSize(11)
    .fillColor('#4c6272')
    .text(`${span(report)} (${report.week})`);
  doc.fillColor('#212b32').moveDown(0.8);
  for (const line of report.headline) paragraph(doc, `• ${line}`);

  heading(doc, 'The week in numbers');
  table(
    doc,
    ['', 'This week', 'Last week', '12-week avg'],
    [
      [
        'Mentions',
        count(report.mentions.value),
        count(report.mentions.previous),
        count(report.mentions.average12),
      ],
      [
        report.storiesBasis === 'stories' ? 'Stories' : 'Stories (counted as mentions)',
        count(report.stories.value),
        count(report.stories.previous),
        count(report.stories.average12),
      ],
      [
        'Distinct authors',
        count(report.authors.value),
        count(report.authors.previous),
        count(report.authors.average12),
      ],
      [
        'Net sentiment',
        points(report.netSentiment.value),
        points(report.netSentiment.previous),
        points(report.netSentiment.average12),
      ],
    ],
  );
  if (report.netSentiment.low !== null && report.netSentiment.high !== null) {
    paragraph(
      doc,
      `Net sentiment is the positive share minus the negative share; its 95% interval this week runs from ${points(report.netSentiment.low)} to ${points(report.netSentiment.high)}.`,
      { muted: true },
    );
  }

  heading(doc, 'Mentions, last 12 weeks');
  barChart(
    doc,
    report.trend.map((p) => ({ label: weekLabel(p.from), value: p.mentions })),
  );
  paragraph(
    doc,
    `Net sentiment by week: ${report.trend.map((p) => `${weekLabel(p.from)} ${points(p.netSentiment)}`).join(' · ')}`,
    { muted: true },
  );

  heading(doc, 'By source');
  table(
    doc,
    ['Source', 'Mentions', 'Negative', 'Net', 'Last week'],
    report.bySource.map((s) => [
      s.name,
      count(s.mentions),
      count(s.negative),
      points(s.netSentiment),
      count(s.previousMentions),
    ]),
  );

  heading(doc, 'Topics that moved most');
  if (report.topicMovers.length === 0) paragraph(doc, 'No topic changed against last week.');
  else
    table(
      doc,
      ['Topic', 'This week', 'Last week', 'Change'],
      report.topicMovers.map((t) => [
        t.topic,
        count(t.mentions),
        count(t.previousMentions),
        `${t.change > 0 ? '+' : ''}${t.change}`,
      ]),
    );
  heading(doc, 'Busiest topics');
  table(
    doc,
    ['Topic', 'Mentions', 'Negative', 'Net'],
    report.byTopic
      .filter((t) => t.mentions > 0)
      .slice(0, 15)
      .map((t) => [t.topic, count(t.mentions), count(t.negative), points(t.netSentiment)]),
  );

  heading(doc, 'Safeguarding and patient safety');
  table(
    doc,
    ['', 'This week', 'Last week'],
    [
      [
        'Safeguarding',
        count(report.safety.safeguarding),
        count(report.safety.previousSafeguarding),
      ],
      [
        'Patient safety',
        count(report.safety.patientSafety),
        count(report.safety.previousPatientSafety),
      ],
      ['Complaints', count(report.safety.complaints), '–'],
    ],
  );
  paragraph(doc, `Counts only, never the text. ${report.safety.outcomes.message}`, { muted: true });

  heading(doc, 'Most-discussed threads');
  if (report.threads.length === 0)
    paragraph(doc, 'No conversation had more than one mention this week.');
  else
    table(
      doc,
      ['Thread on', 'Mentions', 'Authors', 'Net'],
      report.threads.map((t) => [
        t.sourceName,
        count(t.mentions),
        count(t.authors),
        points(t.netSentiment),
      ]),
    );
  paragraph(
    doc,
    `Best stories this week: ${report.bestStories.length} (open the barometer page to read them).`,
    {
      muted: true,
    },
  );

  heading(doc, 'Emerging issues', 12);
  const issues = report.emergingIssues;
  if (!issues.available) paragraph(doc, issues.message);
  else if (issues.items.length === 0) paragraph(doc, 'No emerging issue was open this week.');
  else
    table(
      doc,
      ['Issue', 'Severity', 'Opened', 'Ended'],
      issues.items.map((i) => [
        `${i.label}: ${i.explanation}`,
        i.severity,
        shortDay.format(new Date(i.openedAt)),
        i.closedAt ? shortDay.format(new Date(i.closedAt)) : 'still open',
      ]),
    );
  for (const [title, part] of [
    ['Escalating threads', report.escalatingThreads],
    ['Responsiveness', report.responsiveness],
  ] as const) {
    heading(doc, title, 12);
    paragraph(doc, part.message);
  }

  heading(doc, 'Coverage');
  paragraph(doc, report.coverage.message);
  table(
    doc,
    ['Source', 'Hours down', 'Mentions'],
    report.coverage.sources.map((s) => [
      s.name,
      String(Math.round(s.hoursDown)),
      count(s.mentions),
    ]),
  );
  paragraph(doc, 'Weeks run Monday to Sunday, London time.', { muted: true });

  numberPages(doc, `Barometer ${report.week}`);
  return toBuffer(doc);
}
