import { buildWeeklyReport, type ReportMention } from '@barometer/core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, test } from 'vitest';
import { renderReportPdf } from './render-report-pdf.ts';

let id = 1;
const mention = (over: Partial<ReportMention>): ReportMention => ({
  id: id++,
  sourceId: 1,
  at: '2026-11-24T10:00:00Z',
  label: 'neutral',
  score: 0,
  topics: [],
  flags: { safeguarding: false, patientSafety: false, complaint: false },
  authorKey: null,
  threadKey: `t${id}`,
  isThreadRoot: true,
  ...over,
});

const report = buildWeeklyReport({
  week: '2026-W48',
  now: '2026-11-30T07:00:00.000Z',
  mentions: [
    ...[1, 2, 3].map(() => mention({ label: 'positive', topics: ['Car parking £12 – again'] })),
    mention({
      label: 'negative',
      flags: { safeguarding: true, patientSafety: false, complaint: false },
    }),
    ...Array.from({ length: 40 }, (_, i) =>
      mention({ sourceId: 1 + (i % 3), topics: [`Topic ${i % 20}`] }),
    ),
  ],
  previousMentions: [],
  totals: [
    {
      week: '2026-W47',
      mentions: 5,
      positive: 1,
      neutral: 3,
      negative: 1,
      authors: 2,
      stories: null,
    },
  ],
  sources: [1, 2, 3].map((n) => ({
    id: n,
    name: `Source ${n}`,
    kind: 'rss' as const,
    createdAt: '2026-01-01T00:00:00Z',
  })),
  outages: [{ sourceId: 2, from: '2026-11-25T00:00:00Z', to: '2026-11-26T00:00:00Z' }],
  taxonomyTopics: [],
  firstWeek: '2026-W40',
});

describe('the PDF report', () => {
  test('is an A4 document with the figures, sections and page numbers as real text', async () => {
    const pdf = await renderReportPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { totalPages, text } = await extractText(doc, { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    const all = text.join('\n');
    for (const words of [
      'Barometer',
      'Mon 23 Nov 2026 – Sun 29 Nov 2026',
      'The week in numbers',
      'By source',
      'Safeguarding and patient safety',
      'Emerging issues are not yet available',
      'Source 2 was down for 24 hours',
      'Car parking £12 – again',
      `page 1 of ${totalPages}`,
    ]) {
      expect(all).toContain(words);
    }
    const page = await doc.getPage(1);
    const [, , width, height] = page.view;
    expect([Math.round(width ?? 0), Math.round(height ?? 0)]).toEqual([595, 842]);
  });

  test('embeds its font, so the text looks the same wherever it is opened', async () => {
    const pdf = (await renderReportPdf(report)).toString('latin1');
    expect(pdf).toMatch(/\/FontFile2/);
    expect(pdf).toMatch(/DejaVuSans/);
  });
});
