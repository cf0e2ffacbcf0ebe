import { describe, expect, test } from 'vitest';
import { countTerms, emergingTerms, termsOf, trustWords } from './emerging-terms.ts';

const trust = trustWords({
  name: 'Northfield General Hospital',
  aliases: ['Northfield NHS Trust'],
  handles: ['@NorthfieldNHS'],
  hashtags: ['#NorthfieldGeneral'],
});

const everyday = [
  'Long wait in A&E at Northfield General tonight',
  'Parking at Northfield is expensive',
  'Lovely midwife on the maternity unit, thank you Northfield',
  'Waiting for test results from the clinic for weeks',
  'The food on the ward was cold again',
  'Appointment cancelled at short notice, so frustrating',
  'Staff in outpatients were kind and quick',
  'Discharge took all day, waiting for pharmacy',
];

function docs(texts: string[], prefix: string, negative = false) {
  return texts.map((text, i) => ({ author: `${prefix}-${i}`, text, negative }));
}

describe('terms of a text', () => {
  test('keeps content words and two-word phrases, without stop words, numbers or the trust', () => {
    const terms = termsOf(
      'Norovirus outbreak closes Ward 12 at Northfield General Hospital',
      trust,
    );
    expect(terms).toEqual(
      expect.arrayContaining(['norovirus', 'outbreak', 'closes', 'ward', 'norovirus outbreak']),
    );
    for (const t of terms) expect(t).not.toMatch(/northfield|general|hospital|12/);
    expect(terms).not.toContain('at');
  });

  test("the trust's handle and hashtag are excluded too", () => {
    expect(termsOf('@NorthfieldNHS #NorthfieldGeneral strike', trust)).toEqual(['strike']);
  });
});

describe('emerging terms', () => {
  // Two weeks of everyday posts as background; then six hours in which norovirus appears.
  const background = countTerms(
    Array.from({ length: 20 }, (_, day) => docs(everyday, `bg${day}`)).flat(),
    trust,
  );

  test('a word suddenly used by many people emerges, with its phrase preferred', () => {
    const recent = countTerms(
      [
        ...docs(everyday, 'now'),
        ...docs(
          [
            'Norovirus outbreak on ward 7, visiting stopped',
            'ward closed with norovirus outbreak',
            'Norovirus outbreak at Northfield, stay away if unwell',
            'Heard there is a norovirus outbreak at the hospital',
            'norovirus outbreak again, wards closed',
            'Visiting cancelled: norovirus outbreak',
            'Is the norovirus outbreak over yet?',
          ],
          'noro',
          true,
        ),
      ],
      trust,
    );
    const found = emergingTerms(recent, background);
    expect(found[0]).toMatchObject({
      term: 'norovirus outbreak',
      authors: 7,
      negativeRising: true,
    });
    expect(found.map((t) => t.term)).not.toContain('norovirus');
    expect(found.map((t) => t.term)).not.toContain('outbreak');
  });

  test('words as common as usual do not emerge, however many people use them', () => {
    const recent = countTerms(
      Array.from({ length: 3 }, (_, k) => docs(everyday, `busy${k}`)).flat(),
      trust,
    );
    expect(emergingTerms(recent, background)).toEqual([]);
  });

  test('one account repeating a word is one voice', () => {
    const recent = countTerms(
      Array.from({ length: 10 }, () => ({
        author: 'spammer',
        text: 'strike strike',
        negative: true,
      })),
      trust,
    );
    expect(recent.terms.get('strike')?.authors).toBe(1);
    expect(emergingTerms(recent, background)).toEqual([]);
  });
});
