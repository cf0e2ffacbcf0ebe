import type { AuditEntryDto, AuditQuery } from '@barometer/core';
import { type AuditRow, listAudit, listAuditActions } from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import type { RouteHandler } from '../route-table.ts';
import { csvRow } from './csv.ts';

type Deps = Pick<ApiDeps, 'database'>;

function toDto(row: AuditRow): AuditEntryDto {
  return { ...row, at: row.at.toISOString() };
}

function filterOf(q: AuditQuery) {
  return {
    actorUserId: q.actorUserId,
    action: q.action,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    cursor: q.cursor,
  };
}

export function list(deps: Deps): RouteHandler<'GET /api/audit'> {
  return async (req) => {
    const rows = await listAudit(deps.database.pool, {
      ...filterOf(req.query),
      limit: req.query.limit + 1,
    });
    const items = rows.slice(0, req.query.limit).map(toDto);
    return {
      items,
      nextCursor: rows.length > req.query.limit ? (items.at(-1)?.id ?? null) : null,
      actions: await listAuditActions(deps.database.pool),
    };
  };
}

const EXPORT_PAGE = 1000;
const COLUMNS = [
  'id',
  'at',
  'actor',
  'actor_user_id',
  'action',
  'subject_type',
  'subject_id',
  'before',
  'after',
  'request_id',
  'address',
];

/** The filtered log as CSV, streamed a page at a time so a long log never sits in memory. */
export function exportCsv(deps: Deps): RouteHandler<'GET /api/audit/export'> {
  return async (req, reply) => {
    const filter = filterOf(req.query);
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="barometer-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      );
    async function* lines() {
      yield csvRow(COLUMNS);
      let cursor = filter.cursor;
      for (;;) {
        const rows = await listAudit(deps.database.pool, { ...filter, cursor, limit: EXPORT_PAGE });
        for (const r of rows) {
          yield csvRow([
            String(r.id),
            r.at.toISOString(),
            r.actorLabel,
            r.actorUserId === null ? '' : String(r.actorUserId),
            r.action,
            r.subjectType,
            r.subjectId ?? '',
            r.before === null ? '' : JSON.stringify(r.before),
            r.after === null ? '' : JSON.stringify(r.after),
            r.requestId ?? '',
            r.address ?? '',
          ]);
        }
        if (rows.length < EXPORT_PAGE) return;
        cursor = rows.at(-1)!.id;
      }
    }
    return reply.send(lines());
  };
}
