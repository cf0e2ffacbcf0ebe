import { expect, test } from 'vitest';
import { INGEST_BATCH_SIZE, isJobName, jobCatalog, parseJobPayload, QUEUE_NAMES } from './jobs.ts';

const mention = {
  externalId: 'guid-1',
  url: 'https://news.example/1',
  author: null,
  title: 'Title',
  text: 'Text',
  html: null,
  publishedAt: '2026-11-22T09:00:00Z',
  publishedRaw: null,
  parentExternalId: null,
  rootExternalId: null,
};

test('a valid ingest payload passes through unchanged', () => {
  const payload = { sourceId: 3, mentions: [mention] };
  expect(parseJobPayload('mentions.ingest', payload)).toEqual(payload);
});

test('an invalid payload is refused with the job name and the field at fault', () => {
  expect(() => parseJobPayload('source.poll', { sourceId: 'three' })).toThrow(
    /invalid payload for job source\.poll:[\s\S]*sourceId/,
  );
  expect(() =>
    parseJobPayload('mentions.ingest', { sourceId: 1, mentions: [{ ...mention, externalId: '' }] }),
  ).toThrow(/mentions\[0\]\.externalId/);
});

test('an ingest batch is never empty and never larger than the batch limit allows', () => {
  expect(() => parseJobPayload('mentions.ingest', { sourceId: 1, mentions: [] })).toThrow();
  const tooMany = Array.from({ length: 501 }, (_, i) => ({ ...mention, externalId: `g${i}` }));
  expect(() => parseJobPayload('mentions.ingest', { sourceId: 1, mentions: tooMany })).toThrow();
  expect(INGEST_BATCH_SIZE).toBeLessThanOrEqual(500);
});

test('job names are recognised only from the catalog', () => {
  expect(isJobName('source.poll')).toBe(true);
  expect(isJobName('toString')).toBe(false);
  expect(isJobName('source.delete')).toBe(false);
});

test('every queue named in the catalog is listed once', () => {
  const queues = Object.values(jobCatalog).map((j) => j.queue);
  expect([...QUEUE_NAMES].sort()).toEqual([...new Set(queues)].sort());
});
