import { expect, test } from 'vitest';
import { tokenize } from './tokens.ts';
import { keywordTopics } from './topics.ts';

const topicsOf = (text: string, taxonomy?: Record<string, string[]>) =>
  keywordTopics(tokenize(text), taxonomy);

test('framework topics are found by whole-word keywords', () => {
  const topics = topicsOf('Parking was a nightmare and the food was cold').map((t) => t.topic);
  expect(topics).toContain('Parking');
  expect(topics).toContain('Food & drink provision & facilities');
});

test('keywords inside other words do not match', () => {
  expect(topicsOf('the parkland walk').map((t) => t.topic)).not.toContain('Parking');
});

test('the trust taxonomy adds its own topics with their evidence, multi-word keywords included', () => {
  const taxonomy = { 'Ward 12': ['ward 12', 'w12'], Maternity: ['maternity', 'midwife'] };
  expect(topicsOf('Our midwife on Ward 12 was great', taxonomy)).toEqual(
    expect.arrayContaining([
      { topic: 'Ward 12', evidence: 'ward 12' },
      { topic: 'Maternity', evidence: 'midwife' },
    ]),
  );
  expect(topicsOf('Ward 1 was fine', taxonomy).map((t) => t.topic)).not.toContain('Ward 12');
});
