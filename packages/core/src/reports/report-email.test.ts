import { describe, expect, test } from 'vitest';
import { buildWeeklyReport } from './build-report.ts';
import { renderReportEmail } from './report-email.ts';
import { reportMention } from './test-mention.ts';

const report = buildWeeklyReport({
  week: '2026-W48',
  now: '2026-11-30T07:00:00.000Z',
  mentions: [
    reportMention({
      label: 'negative',
      topics: ['<script>alert(1)</script>'],
      flags: { safeguarding: true, patientSafety: false, complaint: false },
    }),
    reportMention({ label: 'positive' }),
  ],
  previousMentions: [],
  totals: [],
  sources: [{ id: 1, name: 'Echo & Star', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' }],
  outages: [],
  taxonomyTopics: [],
  firstWeek: '2026-W48',
});

describe('the Monday e-mail', () => {
  const email = renderReportEmail(
    report,
    'https://barometer.trust.nhs.uk/reports?week=2026-W48',
    'https://barometer.trust.nhs.uk',
  );

  test('leads with the week and its net sentiment', () => {
    expect(email.subject).toBe('Barometer, week of 23 Nov: net sentiment 0, 2 mentions');
    expect(email.text).toContain('Net sentiment: 0');
    expect(email.text).toContain('https://barometer.trust.nhs.uk/reports?week=2026-W48');
  });

  test('escapes every name it shows, so a topic cannot inject markup', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
  });

  test('says plainly when emerging issues are not yet available', () => {
    expect(email.text).toContain('Emerging issues: not yet available');
    expect(email.html).toContain('Emerging issues are not yet available');
  });

  test('links numbers to the mentions behind them', () => {
    expect(email.html).toContain(
      'href="https://barometer.trust.nhs.uk/?from=2026-11-23T00%3A00%3A00.000Z&amp;to=2026-11-30T00%3A00%3A00.000Z&amp;flag=safeguarding"',
    );
  });
});
