import { mix32 } from './shingles.ts';

// MinHash (Broder 1997) estimates the Jaccard similarity of two shingle sets from fixed-size
// signatures; banding the signature (LSH) finds candidate pairs without comparing every pair.
// 16 bands of 4 rows make pairs at Jaccard 0.5 candidates with probability 0.64 and at 0.7
// with 0.98, while pairs below 0.2 almost never are.

export const SIGNATURE_SIZE = 64;
export const BANDS = 16;
export const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS;

// Fixed odd multipliers and offsets: signatures are comparable across runs and processes.
const MULTIPLIERS = Int32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(i * 2 + 1) | 1);
const OFFSETS = Int32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 ^ i) | 0);

export function minhashSignature(shingles: Int32Array): Int32Array {
  const signature = new Int32Array(SIGNATURE_SIZE);
  const n = shingles.length;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const a = MULTIPLIERS[i]!;
    const b = OFFSETS[i]!;
    let min = 0x7fffffff;
    // A multiply-add with an odd multiplier permutes the 32-bit (already mixed) shingle hash;
    // int32 arithmetic throughout keeps the loop free of floating point.
    for (let s = 0; s < n; s++) {
      const h = (Math.imul(a, shingles[s]!) + b) | 0;
      if (h < min) min = h;
    }
    signature[i] = min;
  }
  return signature;
}

/** The share of equal positions: an unbiased estimate of the Jaccard similarity. */
export function estimatedJaccard(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** One key per band: signatures sharing any band key are candidate near-duplicates. */
export function bandKeys(signature: Int32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      h = mix32(h ^ signature[b * ROWS_PER_BAND + r]!);
    }
    keys.push(`${b}:${h.toString(36)}`);
  }
  return keys;
}
