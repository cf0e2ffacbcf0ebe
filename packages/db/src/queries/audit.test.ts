import { afterAll, beforeAll, expect, test } from 'vitest';
import { auditedAction } from '../audited-action.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { listAudit, recordAudit } from './audit.ts';
import { insertUser } from './users.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('audit');
});

afterAll(async () => {
  await database?.drop();
});

const actor = { userId: null, label: 'test' };

test('the audit log refuses UPDATE, DELETE and TRUNCATE, even for the superuser', async () => {
  await recordAudit(database.pool, actor, {
    action: 'thing.done',
    subjectType: 'thing',
    subjectId: 1,
  });
  await expect(database.pool.query("update audit_log set action = 'forged'")).rejects.toThrow(
    /append-only: UPDATE refused/,
  );
  await expect(database.pool.query('delete from audit_log')).rejects.toThrow(
    /append-only: DELETE refused/,
  );
  await expect(database.pool.query('truncate audit_log')).rejects.toThrow(
    /append-only: TRUNCATE refused/,
  );
  const rows = await listAudit(database.pool, { limit: 10 });
  expect(rows.map((r) => r.action)).toEqual(['thing.done']);
});

test('an audited change that fails leaves neither the change nor its audit row', async () => {
  await expect(
    auditedAction(database.pool, actor, async (tx) => {
      await insertUser(tx, {
        email: 'half@done.example',
        displayName: 'Half',
        roles: ['officer'],
        passwordHash: null,
      });
      throw new Error('the second half failed');
    }),
  ).rejects.toThrow('the second half failed');
  const { rows } = await database.pool.query(
    "select 1 from users where email = 'half@done.example'",
  );
  expect(rows).toHaveLength(0);
  expect(await listAudit(database.pool, { action: 'user.invited', limit: 10 })).toHaveLength(0);
});

test('an audited change commits with exactly one audit row naming who and what', async () => {
  const user = await auditedAction(
    database.pool,
    { userId: null, label: 'admin@trust.example', requestId: 'req-1', address: '10.0.0.9' },
    async (tx) => {
      const row = await insertUser(tx, {
        email: 'whole@done.example',
        displayName: 'Whole',
        roles: ['manager'],
        passwordHash: null,
      });
      return {
        result: row,
        audit: {
          action: 'user.invited',
          subjectType: 'user',
          subjectId: row.id,
          after: { roles: row.roles },
        },
      };
    },
  );
  const [entry] = await listAudit(database.pool, { action: 'user.invited', limit: 10 });
  expect(entry).toMatchObject({
    actorLabel: 'admin@trust.example',
    subjectId: String(user.id),
    after: { roles: ['manager'] },
    requestId: 'req-1',
    address: '10.0.0.9',
  });
});
