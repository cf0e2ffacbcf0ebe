import type { RiskFlags } from '../contracts/api.ts';
import type { SentimentLabel } from '../mention.ts';

/** What a number in the report counts: the inbox shows exactly those mentions. */
export interface MentionsBehind {
  from: string;
  to: string;
  sourceId?: number;
  label?: SentimentLabel;
  topic?: string;
  flag?: keyof RiskFlags;
  /** One mention (a best story, a thread's opener). */
  mentionId?: number;
}

/**
 * The inbox address for the mentions behind a number: `/?from=...&to=...&topic=...`. The inbox
 * reads the same parameters (apps/web mention-filter), so a link is a filter anyone can share.
 */
export function mentionsLink(behind: MentionsBehind, base = ''): string {
  if (behind.mentionId !== undefined) return mentionLink(behind.mentionId, base);
  const params = new URLSearchParams();
  params.set('from', behind.from);
  params.set('to', behind.to);
  if (behind.sourceId !== undefined) params.set('sourceId', String(behind.sourceId));
  if (behind.label) params.set('label', behind.label);
  if (behind.topic) params.set('topic', behind.topic);
  if (behind.flag) params.set('flag', behind.flag);
  return `${base}/?${params.toString()}`;
}

/** The inbox with one mention open. */
export function mentionLink(mentionId: number, base = ''): string {
  return `${base}/?mention=${mentionId}`;
}
