import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NormalizedMention } from '@barometer/core';
import type { Database } from '@barometer/db';
import type { Queue } from 'bullmq';

/** `count` distinct mentions whose external ids start with `prefix`. */
export function makeMentions(prefix: string, count: number, offset = 0): NormalizedMention[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${offset + i}`,
    url: `https://news.example/${prefix}/${offset + i}`,
    author: 'A patient',
    title: null,
    text: `Northfield General mention ${prefix} ${offset + i}: waited three hours in A&E, staff were kind`,
    html: null,
    publishedAt: '2026-11-22T09:00:00Z',
    publishedRaw: null,
    parentExternalId: null,
    rootExternalId: null,
  }));
}

export interface MentionTally {
  rows: number;
  distinct: number;
}

/** Rows stored and distinct natural keys: equal when nothing was stored twice. */
export async function tallyMentions(pool: Database['pool']): Promise<MentionTally> {
  const { rows } = await pool.query<MentionTally>(
    `select count(*)::int as rows,
            count(distinct (source_id, external_id))::int as distinct
     from mentions`,
  );
  return rows[0] ?? { rows: 0, distinct: 0 };
}

export interface QueueState {
  pending: number;
  failed: number;
}

/** Jobs still to run (waiting, active, delayed, prioritised) and jobs that gave up. */
export async function queueState(queue: Queue): Promise<QueueState> {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
  return {
    pending: (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0),
    failed: c.failed ?? 0,
  };
}

export interface ConditionalFeed {
  url: string;
  /** Request headers of every request, oldest first. */
  requests: IncomingHttpHeaders[];
  setBody(body: string): void;
  close(): Promise<void>;
}

/** A loopback feed that sends an ETag and answers 304 to a matching If-None-Match. */
export async function startConditionalFeed(initialBody: string): Promise<ConditionalFeed> {
  let body = initialBody;
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.headers);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed.rss`,
    requests,
    setBody(next) {
      body = next;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
