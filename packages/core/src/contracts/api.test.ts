import { expect, test } from 'vitest';
import { MentionListQuery, SourceCreateBody, SourceUpdateBody } from './api.ts';
import { LiveClientMessage } from './live.ts';

test('list query strings are coerced and defaulted', () => {
  expect(MentionListQuery.parse({ cursor: '42', label: 'negative' })).toEqual({
    cursor: 42,
    label: 'negative',
    limit: 50,
  });
});

test('list queries outside their bounds are refused', () => {
  for (const bad of [
    { limit: '0' },
    { limit: '201' },
    { cursor: '1.5' },
    { label: 'furious' },
    { flag: 'spicy' },
  ]) {
    expect(MentionListQuery.safeParse(bad).success).toBe(false);
  }
});

test('a source URL must be http or https', () => {
  const base = { name: 'Gazette' };
  expect(SourceCreateBody.safeParse({ ...base, url: 'https://gazette.example/feed' }).success).toBe(
    true,
  );
  for (const url of [
    'ftp://gazette.example/feed',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'gazette',
  ]) {
    expect(SourceCreateBody.safeParse({ ...base, url }).success).toBe(false);
  }
});

test('a source update must change something and may not set server-owned fields', () => {
  expect(SourceUpdateBody.safeParse({}).success).toBe(false);
  expect(SourceUpdateBody.safeParse({ status: 'healthy' }).success).toBe(false);
  expect(SourceUpdateBody.safeParse({ enabled: false }).success).toBe(true);
});

test('a live client may only resume from a non-negative id or from nothing', () => {
  expect(LiveClientMessage.safeParse({ type: 'resume', lastId: 10 }).success).toBe(true);
  expect(LiveClientMessage.safeParse({ type: 'resume', lastId: null }).success).toBe(true);
  expect(LiveClientMessage.safeParse({ type: 'resume', lastId: -1 }).success).toBe(false);
  expect(LiveClientMessage.safeParse({ type: 'subscribe', lastId: 1 }).success).toBe(false);
});
