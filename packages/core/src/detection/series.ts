import { hourOf } from './hours.ts';

/** What one subject's series is about: the detector runs the same maths for each kind. */
export const SUBJECT_KINDS = ['topic', 'term', 'story', 'thread'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface Subject {
  kind: SubjectKind;
  /** Topic name, term, story id or the thread's root id. */
  key: string;
}

export function subjectId(subject: Subject): string {
  return `${subject.kind}:${subject.key}`;
}

/** One subject's counts in one hour. */
export interface HourCounts {
  /** Distinct authors who posted: the value the detector watches (one loud account is one). */
  authors: number;
  /** Items, where a feed repeating the same story counts once. */
  mentions: number;
  /** Distinct authors with at least one negative mention. */
  negative: number;
  /** Mentions carrying a safety flag (safeguarding or patient safety). */
  safety: number;
}

export const EMPTY_HOUR: Readonly<HourCounts> = Object.freeze({
  authors: 0,
  mentions: 0,
  negative: 0,
  safety: 0,
});

/** A dense run of hours: counts[i] belongs to hour startHour + i. Missing hours are zero. */
export interface HourlySeries {
  startHour: number;
  counts: HourCounts[];
}

export function lastHourOf(series: HourlySeries): number {
  return series.startHour + series.counts.length - 1;
}

/** Running totals per field, so any window's total is one subtraction (series are immutable). */
interface PrefixSums {
  authors: Float64Array;
  mentions: Float64Array;
  negative: Float64Array;
  safety: Float64Array;
}

const prefixCache = new WeakMap<HourCounts[], PrefixSums>();

function prefixSums(counts: HourCounts[]): PrefixSums {
  let sums = prefixCache.get(counts);
  if (!sums) {
    const n = counts.length + 1;
    sums = {
      authors: new Float64Array(n),
      mentions: new Float64Array(n),
      negative: new Float64Array(n),
      safety: new Float64Array(n),
    };
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i]!;
      sums.authors[i + 1] = sums.authors[i]! + c.authors;
      sums.mentions[i + 1] = sums.mentions[i]! + c.mentions;
      sums.negative[i + 1] = sums.negative[i]! + c.negative;
      sums.safety[i + 1] = sums.safety[i]! + c.safety;
    }
    prefixCache.set(counts, sums);
  }
  return sums;
}

/**
 * Totals over the `hours` hours ending with `endHour` (inclusive), or null when part of that
 * window lies before the series began (unknown is not zero). A series is never changed once
 * built: the totals are cached per counts array.
 */
export function windowTotals(
  series: HourlySeries,
  endHour: number,
  hours: number,
): HourCounts | null {
  const first = endHour - hours + 1 - series.startHour;
  const last = endHour - series.startHour;
  if (first < 0 || last >= series.counts.length || hours <= 0) return null;
  const p = prefixSums(series.counts);
  return {
    authors: p.authors[last + 1]! - p.authors[first]!,
    mentions: p.mentions[last + 1]! - p.mentions[first]!,
    negative: p.negative[last + 1]! - p.negative[first]!,
    safety: p.safety[last + 1]! - p.safety[first]!,
  };
}

/** A stored hourly rollup row (sparse: only hours with activity are stored). */
export interface HourlyRollup extends HourCounts {
  subject: Subject;
  hour: number;
}

/** Fills the hours between `startHour` and `endHour` (inclusive) from sparse rollups. */
export function denseSeries(
  rollups: readonly Pick<HourlyRollup, 'hour' | keyof HourCounts>[],
  startHour: number,
  endHour: number,
): HourlySeries {
  const counts: HourCounts[] = Array.from({ length: Math.max(0, endHour - startHour + 1) }, () => ({
    ...EMPTY_HOUR,
  }));
  for (const r of rollups) {
    const c = counts[r.hour - startHour];
    if (!c) continue;
    c.authors += r.authors;
    c.mentions += r.mentions;
    c.negative += r.negative;
    c.safety += r.safety;
  }
  return { startHour, counts };
}

/** A scored mention as detection sees it. */
export interface DetectionMention {
  id: string;
  sourceId: string;
  /** Null for feeds without authors: the feed itself is then the author. */
  author: string | null;
  time: number;
  negative: boolean;
  safety: boolean;
  /** From story clustering; the mention's own id when it starts a story. */
  storyId: string;
}

/** Who counts as one voice: the author, or the feed itself when it names none. */
export function authorKey(m: Pick<DetectionMention, 'author' | 'sourceId'>): string {
  return m.author ? `a:${m.author.toLowerCase()}` : `s:${m.sourceId}`;
}

interface Accumulator {
  authors: Set<string>;
  items: Set<string>;
  negative: Set<string>;
  safety: number;
}

/**
 * Hourly rollups per subject. Authors are counted once per hour; a feed's repeats of one story
 * (the same item re-published under a new id) count as one mention (see stories' itemKey).
 */
export function rollUp(
  mentions: readonly DetectionMention[],
  subjectsOf: (m: DetectionMention) => readonly Subject[],
): HourlyRollup[] {
  const bySubjectHour = new Map<string, { subject: Subject; hour: number; acc: Accumulator }>();
  for (const m of mentions) {
    const hour = hourOf(m.time);
    const who = authorKey(m);
    for (const subject of subjectsOf(m)) {
      const id = `${subjectId(subject)}@${hour}`;
      let entry = bySubjectHour.get(id);
      if (!entry) {
        entry = {
          subject,
          hour,
          acc: { authors: new Set(), items: new Set(), negative: new Set(), safety: 0 },
        };
        bySubjectHour.set(id, entry);
      }
      entry.acc.authors.add(who);
      entry.acc.items.add(`${m.sourceId}|${who}|${m.storyId}`);
      if (m.negative) entry.acc.negative.add(who);
      if (m.safety) entry.acc.safety++;
    }
  }
  return [...bySubjectHour.values()].map(({ subject, hour, acc }) => ({
    subject,
    hour,
    authors: acc.authors.size,
    mentions: acc.items.size,
    negative: acc.negative.size,
    safety: acc.safety,
  }));
}
