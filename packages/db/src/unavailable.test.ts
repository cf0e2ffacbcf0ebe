import { expect, test } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

test('connection failures, also when wrapped, mean the database is unavailable', () => {
  expect(
    isDatabaseUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')),
  ).toBe(true);
  expect(isDatabaseUnavailable(withCode('terminating connection', '57P01'))).toBe(true);
  expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('x', 'ECONNRESET') }))).toBe(
    true,
  );
});

test('query errors and other failures are not outages', () => {
  expect(isDatabaseUnavailable(withCode('duplicate key value', '23505'))).toBe(false);
  expect(isDatabaseUnavailable(withCode('syntax error', '42601'))).toBe(false);
  expect(isDatabaseUnavailable(new Error('invalid payload for job mentions.ingest'))).toBe(false);
  expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
});

test('a query that got no answer in time, or a statement Postgres cancelled as too slow, is an outage', () => {
  expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
  expect(
    isDatabaseUnavailable(withCode('canceling statement due to statement timeout', '57014')),
  ).toBe(true);
});
