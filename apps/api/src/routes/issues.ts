import { publishLive } from '@barometer/bus';
import { HOUR_MS, type IssueDto, issueTitle, roomsFor } from '@barometer/core';
import {
  auditedAction,
  type IssueTriage,
  listEscalatedThreads,
  listIssueMentions,
  listOpenIssues,
  needsOfficers,
  triageIssue,
} from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../http-error.ts';
import { actorOf } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

/**
 * Open emerging issues, most severe first, each with its explanation and a few mentions; and the
 * conversations holding an escalation level.
 */
export function list(deps: Pick<ApiDeps, 'database'>): RouteHandler<'GET /api/issues'> {
  return async () => {
    const pool = deps.database.pool;
    const now = new Date();
    const open = (await listOpenIssues(pool)).filter((o) => needsOfficers(o, now));
    const items = await Promise.all(
      open.map(async (o): Promise<IssueDto> => {
        const mentions = await listIssueMentions(pool, o.state);
        return {
          id: o.id,
          title: issueTitle(o.state, o.label),
          kind: o.state.subject.kind,
          label: o.label,
          severity: o.state.severity,
          explanation: o.explanation,
          openedAt: new Date(o.state.openedAt).toISOString(),
          updatedAt: new Date(o.state.updatedAt).toISOString(),
          peakAuthors: o.state.peakAuthors,
          acknowledged: o.triage === 'acknowledged',
          mentions: mentions.map((m) => ({
            id: m.id,
            sourceName: m.sourceName,
            author: m.author,
            text: m.redactedText,
            publishedAt: m.publishedAt,
            sentimentLabel: m.sentimentLabel,
          })),
        };
      }),
    );
    const rank = { page: 0, alert: 1, watch: 2 } as const;
    items.sort(
      (a, b) => rank[a.severity] - rank[b.severity] || b.updatedAt.localeCompare(a.updatedAt),
    );
    const threads = (await listEscalatedThreads(pool)).map((t) => ({
      ...t,
      escalatedAt: t.escalatedAt?.toISOString() ?? null,
      assessedAt: t.assessedAt.toISOString(),
    }));
    return { items, threads };
  };
}

const TRIAGE: Record<'acknowledge' | 'known' | 'dismiss', IssueTriage> = {
  acknowledge: 'acknowledged',
  known: 'known',
  dismiss: 'dismissed',
};

/** An officer acknowledges, marks as known for a while, or dismisses an open issue (audited). */
export function triage(
  deps: Pick<ApiDeps, 'database' | 'redis' | 'config'>,
): RouteHandler<'POST /api/issues/:id/triage'> {
  return async (req) => {
    const { id } = req.params;
    const at = new Date();
    const value = TRIAGE[req.body.action];
    const knownUntil =
      value === 'known' ? new Date(at.getTime() + (req.body.knownForHours ?? 24) * HOUR_MS) : null;
    const { label } = await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const changed = await triageIssue(tx, id, { triage: value, knownUntil, at });
      if (!changed) throw new HttpError(404, 'not_found', 'This issue is no longer open.');
      return {
        result: changed,
        audit: {
          action: `issue.${value}`,
          subjectType: 'issue',
          subjectId: id,
          before: { triage: changed.before },
          after: { triage: value, knownUntil: knownUntil?.toISOString() ?? null },
        },
      };
    });
    req.log.info({ issueId: id, triage: value }, 'issue triaged');
    const open = (await listOpenIssues(deps.database.pool)).find((o) => o.id === id);
    if (open) {
      await publishLive(deps.redis, deps.config.REDIS_PREFIX, {
        kind: 'events',
        rooms: roomsFor('mentions.read'),
        events: [
          {
            type: 'issue.updated',
            issue: {
              id,
              title: issueTitle(open.state, label),
              severity: open.state.severity,
              explanation: open.explanation,
            },
          },
        ],
      });
    }
    return { id, triage: value, knownUntil: knownUntil?.toISOString() ?? null };
  };
}
