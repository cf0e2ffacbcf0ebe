import { publishLive } from '@barometer/bus';
import {
  detectionTick,
  HOURS_PER_WEEK,
  hourOf,
  hourStart,
  type IssueEvent,
  issueTitle,
  type JobPayload,
  roomsFor,
  subjectTicks,
  withTermSignals,
} from '@barometer/core';
import {
  firstMentionTime,
  lastRollupHour,
  listOpenIssues,
  listRollups,
  refreshTopicRollups,
  saveIssue,
  withTransaction,
} from '@barometer/db';
import type { JobContext, WorkerDeps } from '../context.ts';
import { assignNewStories } from './assign-stories.ts';
import { findEmergingTerms } from './term-signals.ts';
import { escalateThreads, type ThreadEscalationEvent } from './threads-escalate.ts';

/** Hours of history the detector reads: five weeks covers hour-of-week baselines and warm-up. */
const HISTORY_HOURS = 5 * HOURS_PER_WEEK;
/** Hours whose rollups are recomputed each tick: late and re-scored mentions land in them. */
const REFRESH_HOURS = 3;

/** The whole minute tick: issues on topics and terms, then conversations getting hotter. */
export async function runDetectionTick(
  payload: JobPayload<'issues.detect'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'redis' | 'config' | 'queues'>,
  now: number = Date.now(),
): Promise<{ issues: IssueEvent[]; threads: ThreadEscalationEvent[] }> {
  const issues = await detectIssues(payload, ctx, deps, now);
  const threads = await escalateThreads(ctx, deps, now);
  return { issues, threads };
}

/**
 * The detector's minute tick for issues: give new mentions their story, rebuild recent
 * topic rollups from mentions, judge every topic with core's detectionTick, store the issues,
 * then publish their events. Running it twice in a minute changes nothing the second time: the
 * maths is a function of the rows.
 */
export async function detectIssues(
  _payload: JobPayload<'issues.detect'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'redis' | 'config' | 'queues'>,
  now: number = Date.now(),
): Promise<IssueEvent[]> {
  const pool = deps.database.pool;
  const first = await firstMentionTime(pool);
  if (first === null) return [];
  const stories = await assignNewStories(pool, now);
  if (stories > 0) ctx.log.debug({ mentions: stories }, 'assigned stories');
  const currentHour = hourOf(now);
  const startHour = Math.max(hourOf(first), currentHour - HISTORY_HOURS);
  // The first run (or one after a long stop) rolls up the whole history it will read.
  const latest = await lastRollupHour(pool, 'topic');
  const refreshFrom =
    latest === null
      ? startHour
      : Math.max(startHour, Math.min(latest, currentHour - REFRESH_HOURS + 1));
  await withTransaction(pool, (tx) =>
    refreshTopicRollups(tx, hourStart(refreshFrom), hourStart(currentHour + 1)),
  );
  const [rollups, open] = await Promise.all([
    listRollups(pool, 'topic', hourStart(startHour)),
    listOpenIssues(pool),
  ]);
  const terms = await findEmergingTerms(pool, { firstHour: hourOf(first), currentHour, now });
  const ticks = withTermSignals(
    subjectTicks({
      rollups,
      open: open.map((o) => ({ id: o.id, label: o.label, issue: o.state })),
      startHour,
      currentHour,
    }),
    terms,
    { startHour, currentHour },
  );
  const result = detectionTick(now, ticks);

  const stored: { id: number; event: IssueEvent }[] = [];
  await withTransaction(pool, async (tx) => {
    for (const [i, s] of result.subjects.entries()) {
      const tick = ticks[i]!;
      if (!s.issue || (tick.storedId === null && s.issue.status !== 'open')) continue;
      const event = result.events.find((e) => e.subject === s.subject);
      const explanation = event?.explanation ?? explanationOf(open, tick.storedId);
      const id = await saveIssue(tx, s.issue, {
        id: tick.storedId,
        label: tick.label,
        explanation,
      });
      if (event) stored.push({ id, event });
    }
  });

  if (stored.length > 0) {
    await publishLive(deps.redis, deps.config.REDIS_PREFIX, {
      kind: 'events',
      rooms: roomsFor('mentions.read'),
      events: stored.map(({ id, event }) => ({
        type: event.type,
        issue: {
          id,
          title: issueTitle(event.issue, event.label),
          severity: event.issue.severity,
          explanation: event.explanation,
        },
      })),
    });
  }
  for (const { id, event } of stored) {
    ctx.log.info(
      { issueId: id, subject: event.subject, severity: event.issue.severity },
      event.type,
    );
  }
  return stored.map((s) => s.event);
}

function explanationOf(open: { id: number; explanation: string }[], id: number | null): string {
  return open.find((o) => o.id === id)?.explanation ?? '';
}
