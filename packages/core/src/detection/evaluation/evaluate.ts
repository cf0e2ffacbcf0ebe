import { HOURS_PER_WEEK } from '../hours.ts';
import { DETECTION_POLICY, type DetectionPolicy } from '../policy.ts';
import { replaySubject } from '../replay.ts';
import { median } from '../robust.ts';
import type { Severity } from '../severity.ts';
import { seededRandom } from '../synthetic/random.ts';
import { type Injection, STEADY, type StreamShape, syntheticSeries } from '../synthetic/streams.ts';

// Synthetic evaluation of the detector: false alarms on steady noise, recall and delay on
// injected events. Seeds are split: TUNING seeds may be looked at while choosing the policy,
// BLIND seeds are scored once per change and recorded, never tuned on.

export const TUNING_SEEDS = range(1, 40);
export const BLIND_SEEDS = range(1001, 1040);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const SUBJECT = { kind: 'topic', key: 'synthetic' } as const;

export interface NoiseFigure {
  meanPerHour: number;
  noise: 'poisson' | 'over-dispersed';
  subjectWeeks: number;
  /** Issues opened per subject-week after warm-up, by their highest severity. */
  perWeek: Record<Severity, number>;
}

export function steadyNoiseFigures(
  seeds: readonly number[],
  policy: DetectionPolicy = DETECTION_POLICY,
): NoiseFigure[] {
  const out: NoiseFigure[] = [];
  for (const meanPerHour of [0.5, 2, 10, 30]) {
    for (const noise of ['poisson', 'over-dispersed'] as const) {
      const counts: Record<Severity, number> = { watch: 0, alert: 0, page: 0 };
      const shape: StreamShape = {
        ...STEADY,
        meanPerHour,
        dispersion: noise === 'poisson' ? null : 10,
      };
      for (const seed of seeds) {
        const series = syntheticSeries(seededRandom(seed), shape);
        for (const e of closedOrLast(replaySubject(series, SUBJECT, policy))) counts[e]++;
      }
      const weeks = seeds.length * (STEADY.weeks - policy.warmUpHours / HOURS_PER_WEEK);
      out.push({
        meanPerHour,
        noise,
        subjectWeeks: weeks,
        perWeek: {
          watch: counts.watch / weeks,
          alert: counts.alert / weeks,
          page: counts.page / weeks,
        },
      });
    }
  }
  return out;
}

/** The final severity of every issue opened in a replay. */
function closedOrLast(events: ReturnType<typeof replaySubject>): Severity[] {
  const final = new Map<number, Severity>();
  for (const e of events) final.set(e.issue.openedAt, e.issue.severity);
  return [...final.values()];
}

export type EventKind = 'step surge' | 'short spike' | 'slow ramp' | 'negative turn';

export interface DetectionFigure {
  event: EventKind;
  meanPerHour: number;
  trials: number;
  recall: number;
  /** Hours from the event's first hour to the end of the hour in which an issue opened. */
  medianDelayHours: number | null;
  p90DelayHours: number | null;
  /** Issues opened outside the event (and a day after it), per subject-week. */
  falseIssuesPerWeek: number;
}

function injectionFor(event: EventKind, rate: number, start: number): Injection {
  switch (event) {
    case 'step surge':
      return {
        kind: 'step',
        startOffset: start,
        durationHours: 12,
        extraPerHour: Math.max(4, 2 * rate),
      };
    case 'short spike':
      return {
        kind: 'step',
        startOffset: start,
        durationHours: 3,
        extraPerHour: Math.max(8, 4 * rate),
      };
    case 'slow ramp':
      return {
        kind: 'ramp',
        startOffset: start,
        durationHours: 48,
        peakExtraPerHour: Math.max(3, 1.5 * rate),
      };
    case 'negative turn':
      return { kind: 'negative-turn', startOffset: start, durationHours: 48, negativeShare: 0.75 };
  }
}

export const EVENT_KINDS: readonly EventKind[] = [
  'step surge',
  'short spike',
  'slow ramp',
  'negative turn',
];

export function injectedEventFigures(
  seeds: readonly number[],
  policy: DetectionPolicy = DETECTION_POLICY,
): DetectionFigure[] {
  const out: DetectionFigure[] = [];
  for (const event of EVENT_KINDS) {
    for (const meanPerHour of [2, 10]) {
      const delays: number[] = [];
      let falseIssues = 0;
      for (const seed of seeds) {
        const random = seededRandom(seed * 7919 + meanPerHour);
        // Events start in weeks 3 to 6, at any hour, leaving two days to be found.
        const start = 2 * HOURS_PER_WEEK + Math.floor(random() * (4 * HOURS_PER_WEEK - 72));
        const injection = injectionFor(event, meanPerHour, start);
        const series = syntheticSeries(random, { ...STEADY, meanPerHour }, [injection]);
        const end = start + injection.durationHours + 24;
        let found: number | null = null;
        for (const e of replaySubject(series, SUBJECT, policy)) {
          if (e.type !== 'issue.opened') continue;
          const offset = e.hour - series.startHour;
          if (offset >= start && offset < end) found ??= offset - start + 1;
          else if (!(offset < start && e.issue.closedAt === null)) falseIssues++;
        }
        if (found !== null) delays.push(found);
      }
      const sorted = [...delays].sort((a, b) => a - b);
      const weeks = seeds.length * (STEADY.weeks - policy.warmUpHours / HOURS_PER_WEEK);
      out.push({
        event,
        meanPerHour,
        trials: seeds.length,
        recall: delays.length / seeds.length,
        medianDelayHours: delays.length > 0 ? median(delays) : null,
        p90DelayHours: sorted.length > 0 ? sorted[Math.floor(0.9 * (sorted.length - 1))]! : null,
        falseIssuesPerWeek: falseIssues / weeks,
      });
    }
  }
  return out;
}
