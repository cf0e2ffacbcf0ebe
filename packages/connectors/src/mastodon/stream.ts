import type { NormalizedMention } from '@barometer/core';
import type { StreamConnector } from '../connector.ts';
import { maxId } from '../social/ids.ts';
import { reconnectingSocket } from '../social/reconnecting-socket.ts';
import { pollWindow } from '../social/window.ts';
import type { MastodonApi } from './client.ts';
import { mastodonGet } from './client.ts';
import { originalOf, statusToMention } from './map-status.ts';
import { pollMastodon } from './poll.ts';
import { instanceBase, type MastodonTarget, parseMastodonQuery } from './query.ts';
import {
  MastodonInstance,
  MastodonNotification,
  MastodonStatus,
  MastodonStreamMessage,
} from './schema.ts';

/** Ids delivered recently, so a post seen by the catch-up and again on the stream goes once. */
const SEEN_LIMIT = 20_000;
/** How much one catch-up may read after a long gap (the rest waits for the next poll). */
const CATCH_UP_ITEMS = 2000;

/**
 * Mastodon's streaming API (hashtag, or the account's notifications for @mentions) over a
 * websocket. Every (re)connection first catches up over REST from the newest id seen
 * (`min_id`), with the socket already open and its messages waiting, so nothing falls in the
 * gap; ids delivered twice are dropped here and the natural key absorbs any left. `update` is
 * a new post, `status.update` an edit, `delete` a deletion. Needs a token (Mastodon 4.2+).
 */
export const mastodonStreamConnector: StreamConnector = {
  kind: 'mastodon',
  start(source, policy, sink, options = {}) {
    const now = options.now ?? (() => new Date());
    const api: MastodonApi = {
      base: instanceBase(source.url),
      token: source.credential ?? null,
      policy,
      now,
    };
    const target = parseMastodonQuery(source.query);
    let cursor = source.cursor;
    let streamingBase: string | null = null;
    const seen = new Set<string>();
    const remember = (id: string) => {
      seen.add(id);
      if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
    };
    const advance = async (ids: string[]) => {
      const next = maxId(ids, cursor);
      if (next && next !== cursor) {
        cursor = next;
        await sink.cursor(next);
      }
    };
    const deliver = async (mentions: NormalizedMention[], edit: boolean) => {
      const fresh = edit ? mentions : mentions.filter((m) => !seen.has(m.externalId));
      for (const m of fresh) remember(m.externalId);
      if (fresh.length > 0) await sink.mentions(fresh);
    };

    return reconnectingSocket({
      policy,
      options,
      health: (state) => sink.health(state),
      async connect() {
        streamingBase ??= await discoverStreaming(api);
        const headers: Record<string, string> = api.token
          ? { authorization: `Bearer ${api.token}` }
          : {};
        return { url: `${streamingBase}/api/v1/streaming?${streamParams(target)}`, headers };
      },
      async opened() {
        const result = await pollMastodon(api, target, cursor, {
          ...pollWindow({ now }),
          maxItems: CATCH_UP_ITEMS,
        });
        if (result.status !== 'ok') return;
        await deliver(result.mentions, false);
        if (result.cursor) await advance([result.cursor]);
      },
      async message(data) {
        const message = MastodonStreamMessage.safeParse(safeJson(data));
        if (!message.success || message.data.payload === undefined) return;
        const { event, payload } = message.data;
        if (event === 'delete') {
          await sink.deleted([payload]);
          return;
        }
        if (event === 'update' || event === 'status.update') {
          const status = MastodonStatus.safeParse(safeJson(payload));
          if (!status.success) return;
          await deliver([statusToMention(originalOf(status.data))], event === 'status.update');
          if (event === 'update' && target.kind === 'hashtag') await advance([status.data.id]);
          return;
        }
        if (event === 'notification' && target.kind === 'mentions') {
          const notification = MastodonNotification.safeParse(safeJson(payload));
          if (!notification.success) return;
          const { status, type, id } = notification.data;
          if (type === 'mention' && status)
            await deliver([statusToMention(originalOf(status))], false);
          await advance([id]);
        }
      },
    });
  },
};

function streamParams(target: MastodonTarget): string {
  if (target.kind === 'hashtag')
    return new URLSearchParams({ stream: 'hashtag', tag: target.tag }).toString();
  // A search has no stream; the account's own notifications carry its mentions.
  return new URLSearchParams({ stream: 'user:notification' }).toString();
}

/** The streaming server may live on another host: the instance says where. */
async function discoverStreaming(api: MastodonApi): Promise<string> {
  const fallback = api.base.replace(/^http/, 'ws');
  try {
    const instance = await mastodonGet(api, '/api/v2/instance', MastodonInstance, 'the instance');
    const streaming = instance.data.configuration?.urls?.streaming;
    return streaming ? streaming.replace(/\/+$/, '') : fallback;
  } catch {
    return fallback;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
