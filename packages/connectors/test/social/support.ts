import type { NormalizedMention } from '@barometer/core';
import type { HttpPolicy } from '@barometer/http';
import { type Simulator, startSimulator } from '@barometer/simulator';
import type { ConnectorSource, StreamHealth, StreamSink } from '../../src/connector.ts';

/** The simulator is on loopback: only that address is let through, as a trust's intranet would be. */
export const LOOPBACK_POLICY: HttpPolicy = { allowPrivate: false, allowedCidrs: ['127.0.0.1/32'] };

export async function quietSimulator(): Promise<Simulator> {
  return startSimulator({ autoTick: false, startWith: 0, seed: 11 });
}

export function socialSource(
  kind: ConnectorSource['kind'],
  url: string,
  query: string,
  credential: string | null = null,
  cursor: string | null = null,
): ConnectorSource {
  return {
    id: 1,
    kind,
    url,
    query,
    credential,
    cursor,
    validators: { etag: null, lastModified: null, contentHash: null },
  };
}

/** A sink that keeps everything a stream delivered, for assertions. */
export function recordingSink() {
  const mentions: NormalizedMention[] = [];
  const deleted: string[] = [];
  const cursors: string[] = [];
  const health: StreamHealth[] = [];
  const sink: StreamSink = {
    async mentions(batch) {
      mentions.push(...batch);
    },
    async deleted(ids) {
      deleted.push(...ids);
    },
    health(state) {
      health.push(state);
    },
    async cursor(position) {
      cursors.push(position);
    },
  };
  return { sink, mentions, deleted, cursors, health };
}

/** Polls a condition until it holds or the deadline passes (no fixed sleeps). */
export async function eventually(
  check: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
