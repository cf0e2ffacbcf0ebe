import { expect, test } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.ts';

test('quoted fields keep commas, doubled quotes and line breaks', () => {
  expect(parseCsv('a,"b, ""c""\nd"\r\ne,f\n')).toEqual([
    ['a', 'b, "c"\nd'],
    ['e', 'f'],
  ]);
});

test('records are keyed by the header row', () => {
  expect(parseCsvRecords('\uFEFFx,y\n1,2\n')).toEqual([{ x: '1', y: '2' }]);
});
