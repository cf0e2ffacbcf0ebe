import {
  type LiveBusEvent,
  type LiveEvent,
  type RedactionOptions,
  type StoredMention,
  viewMention,
} from '@barometer/core';
import { type Database, getMentionsByIds } from '@barometer/db';

/** A bus event with its mention loaded from Postgres (the bus carries ids only). */
export type HubEvent =
  | { type: 'mention.created' | 'mention.updated'; mention: StoredMention }
  | Exclude<LiveBusEvent, { type: 'mention.created' | 'mention.updated' }>;

/**
 * Loads the mentions a bus message names, once for every reader of this API instance. A mention
 * gone by the time it is loaded (erased, deleted upstream) is simply not sent.
 */
export async function hydrate(
  pool: Database['pool'],
  events: readonly LiveBusEvent[],
): Promise<HubEvent[]> {
  const ids = events.flatMap((e) =>
    e.type === 'mention.created' || e.type === 'mention.updated' ? [e.mentionId] : [],
  );
  const rows = ids.length === 0 ? [] : await getMentionsByIds(pool, ids);
  const byId = new Map(rows.map((m) => [m.id, m]));
  const out: HubEvent[] = [];
  for (const event of events) {
    if (event.type === 'mention.created' || event.type === 'mention.updated') {
      const mention = byId.get(event.mentionId);
      if (mention) out.push({ type: event.type, mention });
    } else out.push(event);
  }
  return out;
}

export function mentionIdOf(event: HubEvent): number | null {
  return event.type === 'mention.created' || event.type === 'mention.updated'
    ? event.mention.id
    : null;
}

/** An event as this reader may see it: mentions redacted unless the role reads raw text. */
export function shapeFor(
  reader: { rawText: boolean; redaction: RedactionOptions },
  event: HubEvent,
): LiveEvent {
  if ('mention' in event) {
    return {
      type: event.type,
      mention: viewMention(event.mention, { raw: reader.rawText, redaction: reader.redaction }),
    };
  }
  return event;
}
