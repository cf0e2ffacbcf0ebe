import { expect, test } from 'vitest';
import { combine } from './combine.ts';
import { scoreLexicon } from './lexicon.ts';
import { applyRules } from './rules.ts';
import { tokenize } from './tokens.ts';

const even: [number, number, number] = [1 / 3, 1 / 3, 1 / 3];
function combined(text: string, probs = even, safeguarding = false) {
  const lexicon = scoreLexicon(tokenize(text));
  const praise = lexicon.hits.some((h) => h.score > 0);
  return combine({
    modelProbs: probs,
    lexicon,
    rules: applyRules(text, praise),
    text,
    wordCount: lexicon.words,
    grave: safeguarding,
  });
}

test('the result is a distribution whose score is P(positive) - P(negative)', () => {
  const c = combined('Lovely staff, thank you');
  expect(c.probs[0] + c.probs[1] + c.probs[2]).toBeCloseTo(1);
  expect(c.score).toBeCloseTo(c.probs[2] - c.probs[0], 2);
  expect(c.label).toBe('positive');
  expect(c.confidence).toBeCloseTo(Math.max(...c.probs), 2);
});

test('a service failure outweighs a mildly positive model', () => {
  expect(combined('Waited 14 hours on a trolley', [0.2, 0.2, 0.6]).label).toBe('negative');
});

test('sarcasm turns praise words into evidence of a complaint', () => {
  const c = combined('Great, another 9 hour wait. Love it.', [0.3, 0.1, 0.6]);
  expect(c.label).toBe('negative');
});

test('a question with no opinion words is neutral even if the model leans', () => {
  expect(combined('Is the pharmacy open on Sundays?', [0.6, 0.1, 0.3]).label).toBe('neutral');
});

test('a safeguarding signal is never good news', () => {
  const text = 'My stepdad beats me and she just wrote it down';
  expect(combined(text, [0.2, 0.1, 0.7], true).label).toBe('negative');
});

test('thanks for someone outweigh a model that leans negative on the story around them', () => {
  const text =
    'Thank you to the stroke team for never giving up on him. A year ago he could not walk.';
  expect(combined(text, [0.8, 0.05, 0.15]).label).toBe('positive');
});

test('a question asking for information is neutral even with a mild negative word', () => {
  const text = 'Can you still pay cash at the hospital shop? My nan has no bank card, sadly.';
  expect(combined(text, [0.8, 0.05, 0.15]).label).toBe('neutral');
});

test('a news report leans on its words, not on a model trained on patient answers', () => {
  const text = 'A new cancer centre has opened at the hospital, the trust said.';
  const leaning: [number, number, number] = [0.75, 0.1, 0.15];
  const lexicon = scoreLexicon(tokenize(text));
  const rules = applyRules(text, false);
  const input = { modelProbs: leaning, lexicon, rules, text, wordCount: lexicon.words };
  const asAnswer = combine({ ...input, notice: false });
  const asReport = combine({ ...input, notice: true });
  expect(asReport.probs[0]).toBeLessThan(asAnswer.probs[0]);
});

test('a safeguarding or patient-safety concern is never labelled positive, however warm the words', () => {
  const warm: [number, number, number] = [0.05, 0.05, 0.9];
  const text = 'The nurse was lovely and kind, thank you so much';
  expect(combined(text, warm, false).label).toBe('positive');
  expect(combined(text, warm, true).label).not.toBe('positive');
});

test('a question that complains is negative, not an information request', () => {
  const text = 'Can someone tell me why my referral has been lost again?';
  const lexicon = scoreLexicon(tokenize(text));
  const input = {
    modelProbs: even,
    lexicon,
    rules: applyRules(text, false),
    text,
    wordCount: lexicon.words,
  };
  expect(combine({ ...input, complainingQuestion: false }).label).toBe('neutral');
  expect(combine({ ...input, complainingQuestion: true }).label).toBe('negative');
});
