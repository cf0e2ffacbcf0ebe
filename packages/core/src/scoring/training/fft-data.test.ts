import { expect, test } from 'vitest';
import { readPhase1, readV6 } from './fft-data.ts';

test('v6 sentiment 1-2 is positive, 3 neutral, 4-5 negative and blank unlabelled', () => {
  const rows = ['1', '2', '3', '4', '5', ''].map((s) => ({
    'FFT answer': 'x',
    'Comment sentiment': s,
    Parking: s === '4' ? '1' : '0',
    'Not assigned': '1',
  }));
  const out = readV6(rows);
  expect(out.map((r) => r.sentiment)).toEqual([2, 2, 1, 0, 0, undefined]);
  expect(out[3]?.topics).toEqual(['Parking']);
  expect(out[0]?.topics).toEqual([]);
});

test('phase-1 criticality maps to three classes and skips Trust B zeros and junk', () => {
  const rows = [
    ['-3', 'Trust A'],
    ['-1', 'Trust A'],
    ['0', 'Trust C'],
    ['1', 'Trust A'],
    ['0', 'Trust B'],
    ['-o', 'Trust A'],
  ].map(([c, o]) => ({ feedback: 'x', criticality: c!, organization: o!, subcategory: 'Food' }));
  const out = readPhase1(rows);
  expect(out.map((r) => r.sentiment)).toEqual([0, 1, 1, 2, undefined, undefined]);
  expect(out[0]?.topics).toEqual(['Food & drink provision & facilities']);
});

test('unanswered rows are skipped', () => {
  expect(readV6([{ 'FFT answer': 'Did not answer', 'Comment sentiment': '1' }])).toEqual([]);
});
