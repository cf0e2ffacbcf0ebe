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

test('praise that says nothing needs improving is not an improvement request', () => {
  const r = applyRules("I can't think of a single thing that should be better!", false);
  expect(r.nothingToImprove).toHaveLength(1);
  expect(r.improvements).toEqual([]);
  expect(applyRules('Nothing needed improving on the ward', false).improvements).toEqual([]);
  expect(applyRules('Nothing, superb team', false).nothingToImprove).toHaveLength(1);
  expect(applyRules('Cannot improve on perfection!', false).nothingToImprove).toHaveLength(1);
});

test('an improvement request in another sentence still counts', () => {
  const r = applyRules('Nothing to improve on the ward. Parking could be better.', false);
  expect(r.improvements).toEqual(['could be better']);
});

test('suggestions in their usual shapes are improvement requests', () => {
  for (const s of [
    'Would rather see the same nurse each time',
    'It would have been a good idea to have a leaflet',
    'Can there please be a water fountain',
    'Should have been told about the delay',
    'Not enough seating in outpatients',
    'The waiting room was a bit cold',
  ]) {
    expect(applyRules(s, false).improvements, s).toHaveLength(1);
  }
  expect(applyRules('The nurse told me everything I needed', false).improvements).toEqual([]);
});

test('a question asking for information is not a suggestion', () => {
  expect(applyRules('Could someone tell me if they do hearing tests?', false).improvements).toEqual(
    [],
  );
  expect(applyRules('Can you tell us when he is being discharged?', false).improvements).toEqual(
    [],
  );
});

test('requests with a word between, or a missing "be", are still requests', () => {
  expect(applyRules('Parking needs serious improvement', false).improvements).toHaveLength(1);
  expect(applyRules('The booking system could improved', false).improvements).toHaveLength(1);
  expect(applyRules('The bay was extremely cramped', false).improvements).toHaveLength(1);
});

test('thanks or credit aimed at someone is gratitude, unless the text is sarcastic', () => {
  expect(
    applyRules('thank you to the night team for sitting with my gran', true).gratitude,
  ).not.toEqual([]);
  expect(
    applyRules('hats off to the stroke unit, he is walking again', false).gratitude,
  ).not.toEqual([]);
  expect(applyRules('thanks for nothing, 9 hours on a trolley', true).gratitude).toEqual([]);
});

test('a question asking for information is recognised; a rhetorical "why" is not', () => {
  expect(
    applyRules('does anybody know whether the hospital shop takes cards?', false).infoQuestion,
  ).toBe(true);
  expect(
    applyRules('hi, is there a cash machine near the maternity unit?', false).infoQuestion,
  ).toBe(true);
  expect(applyRules('why does nobody ever pick up the phone?', false).infoQuestion).toBe(false);
  expect(applyRules('the ward phone is always busy.', false).infoQuestion).toBe(false);
});

test('ironic formulas are sarcasm even when no bad event is named', () => {
  const r = applyRules("oh great, another form to fill in. it's the thought that counts", true);
  expect(r.sarcasm).toBe(true);
  expect(r.sarcasmCues.length).toBeGreaterThan(0);
});

test('something broken for days or weeks is a service failure', () => {
  expect(
    applyRules('the hand dryer has been out of order for three weeks', false).failures,
  ).not.toEqual([]);
  expect(applyRules('the lift is broken since friday', false).failures).not.toEqual([]);
  expect(applyRules('the card machine doesn’t work'.replace('’', "'"), false).failures).not.toEqual(
    [],
  );
});

test('expecting the worst is not a failure', () => {
  expect(applyRules('i feared the worst but they were quick and kind', true).failures).toEqual([]);
});

test('a negated one-word verdict is not a service failure, a phrase with its own negator still is', () => {
  expect(applyRules('reception staff were not rude to us', false).failures).toEqual([]);
  expect(applyRules("the food wasn't awful", false).failures).toEqual([]);
  expect(applyRules('the staff were rude to us', false).failures).toEqual(['rude']);
});
