import { expect, test } from 'vitest';
import { createOutageLog } from './outage-log.ts';

test('an outage logs once when it starts, once per period while it lasts, and once at the end', () => {
  const log = createOutageLog('Postgres', { summaryEveryMs: 30_000 });
  const lines: string[] = [];
  // 16 failures a second for 65 seconds.
  for (let t = 0; t < 65_000; t += 62) {
    const line = log.failed(t);
    if (line) lines.push(line);
  }
  const back = log.succeeded(66_000);
  expect(lines).toEqual([
    'Postgres is not answering; holding work until it does',
    expect.stringMatching(
      /^Postgres still not answering after 30 s \(48\d attempts held in the last 30 s\)$/,
    ),
    expect.stringMatching(/^Postgres still not answering after 60 s \(48\d attempts held/),
  ]);
  expect(back).toMatch(/^Postgres answering again after 66 s \(10\d\d attempts held\)$/);
  expect(log.isDown()).toBe(false);
});

test('successes while the store is up log nothing', () => {
  const log = createOutageLog('Redis');
  expect(log.succeeded(1)).toBe(null);
  expect(log.failed(2)).not.toBe(null);
  expect(log.failed(3)).toBe(null);
  expect(log.isDown()).toBe(true);
});
