import { type MentionDto, type RiskFlags, SentimentLabel } from '@barometer/core';

export type FlagName = keyof RiskFlags;
export const FLAG_NAMES: readonly FlagName[] = [
  'safeguarding',
  'complaint',
  'patientSafety',
  'urgent',
  'pii',
];

/** The inbox filters; an absent field means "any". */
export interface MentionFilters {
  sourceId?: number;
  label?: SentimentLabel;
  topic?: string;
  /** Only mentions raising this flag. */
  flag?: FlagName;
  /** Said at or after this instant (ISO): the barometer links a week's numbers here. */
  from?: string;
  /** Said before this instant (ISO). */
  to?: string;
}

/** When a mention was said, as the API's from/to filter reads it. */
function saidAt(mention: MentionDto): number {
  return Date.parse(mention.publishedAt ?? mention.fetchedAt);
}

export const NO_FILTERS: MentionFilters = {};

/**
 * The same filters as the API applies to `GET /api/mentions`, for items that arrive on the live
 * stream (which carries every mention). Keeping both sides on one definition means the live list
 * never shows an item that a reload would hide.
 */
export function matchesFilters(mention: MentionDto, filters: MentionFilters): boolean {
  if (filters.sourceId !== undefined && mention.sourceId !== filters.sourceId) return false;
  if (filters.label !== undefined && mention.sentimentLabel !== filters.label) return false;
  if (filters.topic !== undefined && !mention.topics.includes(filters.topic)) return false;
  if (filters.flag !== undefined && !mention.flags[filters.flag]) return false;
  if (filters.from !== undefined && saidAt(mention) < Date.parse(filters.from)) return false;
  if (filters.to !== undefined && saidAt(mention) >= Date.parse(filters.to)) return false;
  return true;
}

/** Query parameters for one page of `GET /api/mentions`. */
export function mentionListQuery(
  filters: MentionFilters,
  page: { limit: number; cursor?: number | null },
): Record<string, string | number | undefined> {
  return {
    limit: page.limit,
    cursor: page.cursor ?? undefined,
    sourceId: filters.sourceId,
    label: filters.label,
    topic: filters.topic,
    flag: filters.flag,
    from: filters.from,
    to: filters.to,
  };
}

function isoInstant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Drops empty values so that `{ topic: '' }` and `{}` are the same filter (and the same key). */
export function normaliseFilters(filters: MentionFilters): MentionFilters {
  const out: MentionFilters = {};
  if (filters.sourceId !== undefined && Number.isInteger(filters.sourceId)) {
    out.sourceId = filters.sourceId;
  }
  if (filters.label !== undefined) out.label = filters.label;
  const topic = filters.topic?.trim();
  if (topic) out.topic = topic;
  if (filters.flag !== undefined && FLAG_NAMES.includes(filters.flag)) out.flag = filters.flag;
  const from = isoInstant(filters.from);
  const to = isoInstant(filters.to);
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

export function hasFilters(filters: MentionFilters): boolean {
  return Object.keys(normaliseFilters(filters)).length > 0;
}

/** Filters from the page's query string (`?sourceId=3&label=negative&topic=parking`). */
export function filtersFromSearch(search: string): MentionFilters {
  const params = new URLSearchParams(search);
  const sourceId = Number(params.get('sourceId'));
  const label = SentimentLabel.safeParse(params.get('label'));
  return normaliseFilters({
    sourceId: Number.isInteger(sourceId) && sourceId > 0 ? sourceId : undefined,
    label: label.success ? label.data : undefined,
    topic: params.get('topic') ?? undefined,
    flag: FLAG_NAMES.find((f) => f === params.get('flag')),
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  });
}

/** The query string for the filters, so a filtered inbox can be bookmarked or shared. */
export function filtersToSearch(filters: MentionFilters): string {
  const params = new URLSearchParams();
  const f = normaliseFilters(filters);
  if (f.sourceId !== undefined) params.set('sourceId', String(f.sourceId));
  if (f.label) params.set('label', f.label);
  if (f.topic) params.set('topic', f.topic);
  if (f.flag) params.set('flag', f.flag);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** A mention to open straight away (`?mention=12`, from a link in the barometer). */
export function mentionFromSearch(search: string): number | null {
  const id = Number(new URLSearchParams(search).get('mention'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

const FLAG_TEXT: Record<FlagName, string> = {
  safeguarding: 'Safeguarding only',
  complaint: 'Complaints only',
  patientSafety: 'Patient safety only',
  urgent: 'Urgent only',
  pii: 'Personal details only',
};

const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/**
 * The filters that have no control of their own (set by a link from the barometer), as chips a
 * person can read and remove: "Said 23 Nov 2026 - 29 Nov 2026", "Safeguarding only".
 */
export function describeExtraFilters(
  filters: MentionFilters,
): { key: string; text: string; remove: Partial<Record<keyof MentionFilters, undefined>> }[] {
  const chips: {
    key: string;
    text: string;
    remove: Partial<Record<keyof MentionFilters, undefined>>;
  }[] = [];
  if (filters.from || filters.to) {
    const from = filters.from ? day.format(new Date(filters.from)) : null;
    // `to` is exclusive (next Monday 00:00): the last day shown is the one before it.
    const to = filters.to ? day.format(new Date(Date.parse(filters.to) - 1)) : null;
    const text =
      from && to ? `Said ${from} – ${to}` : from ? `Said from ${from}` : `Said before ${to}`;
    chips.push({ key: 'when', text, remove: { from: undefined, to: undefined } });
  }
  if (filters.flag)
    chips.push({ key: 'flag', text: FLAG_TEXT[filters.flag], remove: { flag: undefined } });
  return chips;
}
