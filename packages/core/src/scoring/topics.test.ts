import { expect, test } from 'vitest';
import { keywordTopics } from './topics.ts';

test('framework topics are found by whole-word keywords', () => {
  const topics = keywordTopics('Parking was a nightmare and the food was cold', undefined).map(
    (t) => t.topic,
  );
  expect(topics).toContain('Parking');
  expect(topics).toContain('Food & drink provision & facilities');
});

test('keywords inside other words do not match', () => {
  expect(keywordTopics('the parkland walk', undefined).map((t) => t.topic)).not.toContain(
    'Parking',
  );
});

test('the trust taxonomy adds its own topics with their evidence', () => {
  const taxonomy = { 'Ward 12': ['ward 12', 'w12'], Maternity: ['maternity', 'midwife'] };
  expect(keywordTopics('Our midwife on Ward 12 was great', taxonomy)).toEqual(
    expect.arrayContaining([
      { topic: 'Ward 12', evidence: 'Ward 12' },
      { topic: 'Maternity', evidence: 'midwife' },
    ]),
  );
});
