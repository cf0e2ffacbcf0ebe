import { expect, test } from 'vitest';
import { readConfig } from './config.ts';

test('flags win over environment variables, which win over defaults', () => {
  const result = readConfig(['--port', '4310', '--rate=20'], {
    SIMULATOR_PORT: '9999',
    SIMULATOR_SCENARIO: 'bench',
    SIMULATOR_FEED_COUNT: '8',
  });
  expect(result).toEqual({
    ok: true,
    config: {
      host: '127.0.0.1',
      port: 4310,
      rate: 20,
      scenario: 'bench',
      feedCount: 8,
      startWith: 20,
      logLevel: 'info',
    },
  });
});

test('every bad value is listed with the flag and variable to fix', () => {
  const result = readConfig(['--port', 'abc', '--start-with=-3'], { LOG_LEVEL: 'loud' });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems).toHaveLength(3);
  expect(result.problems[0]).toMatch(/^--port \/ SIMULATOR_PORT: /);
  expect(result.problems.join('\n')).toMatch(/--start-with \/ SIMULATOR_START_WITH: /);
  expect(result.problems.join('\n')).toMatch(/--log-level \/ LOG_LEVEL: /);
});

test('an unknown flag is refused', () => {
  const result = readConfig(['--prot', '80'], {});
  expect(result).toEqual({ ok: false, problems: [expect.stringContaining("'--prot'")] });
});
