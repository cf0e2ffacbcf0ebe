import { type MentionDto, SentimentLabel } from '@barometer/core';

/** The inbox filters; an absent field means "any". */
export interface MentionFilters {
  sourceId?: number;
  label?: SentimentLabel;
  topic?: string;
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
  };
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
  });
}

/** The query string for the filters, so a filtered inbox can be bookmarked or shared. */
export function filtersToSearch(filters: MentionFilters): string {
  const params = new URLSearchParams();
  const f = normaliseFilters(filters);
  if (f.sourceId !== undefined) params.set('sourceId', String(f.sourceId));
  if (f.label) params.set('label', f.label);
  if (f.topic) params.set('topic', f.topic);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
