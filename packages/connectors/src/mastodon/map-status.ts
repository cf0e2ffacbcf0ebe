import type { NormalizedMention } from '@barometer/core';
import { sanitiseHtml } from '../sanitise/sanitise-html.ts';
import { isoOrNull } from '../social/window.ts';
import type { MastodonOriginalStatus, MastodonStatus } from './schema.ts';

/** A boost resolves to the post it boosts: the same row as the original, never a second one. */
export function originalOf(status: MastodonStatus): MastodonOriginalStatus {
  return status.reblog ?? status;
}

/**
 * One status as a mention. A source is one instance, so identity is the instance's own id for
 * the status: replies name their parent by that id (`in_reply_to_id`), so a thread links up in
 * whatever order its posts arrive, and deletions and `/context` use it as they are. (The `uri`
 * is the same on every instance; ids are not, so one post seen through two instances is two
 * sources' rows.) The root is only known from `/context`; until then it is the parent.
 */
export function statusToMention(
  status: MastodonOriginalStatus,
  rootId: string | null = null,
): NormalizedMention {
  const base = status.url ?? status.uri;
  const { html, text } = sanitiseHtml(status.content, URL.canParse(base) ? base : null);
  const warning = status.spoiler_text.trim();
  const parent = status.in_reply_to_id ?? null;
  return {
    externalId: status.id,
    url: status.url ?? (URL.canParse(status.uri) ? status.uri : null),
    author: `@${status.account.acct}`,
    authorId: status.account.id,
    title: null,
    text: warning ? `${warning}\n\n${text}` : text,
    html: html || null,
    publishedAt: isoOrNull(status.created_at),
    publishedRaw: status.created_at,
    parentExternalId: parent,
    rootExternalId: parent ? (rootId ?? parent) : null,
  };
}

/** Boosts and their originals collapse to one mention each; the last copy seen wins. */
export function statusesToMentions(statuses: readonly MastodonStatus[]): NormalizedMention[] {
  const byId = new Map<string, NormalizedMention>();
  for (const status of statuses) {
    const original = originalOf(status);
    byId.set(original.id, statusToMention(original));
  }
  return [...byId.values()];
}
