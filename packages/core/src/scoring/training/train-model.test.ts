import { expect, test } from 'vitest';
import { textFeatureKeys } from '../features.ts';
import { compileModel, predict } from '../model.ts';
import { parseCsvRecords } from './csv.ts';
import { readPhase1, readV6 } from './fft-data.ts';
import { serialiseModel, trainScorerModel } from './train-model.ts';

// A tiny synthetic file in each format (made up here, not rows of the real data).
const good = ['Lovely staff, very kind', 'Brilliant service thank you', 'Quick and friendly'];
const bad = ['Waited hours, awful', 'Rude and slow, awful', 'Terrible wait, no updates'];
const mixed = ['Ok I suppose', 'Fine but parking', 'Average'];
const v6Csv = [
  'FFT answer,Comment sentiment,Parking,Timeliness of care',
  ...Array.from({ length: 8 }, (_, i) => [
    `"${good[i % 3]} ${i}",1,0,0`,
    `"${bad[i % 3]} ${i}",5,0,1`,
    `"${mixed[i % 3]} ${i}",3,${i % 3 === 1 ? 1 : 0},0`,
  ]).flat(),
].join('\n');
const phase1Csv = [
  'feedback,criticality,organization,subcategory',
  ...Array.from({ length: 8 }, (_, i) => [
    `"${good[i % 3]}",3,Trust A,Attitude Of Staff`,
    `"${bad[i % 3]}",-3,Trust A,Time spent waiting for first appt/referral/service`,
  ]).flat(),
].join('\n');

function train(): string {
  const comments = [...readV6(parseCsvRecords(v6Csv)), ...readPhase1(parseCsvRecords(phase1Csv))];
  return serialiseModel(trainScorerModel({ comments, trainedOn: ['a.csv'], version: 't' }));
}

test('training twice on the same files gives the same bytes', () => {
  expect(train()).toBe(train());
});

test('the trained model separates the classes it was shown', () => {
  const model = compileModel(JSON.parse(train()));
  const p = predict(model, textFeatureKeys('awful wait', model.vocab)).probs;
  expect(p[0]).toBeGreaterThan(p[2]);
  const q = predict(model, textFeatureKeys('lovely friendly staff', model.vocab)).probs;
  expect(q[2]).toBeGreaterThan(q[0]);
});
