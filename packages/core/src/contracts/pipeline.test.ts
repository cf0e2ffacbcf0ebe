import { expect, test } from 'vitest';
import { pipelineHealth } from './pipeline.ts';

const now = new Date('2026-12-01T21:30:00Z');

test('a recent scheduler tick means sources are being checked', () => {
  expect(pipelineHealth({ lastTickAt: '2026-12-01T21:29:50Z', readable: true, now })).toEqual({
    state: 'running',
    lastTickAt: '2026-12-01T21:29:50Z',
    message: null,
  });
});

test('an old tick or none at all is a stalled pipeline, said in plain words with the local time', () => {
  const old = pipelineHealth({ lastTickAt: '2026-12-01T21:20:00Z', readable: true, now });
  expect(old.state).toBe('stalled');
  expect(old.message).toMatch(/^Sources have not been checked since 21:20: /);
  expect(pipelineHealth({ lastTickAt: null, readable: true, now }).message).toMatch(
    /worker is not running/,
  );
});

test('an unreadable queue store is an unknown state, not "running"', () => {
  expect(pipelineHealth({ lastTickAt: null, readable: false, now })).toMatchObject({
    state: 'unknown',
    message: expect.stringMatching(/job queue is not answering/),
  });
});
