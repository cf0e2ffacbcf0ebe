import type { WeeklyReport } from './report-schema.ts';

/**
 * A cell a spreadsheet reads as text, never as a formula: values beginning with = + - @ (or a tab
 * or carriage return, which some spreadsheets strip first) get a leading apostrophe; quotes,
 * commas and line breaks are quoted.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** The figures of the report, one row each: section, item, this week, last week, 12-week average. */
export function reportFiguresCsv(report: WeeklyReport): string {
  const rows: (string | number | null)[][] = [
    ['section', 'item', 'this week', 'last week', '12-week average'],
    ['week', report.week, report.from, report.to, null],
    [
      'totals',
      'mentions',
      report.mentions.value,
      report.mentions.previous,
      report.mentions.average12,
    ],
    [
      'totals',
      report.storiesBasis === 'stories' ? 'stories' : 'stories (counted as mentions)',
      report.stories.value,
      report.stories.previous,
      report.stories.average12,
    ],
    [
      'totals',
      'distinct authors',
      report.authors.value,
      report.authors.previous,
      report.authors.average12,
    ],
    [
      'totals',
      'net sentiment',
      report.netSentiment.value,
      report.netSentiment.previous,
      report.netSentiment.average12,
    ],
    ['totals', 'net sentiment 95% low', report.netSentiment.low, null, null],
    ['totals', 'net sentiment 95% high', report.netSentiment.high, null, null],
    ...report.trend.map((p) => ['trend mentions', p.week, p.mentions, null, null]),
    ...report.trend.map((p) => ['trend net sentiment', p.week, p.netSentiment, null, null]),
    ...report.bySourceKind.map((r) => [
      'by source kind',
      r.kind,
      r.mentions,
      r.previousMentions,
      null,
    ]),
    ...report.bySource.map((r) => ['by source', r.name, r.mentions, r.previousMentions, null]),
    ...report.byTopic.map((r) => [
      `by topic (${r.group})`,
      r.topic,
      r.mentions,
      r.previousMentions,
      null,
    ]),
    [
      'safety',
      'safeguarding',
      report.safety.safeguarding,
      report.safety.previousSafeguarding,
      null,
    ],
    [
      'safety',
      'patient safety',
      report.safety.patientSafety,
      report.safety.previousPatientSafety,
      null,
    ],
    ['safety', 'complaints', report.safety.complaints, null, null],
    ...report.coverage.sources.map((r) => ['coverage hours down', r.name, r.hoursDown, null, null]),
  ];
  return `${rows.map(csvLine).join('\r\n')}\r\n`;
}

/** A mention as it may leave the system: redacted text only. */
export interface ExportedMention {
  id: number;
  at: string;
  sourceName: string;
  url: string | null;
  label: string;
  score: number;
  topics: readonly string[];
  redactedText: string;
}

export function mentionsCsv(mentions: readonly ExportedMention[]): string {
  const header = ['id', 'when', 'source', 'url', 'sentiment', 'score', 'topics', 'text (redacted)'];
  const lines = mentions.map((m) =>
    csvLine([
      m.id,
      m.at,
      m.sourceName,
      m.url,
      m.label,
      Math.round(m.score * 1000) / 1000,
      m.topics.join('; '),
      m.redactedText,
    ]),
  );
  return `${[csvLine(header), ...lines].join('\r\n')}\r\n`;
}
