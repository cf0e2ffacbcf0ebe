import { formatPoints, netSentiment } from './net-sentiment.ts';
import type { WeekTotals } from './report-input.ts';
import type { Coverage } from './report-schema.ts';
import type { WeekFigures } from './week-figures.ts';

/** Fewer weeks than this and "the lowest in N weeks" says nothing. */
const MIN_WEEKS_FOR_EXTREMES = 4;

/** "the lowest in 12 weeks", when this week is the extreme of the weeks listened so far. */
function extreme(
  value: number,
  history: readonly number[],
  words: { low: string; high: string },
): string | null {
  if (history.length + 1 < MIN_WEEKS_FOR_EXTREMES) return null;
  const weeks = history.length + 1;
  if (history.every((v) => value < v)) return `the ${words.low} in ${weeks} weeks`;
  if (history.every((v) => value > v)) return `the ${words.high} in ${weeks} weeks`;
  return null;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** Net sentiment in one sentence: "Net sentiment fell from +12 to -4, the lowest in 12 weeks." */
export function describeSentiment(
  figure: WeekFigures['netSentiment'],
  history: readonly WeekTotals[],
): string {
  if (figure.value === null)
    return 'Net sentiment cannot be given: no mentions were scored this week.';
  const now = formatPoints(figure.value);
  const values = history.map((t) => netSentiment(t).value).filter((v): v is number => v !== null);
  const tail = extreme(figure.value, values, { low: 'lowest', high: 'highest' });
  if (figure.previous === null) {
    return `Net sentiment was ${now}${tail ? `, ${tail}` : ''}.`;
  }
  const before = formatPoints(figure.previous);
  const margin = (figure.high ?? figure.value) - figure.value;
  const change = Math.round(figure.value) - Math.round(figure.previous);
  if (change === 0) return `Net sentiment held at ${now}${tail ? `, ${tail}` : ''}.`;
  const verb = change > 0 ? 'rose' : 'fell';
  const note =
    Math.abs(figure.value - figure.previous) < margin ? ' (within the margin of error)' : '';
  return `Net sentiment ${verb} from ${before} to ${now}${tail ? `, ${tail}` : ''}${note}.`;
}

/** "29% above the 12-week average of 140", or "3 times the ...": nothing when there is none. */
function againstAverage(value: number, average: number | null): string {
  if (average === null || average < 1) return '';
  const of = `the 12-week average of ${Math.round(average).toLocaleString('en-GB')}`;
  const ratio = value / average;
  if (ratio >= 3) return `, ${Math.round(ratio)} times ${of}`;
  const pct = Math.round(Math.abs(ratio - 1) * 100);
  if (pct === 0) return `, in line with ${of}`;
  return `, ${pct}% ${ratio > 1 ? 'above' : 'below'} ${of}`;
}

/** Volume in one sentence: "Mentions rose from 120 to 180, 29% above the 12-week average." */
export function describeVolume(
  figure: WeekFigures['mentions'],
  history: readonly WeekTotals[],
): string {
  const now = plural(figure.value, 'mention', 'mentions');
  const tail = extreme(
    figure.value,
    history.map((t) => t.mentions),
    { low: 'fewest', high: 'most' },
  );
  const against = againstAverage(figure.value, figure.average12);
  if (figure.previous === null) return `${capital(now)} this week${tail ? `, ${tail}` : ''}.`;
  if (figure.previous === figure.value) {
    return `Mentions held at ${figure.value.toLocaleString('en-GB')}${against}${tail ? `, ${tail}` : ''}.`;
  }
  const verb = figure.value > figure.previous ? 'rose' : 'fell';
  return `Mentions ${verb} from ${figure.previous.toLocaleString('en-GB')} to ${figure.value.toLocaleString(
    'en-GB',
  )}${against}${tail ? `, ${tail}` : ''}.`;
}

/** A quiet week caused by a broken feed is never read as good news. */
export function describeCoverage(coverage: Coverage, mentionsFell: boolean): string | null {
  if (coverage.sourcesDown === 0) return null;
  const hours = Math.round(coverage.sources.reduce((sum, s) => sum + s.hoursDown, 0));
  const which = plural(coverage.sourcesDown, 'source was', 'sources were');
  const why = mentionsFell ? ' Part of the fall in mentions may be that, not a quieter week.' : '';
  return `${which.replace(/^./, (c) => c.toUpperCase())} down for ${plural(hours, 'hour', 'hours')} in total.${why}`;
}

function capital(s: string): string {
  return s.replace(/^./, (c) => c.toUpperCase());
}

/** The week in sentences, the ones a manager must not miss first. */
export function headline(
  figures: WeekFigures,
  history: readonly WeekTotals[],
  coverage: Coverage,
  safety: { safeguarding: number; patientSafety: number },
): string[] {
  const lines: string[] = [];
  const mentionsFell =
    figures.mentions.previous !== null && figures.mentions.value < figures.mentions.previous;
  const coverageLine = describeCoverage(coverage, mentionsFell);
  if (coverageLine && mentionsFell) lines.push(coverageLine);
  lines.push(describeSentiment(figures.netSentiment, history));
  lines.push(describeVolume(figures.mentions, history));
  const raised = [
    safety.safeguarding > 0
      ? plural(safety.safeguarding, 'safeguarding item', 'safeguarding items')
      : null,
    safety.patientSafety > 0
      ? plural(safety.patientSafety, 'patient-safety item', 'patient-safety items')
      : null,
  ].filter((s): s is string => s !== null);
  if (raised.length > 0) {
    const total = safety.safeguarding + safety.patientSafety;
    lines.push(`${capital(raised.join(' and '))} ${total === 1 ? 'was' : 'were'} raised.`);
  }
  if (coverageLine && !mentionsFell) lines.push(coverageLine);
  return lines;
}
