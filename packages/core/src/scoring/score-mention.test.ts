import fc from 'fast-check';
import { expect, test } from 'vitest';
import { SCORER_VERSION, scoreMention } from './score-mention.ts';

const label = (text: string) => scoreMention({ text }).sentiment.label;

test('service-failure phrases and improvement requests read as negative', () => {
  expect(label('Waited 14 hours in a corridor, no beds')).toBe('negative');
  expect(label('Could be better')).toBe('negative');
  expect(label('Need more help on the ward at night')).toBe('negative');
});

test('praise around a failure is read as sarcasm', () => {
  const s = scoreMention({ text: 'Great, another 9 hour wait. Love it.' });
  expect(s.sentiment.label).toBe('negative');
  expect(s.explanation.some((e) => e.includes('sarcasm'))).toBe(true);
});

test('negation works with curly apostrophes', () => {
  expect(label('The nurses didn’t care at all')).toBe('negative');
});

test('"Nothing" answering what could be improved is positive, and praise is positive', () => {
  expect(label('Nothing.')).toBe('positive');
  expect(label('Staff were lovely and so kind, thank you')).toBe('positive');
});

test('a plain question is neutral', () => {
  expect(label('Does anyone know the visiting hours for Ward 7?')).toBe('neutral');
});

test('score, label and confidence agree and stay in range', () => {
  const s = scoreMention({ title: 'Awful', text: 'Rude staff, dirty ward' });
  expect(s.sentiment.score).toBeGreaterThanOrEqual(-1);
  expect(s.sentiment.score).toBeLessThan(0);
  expect(s.sentiment.confidence).toBeGreaterThan(0.33);
  expect(s.sentiment.confidence).toBeLessThanOrEqual(1);
  expect(s.version).toBe(SCORER_VERSION);
});

test('flags carry evidence and the redacted copy hides patient data', () => {
  const s = scoreMention({ text: 'I want to end it all. NHS no 943 476 5919, call 07700 900123' });
  expect(s.flags).toMatchObject({ safeguarding: true, urgent: true, pii: true });
  expect(s.flagEvidence.safeguarding?.[0]).toContain('end it all');
  expect(s.redacted).toBe('I want to end it all. NHS no [NHS number], call [phone]');
});

test('topics come from the framework, the trust taxonomy and hashtags', () => {
  const s = scoreMention(
    { text: 'Parking at the Maple Unit is a nightmare #NorthfieldGeneral' },
    { taxonomy: { 'Maple Unit': ['maple unit'] } },
  );
  expect(s.topics).toEqual(expect.arrayContaining(['Parking', 'Maple Unit', '#NorthfieldGeneral']));
  expect(s.flagEvidence['topic:Maple Unit']).toEqual(['"maple unit"']);
});

test('any text at all gets a well-formed score and never throws', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.option(fc.string()),
      (text, title) => {
        const s = scoreMention({ text, title });
        expect(s.sentiment.score).toBeGreaterThanOrEqual(-1);
        expect(s.sentiment.score).toBeLessThanOrEqual(1);
        expect(s.sentiment.confidence).toBeGreaterThanOrEqual(0.33);
        expect(s.sentiment.confidence).toBeLessThanOrEqual(1);
        expect(['negative', 'neutral', 'positive']).toContain(s.sentiment.label);
        expect(s.flags.urgent).toBe(
          s.flags.urgent && (s.flags.safeguarding || s.flags.patientSafety || s.flags.complaint),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('a valid NHS number never survives redaction, however it is spaced', () => {
  const valid = ['9434765919', '4010232137', '9458073022'];
  fc.assert(
    fc.property(
      fc.constantFrom(...valid),
      fc.array(fc.constantFrom('', ' ', '-'), { minLength: 9, maxLength: 9 }),
      fc.string({ maxLength: 40 }).filter((s) => !/\d/.test(s)),
      (digits, seps, around) => {
        const spaced = [...digits].map((d, i) => d + (i < 9 ? seps[i] : '')).join('');
        const s = scoreMention({ text: `${around} ${spaced} ${around}` });
        expect(s.flags.pii).toBe(true);
        expect(s.redacted.replace(/\D/g, '')).not.toContain(digits);
      },
    ),
    { numRuns: 200 },
  );
});

test('thanks for getting someone through a bad time read as praise, not a complaint', () => {
  const s = scoreMention({
    text: 'Thank you to the district nurses for never giving up on my dad. A year ago he could not get out of bed.',
  });
  expect(s.sentiment.label).toBe('positive');
  expect(s.flags.complaint).toBe(false);
});

test('a question asking for information is neutral and not a complaint', () => {
  const s = scoreMention({
    text: 'Do you have to book for bloods at the outpatients centre or can you just turn up? Asking for my neighbour.',
  });
  expect(s.sentiment.label).toBe('neutral');
  expect(s.flags.complaint).toBe(false);
});

test('an adult messaging a child on social media is flagged and never read as good news', () => {
  const s = scoreMention({
    text: 'A man who works on the children’s ward has been sending my 14 year old son messages on Snapchat. He is a child.',
  });
  expect(s.flags.safeguarding).toBe(true);
  expect(s.flags.urgent).toBe(true);
  expect(s.sentiment.label).not.toBe('positive');
});

test('the trust announcing its own news is not a complaint', () => {
  const s = scoreMention({
    title: 'Our new discharge lounge is open',
    text: 'We are pleased to say our patients can now wait for their medicines in the new lounge by the main entrance.',
  });
  expect(s.flags.complaint).toBe(false);
});
