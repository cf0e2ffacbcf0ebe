import { type IssueDto, issueTitle } from '@barometer/core';
import { listIssueMentions, listOpenIssues } from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import type { RouteHandler } from '../route-table.ts';

/** Open emerging issues, most severe first, each with its explanation and a few mentions. */
export function list(deps: Pick<ApiDeps, 'database'>): RouteHandler<'GET /api/issues'> {
  return async () => {
    const pool = deps.database.pool;
    const open = await listOpenIssues(pool);
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
    return { items };
  };
}
