import { describe, expect, test } from 'vitest';
import { scoreMention } from '../score-mention.ts';
import { NEGATION_PAIRS, runMetamorphic, TEMPLATES, variants } from './metamorphic.ts';

const label = (text: string) => scoreMention({ text }).sentiment.label;
const result = runMetamorphic(label);

describe('metamorphic checks of the scorer', () => {
  test('every template expands to variants with each slot swapped', () => {
    for (const t of TEMPLATES) expect(variants(t.text).length).toBeGreaterThanOrEqual(5);
  });

  test('swapping the trust, site, ward or topic noun never flips a label', () => {
    expect(result.flips).toEqual([]);
  });

  test('each template reads as the label it was written with', () => {
    for (const t of TEMPLATES) expect(label(variants(t.text)[0]!), t.text).toBe(t.label);
  });

  test('adding thanks to a complaint does not make it praise', () => {
    expect(result.thanksBecamePraise).toEqual([]);
  });

  test('negating the verdict flips it', () => {
    for (const p of NEGATION_PAIRS) expect(label(p.text), p.text).toBe(p.label);
    expect(result.negationHeld).toEqual([]);
  });
});
