import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { orm, type Queryable } from '../client.ts';
import { auditLog } from '../schema/audit-log.ts';

/** Who did something: a person (with the request it came in), or the system itself. */
export interface Actor {
  userId: number | null;
  /** Their e-mail, or "system", or the e-mail someone tried to sign in as. */
  label: string;
  requestId?: string | null;
  address?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(
  q: Queryable,
  actor: Actor,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await orm(q)
    .insert(auditLog)
    .values(
      list.map((e) => ({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId === null ? null : String(e.subjectId),
        before: e.before ?? null,
        after: e.after ?? null,
        requestId: actor.requestId ?? null,
        address: actor.address ?? null,
      })),
    );
}

export interface AuditFilter {
  actorUserId?: number;
  action?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the previous page's last). */
  cursor?: number;
  limit: number;
}

export type AuditRow = typeof auditLog.$inferSelect;

export async function listAudit(q: Queryable, filter: AuditFilter): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.actorUserId !== undefined) where.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.action !== undefined) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lte(auditLog.at, filter.to));
  if (filter.cursor !== undefined) where.push(lt(auditLog.id, filter.cursor));
  return orm(q)
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

export async function listAuditActions(q: Queryable): Promise<string[]> {
  const rows = await orm(q).selectDistinct({ action: auditLog.action }).from(auditLog);
  return rows.map((r) => r.action).sort();
}
