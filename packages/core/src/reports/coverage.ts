import { hoursInWeek, weekRange } from './iso-week.ts';
import type { ReportMention, ReportSource, SourceOutage } from './report-input.ts';
import type { Coverage, CoverageRow } from './report-schema.ts';

/** Less than this is a blip, not an outage a manager needs to hear about. */
const NOTABLE_HOURS = 1;

function overlapMs(from: number, to: number, start: number, end: number): number {
  return Math.max(0, Math.min(to, end) - Math.max(from, start));
}

/** Merges overlapping intervals so two overlapping records of one outage count once. */
function merged(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;

/**
 * Each source's health during the week: hours it could not be read (clipped to the week and to
 * the time it existed, an outage still open counting up to `now`), so a quiet week caused by a
 * broken feed is never read as good news.
 */
export function coverage(
  week: string,
  sources: readonly ReportSource[],
  outages: readonly SourceOutage[],
  mentions: readonly ReportMention[],
  now: string,
): Coverage {
  const range = weekRange(week);
  const weekStart = Date.parse(range.from);
  const weekEnd = Math.min(Date.parse(range.to), Date.parse(now));
  const counts = new Map<number, number>();
  for (const m of mentions) counts.set(m.sourceId, (counts.get(m.sourceId) ?? 0) + 1);

  const rows: CoverageRow[] = sources
    .map((s) => {
      const alive: [number, number] = [
        Math.max(weekStart, Date.parse(s.createdAt)),
        Math.min(weekEnd, s.deletedAt ? Date.parse(s.deletedAt) : weekEnd),
      ];
      const down = merged(
        outages
          .filter((o) => o.sourceId === s.id)
          .map((o): [number, number] => [
            Date.parse(o.from),
            o.to ? Date.parse(o.to) : Date.parse(now),
          ]),
      ).reduce((sum, [a, b]) => sum + overlapMs(a, b, alive[0], alive[1]), 0);
      return {
        sourceId: s.id,
        name: s.name,
        kind: s.kind,
        hoursDown: hours(down),
        hoursListening: hours(Math.max(0, alive[1] - alive[0])),
        mentions: counts.get(s.id) ?? 0,
      };
    })
    .filter((r) => r.hoursListening > 0)
    .sort((a, b) => b.hoursDown - a.hoursDown || a.name.localeCompare(b.name));

  const downRows = rows.filter((r) => r.hoursDown >= NOTABLE_HOURS);
  const message =
    rows.length === 0
      ? 'No sources were listening this week, so these figures say nothing about it.'
      : downRows.length === 0
        ? `All ${rows.length} sources were read throughout the week.`
        : `${downRows.map((r) => `${r.name} was down for ${Math.round(r.hoursDown)} hours`).join('; ')}. Mentions from ${
            downRows.length === 1 ? 'it' : 'them'
          } are missing for that time, so a quiet week may not be good news.`;
  return { hoursInWeek: hoursInWeek(range), sources: rows, sourcesDown: downRows.length, message };
}
