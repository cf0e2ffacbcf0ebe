import { expect, test } from 'vitest';
import { applyRules } from './rules.ts';

test('long waits, corridors and cancellations are service failures', () => {
  expect(applyRules('Waited 14 hours in A&E', false).failures).toEqual(['waited 14 hours']);
  expect(applyRules('Mum spent the night in a corridor, no beds', false).failures).toHaveLength(2);
  expect(applyRules('op cancelled again', false).failures).toHaveLength(1);
});

test('short waits are not failures', () => {
  expect(applyRules('seen within 20 minutes', false).failures).toEqual([]);
});

test('improvement requests are recognised', () => {
  expect(applyRules('Communication could be better', false).improvements).toHaveLength(1);
  expect(applyRules('need more staff on nights', false).improvements).toHaveLength(1);
});

test('"Nothing" as an answer means nothing needs improving', () => {
  expect(applyRules('Nothing.', false).nothingToImprove).toHaveLength(1);
  expect(
    applyRules("Can't think of anything, keep up the good work", false).nothingToImprove,
  ).toHaveLength(2);
});

test('praise around a failure is sarcasm unless contrasted', () => {
  expect(applyRules('Great, another 9 hour wait. Love it.', true).sarcasm).toBe(true);
  expect(applyRules('Waited 5 hours but the nurses were great', true).sarcasm).toBe(false);
});

test('genuine praise that mentions coming back again is not sarcasm', () => {
  expect(applyRules('Back again for my check-up, lovely staff as always', true).sarcasm).toBe(
    false,
  );
  expect(applyRules('Another great visit to the eye clinic', true).sarcasm).toBe(false);
  expect(applyRules('Brilliant, seen in 20 minutes', true).sarcasm).toBe(false);
});

test('a strong sarcasm cue next to a bad event needs no praise word', () => {
  expect(applyRules('Number 47 in the queue. Living the dream.', false).sarcasm).toBe(true);
});
