import type { NormalizedMention } from '@barometer/core';
import type { StreamConnector } from '../connector.ts';
import { reconnectingSocket } from '../social/reconnecting-socket.ts';
import { postUri, recordToMention } from './map-post.ts';
import { JetstreamCommitEvent } from './schema.ts';

const POSTS = 'app.bsky.feed.post';
/** Resume this far before the last event seen: at-least-once, the natural key absorbs repeats. */
export const RESUME_BACK_US = 5_000_000;
/** Report the cursor at most this often, so Postgres is not written per event. */
const CURSOR_EVERY_MS = 1000;
const SEEN_LIMIT = 50_000;

/** The cheap part of a line, read before anything is validated. */
interface RawLine {
  kind?: unknown;
  time_us?: unknown;
  commit?: { collection?: unknown; operation?: unknown; record?: { text?: unknown } };
}

/**
 * Jetstream (the firehose as JSON) filtered by the trust's terms on this side: there is no
 * server-side keyword filter, so every post on the network goes through `matches`. Only lines
 * that are post commits and match are validated with zod and mapped; deletions of posts are
 * passed on (the sink ignores ids it never stored). The cursor (unix microseconds) is kept in
 * Postgres by the worker; a reconnect resumes a few seconds before it, and repeats are dropped
 * by (did, rkey, rev) here and by the natural key in Postgres.
 */
export const jetstreamConnector: StreamConnector = {
  kind: 'jetstream',
  start(source, policy, sink, options = {}) {
    const matches = options.matches ?? (() => true);
    let cursor = source.cursor ? Number(source.cursor) : null;
    let lastReported = 0;
    const seen = new Set<string>();
    const base = source.url.replace(/^http/, 'ws').replace(/\/+$/, '');
    return reconnectingSocket({
      policy,
      options,
      health: (state) => sink.health(state),
      async connect() {
        const params = new URLSearchParams({ wantedCollections: POSTS });
        if (cursor !== null) params.set('cursor', String(Math.max(0, cursor - RESUME_BACK_US)));
        return { url: `${base}/subscribe?${params}` };
      },
      async opened() {},
      async message(data) {
        const handled = readJetstreamLine(data, matches, seen);
        if (!handled) return;
        if (handled.mention) await sink.mentions([handled.mention]);
        if (handled.deleted) await sink.deleted([handled.deleted]);
        cursor = handled.timeUs;
        const now = Date.now();
        if (now - lastReported >= CURSOR_EVERY_MS) {
          lastReported = now;
          await sink.cursor(String(cursor));
        }
      },
    });
  },
};

export interface JetstreamResult {
  timeUs: number;
  mention?: NormalizedMention;
  deleted?: string;
}

/** A line reader with its own repeat memory: the consumer's per-connection state. */
export function jetstreamLineReader(
  matches: (text: string) => boolean,
): (data: string) => JetstreamResult | null {
  const seen = new Set<string>();
  return (data) => readJetstreamLine(data, matches, seen);
}

/**
 * One line: null for lines to skip (other collections, identity/account events, posts that do
 * not match, repeats); otherwise what it means. Exported for the filtering benchmark.
 */
export function readJetstreamLine(
  data: string,
  matches: (text: string) => boolean,
  seen: Set<string>,
): JetstreamResult | null {
  let raw: RawLine;
  try {
    raw = JSON.parse(data) as RawLine;
  } catch {
    return null;
  }
  if (raw.kind !== 'commit' || raw.commit?.collection !== POSTS || typeof raw.time_us !== 'number')
    return null;
  const operation = raw.commit.operation;
  if (operation !== 'delete') {
    const text = raw.commit.record?.text;
    if (typeof text !== 'string' || !matches(text)) return null;
  }
  const event = JetstreamCommitEvent.safeParse(raw);
  if (!event.success) return null;
  const { did, commit, time_us } = event.data;
  const key = `${did}/${commit.rkey}/${commit.rev}`;
  if (seen.has(key)) return null;
  seen.add(key);
  if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
  const uri = postUri(did, commit.rkey);
  if (commit.operation === 'delete') return { timeUs: time_us, deleted: uri };
  if (!commit.record) return null;
  return { timeUs: time_us, mention: recordToMention(uri, commit.record, { did }) };
}
