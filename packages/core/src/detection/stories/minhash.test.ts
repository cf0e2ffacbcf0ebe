import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bandKeys, estimatedJaccard, minhashSignature } from './minhash.ts';
import { shingleHashes, storyWords } from './shingles.ts';

const signatureOf = (text: string) => minhashSignature(shingleHashes(text));

function exactJaccard(a: Int32Array, b: Int32Array): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let both = 0;
  for (const x of sa) if (sb.has(x)) both++;
  return both / (sa.size + sb.size - both);
}

describe('normalised shingles', () => {
  test('case, punctuation, links, handles and a repost marker do not matter', () => {
    expect(
      storyWords('RT @NorthfieldNHS: Wrong medication on the DISCHARGE letter!! https://t.co/x'),
    ).toEqual(['northfieldnhs', 'wrong', 'medication', 'on', 'the', 'discharge', 'letter']);
    expect(shingleHashes('Wrong medication, again.')).toEqual(
      shingleHashes('wrong   medication again'),
    );
  });

  test('shingles are a set: sorted and without repeats', () => {
    const hashes = shingleHashes('ha ha ha ha ha ha ha ha');
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe('MinHash', () => {
  test('identical texts have identical signatures and share every band', () => {
    const a = signatureOf('Three hours waiting for a bed on ward 12');
    expect(estimatedJaccard(a, signatureOf('three hours waiting for a bed on Ward 12!'))).toBe(1);
    expect(bandKeys(a)).toEqual(bandKeys(signatureOf('Three hours waiting for a bed on ward 12')));
  });

  test('unrelated texts share almost nothing', () => {
    expect(
      estimatedJaccard(
        signatureOf('Parking at the hospital is a nightmare again'),
        signatureOf('The food on the children’s ward was lovely'),
      ),
    ).toBeLessThan(0.15);
  });

  test('the estimate stays close to the exact Jaccard similarity of the shingles', () => {
    const words = fc.constantFrom(
      'ward',
      'bed',
      'wait',
      'nurse',
      'parking',
      'letter',
      'wrong',
      'pharmacy',
      'clinic',
      'late',
      'cold',
      'rude',
      'kind',
      'doctor',
      'ambulance',
      'corridor',
    );
    const sentence = fc.array(words, { minLength: 6, maxLength: 20 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(sentence, sentence, (x, y) => {
        const sx = shingleHashes(x);
        const sy = shingleHashes(`${x} ${y}`);
        const exact = exactJaccard(sx, sy);
        const estimate = estimatedJaccard(minhashSignature(sx), minhashSignature(sy));
        // 64 hashes: the standard error is at most sqrt(0.25 / 64) = 0.0625; allow 4 of them.
        expect(Math.abs(estimate - exact)).toBeLessThan(0.25);
      }),
      { numRuns: 200 },
    );
  });
});
