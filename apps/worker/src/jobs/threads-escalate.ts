import { enqueue, publishLive } from '@barometer/bus';
import { HOUR_MS, roomsFor, THREAD_POLICY, threadHistoryHours, threadTick } from '@barometer/core';
import {
  getThreadStates,
  listEscalatedThreadStates,
  listEscalatedThreads,
  listThreadReplies,
  saveThreadEscalation,
  withTransaction,
} from '@barometer/db';
import type { JobContext, WorkerDeps } from '../context.ts';

export interface ThreadEscalationEvent {
  sourceId: number;
  rootId: string;
  level: 'watch' | 'alert' | 'page';
  explanation: string;
}

/**
 * Scores every conversation with replies in the last window, and every one still holding a
 * level, against its own pace; stores each level and publishes `thread.escalated` after commit
 * for the ones that rose.
 */
export async function escalateThreads(
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'redis' | 'config' | 'queues'>,
  now: number,
): Promise<ThreadEscalationEvent[]> {
  const pool = deps.database.pool;
  const since = new Date(now - threadHistoryHours() * HOUR_MS);
  const activeSince = new Date(now - THREAD_POLICY.windowMinutes * 60_000);
  const active = await listThreadReplies(pool, since, activeSince);
  const held = await listEscalatedThreadStates(pool);
  const idOf = (k: { sourceId: number; rootId: string }) => `${k.sourceId}|${k.rootId}`;
  const activeIds = new Set(active.map((t) => idOf(t.key)));
  const states = new Map(
    [
      ...held,
      ...(await getThreadStates(
        pool,
        active.map((t) => t.key),
      )),
    ].map((s) => [idOf(s.key), s.state]),
  );
  // A thread holding a level with no recent reply is assessed on its older replies so it calms.
  const quietHeld = held.filter((h) => !activeIds.has(idOf(h.key)));
  const olderReplies = quietHeld.length > 0 ? await listThreadReplies(pool, since, since) : [];
  const threads = [
    ...active,
    ...quietHeld.map((h) => ({
      key: h.key,
      replies: olderReplies.find((t) => idOf(t.key) === idOf(h.key))?.replies ?? [],
    })),
  ].map((t) => ({ ...t, state: states.get(idOf(t.key)) ?? null }));
  if (threads.length === 0) return [];

  const results = threadTick(now, threads);
  const changed = results.filter((r, i) => r.state !== threads[i]!.state);
  await withTransaction(pool, async (tx) => {
    for (const r of changed) {
      await saveThreadEscalation(tx, {
        key: r.key,
        state: r.state,
        score: r.assessment.score,
        explanation: r.explanation,
        escalated: r.escalated !== null,
        at: new Date(now),
      });
    }
  });

  const risen = results.filter((r) => r.escalated !== null);
  if (risen.length === 0) return [];
  const titles = new Map((await listEscalatedThreads(pool)).map((t) => [idOf(t), t.title]));
  const events = risen.map((r) => ({
    sourceId: r.key.sourceId,
    rootId: r.key.rootId,
    level: r.escalated!,
    explanation: r.explanation,
  }));
  await publishLive(deps.redis, deps.config.REDIS_PREFIX, {
    kind: 'events',
    rooms: roomsFor('mentions.read'),
    events: events.map((e) => ({
      type: 'thread.escalated' as const,
      thread: { ...e, title: titles.get(idOf(e)) ?? 'A conversation' },
    })),
  });
  for (const e of events) {
    ctx.log.info({ sourceId: e.sourceId, rootId: e.rootId, level: e.level }, 'thread.escalated');
    // A conversation at alert or page goes to the alert rules (grouped there per thread), so the
    // on-call person hears of it as they would of a flagged post.
    if (e.level === 'alert' || e.level === 'page') {
      await enqueue(deps.queues, 'alerts.evaluate', {
        thread: {
          level: e.level,
          title: (titles.get(idOf(e)) ?? 'A conversation').slice(0, 300) || 'A conversation',
          explanation: e.explanation.slice(0, 1000),
          threadKey: `${e.sourceId}:${e.rootId}`.slice(0, 600),
        },
      });
    }
  }
  return events;
}
