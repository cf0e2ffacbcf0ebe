import { expect, test } from 'vitest';
import { isRedisUnavailable } from './unavailable.ts';

test('a closed connection or exhausted retries mean Redis is unavailable, also when wrapped', () => {
  expect(isRedisUnavailable(new Error('Connection is closed.'))).toBe(true);
  expect(
    isRedisUnavailable(
      new Error('enqueue failed', {
        cause: new Error('Reached the max retries per request limit (which is 1).'),
      }),
    ),
  ).toBe(true);
});

test('a bad command is not an outage', () => {
  expect(isRedisUnavailable(new Error('ERR wrong number of arguments'))).toBe(false);
  expect(isRedisUnavailable('Connection is closed')).toBe(false);
});
