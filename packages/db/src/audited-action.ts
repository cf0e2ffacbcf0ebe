import type pg from 'pg';
import { withTransaction } from './client.ts';
import { type Actor, type AuditEntry, recordAudit } from './queries/audit.ts';

/**
 * The one way a person changes anything: the change and its audit row commit together or not at
 * all. `work` runs inside the transaction with its client and says what it did; the caller
 * publishes the live event after this resolves (after commit), never before.
 */
export async function auditedAction<T>(
  pool: pg.Pool,
  actor: Actor,
  work: (tx: pg.PoolClient) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  return withTransaction(pool, async (tx) => {
    const { result, audit } = await work(tx);
    await recordAudit(tx, actor, audit);
    return result;
  });
}
