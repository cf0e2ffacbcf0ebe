import { describe, expect, test } from 'vitest';
import { buildWeeklyReport } from './build-report.ts';
import { csvCell, mentionsCsv, reportFiguresCsv } from './csv.ts';
import { reportMention } from './test-mention.ts';

describe('CSV exports', () => {
  test('a cell that a spreadsheet would run as a formula is kept as text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+44 7700 900123')).toBe("'+44 7700 900123");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-4)).toBe('-4'); // numbers are numbers
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  test('the figures file lists the week, totals, trend and breakdowns', () => {
    const report = buildWeeklyReport({
      week: '2026-W48',
      now: '2026-11-30T07:00:00.000Z',
      mentions: [reportMention({ label: 'positive', topics: ['=cmd'] })],
      previousMentions: [],
      totals: [],
      sources: [{ id: 1, name: '-Echo', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' }],
      outages: [],
      taxonomyTopics: [],
      firstWeek: '2026-W48',
    });
    const lines = reportFiguresCsv(report).split('\r\n');
    expect(lines[0]).toBe('section,item,this week,last week,12-week average');
    expect(lines).toContain('totals,mentions,1,,');
    expect(lines).toContain('totals,net sentiment,100,,');
    expect(lines).toContain("by source,'-Echo,1,0,");
    expect(lines).toContain("by topic (framework),'=cmd,1,0,");
    expect(lines.filter((l) => l.startsWith('trend mentions,'))).toHaveLength(12);
  });

  test('the mentions file carries the redacted text, escaped', () => {
    const csv = mentionsCsv([
      {
        id: 3,
        at: '2026-11-24T10:00:00.000Z',
        sourceName: 'Echo',
        url: null,
        label: 'negative',
        score: -0.51234,
        topics: ['A', 'B'],
        redactedText: '=call [phone] now, "please"',
      },
    ]);
    expect(csv).toBe(
      'id,when,source,url,sentiment,score,topics,text (redacted)\r\n' +
        `3,2026-11-24T10:00:00.000Z,Echo,,negative,-0.512,A; B,"'=call [phone] now, ""please"""\r\n`,
    );
  });
});
