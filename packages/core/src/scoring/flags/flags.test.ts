import { expect, test } from 'vitest';
import { computeFlags, type FlagInput } from './flags.ts';

const neutral: FlagInput = {
  text: '',
  score: 0,
  negative: false,
  failures: [],
  sarcasm: false,
  piiKinds: [],
};
const flagsOf = (text: string, extra: Partial<FlagInput> = {}) =>
  computeFlags({ ...neutral, text, ...extra });

test('suicidal intent, abuse, neglect and threats raise safeguarding with evidence', () => {
  for (const text of [
    'I just want to die, nobody listens',
    'my dad hits my mum when he drinks',
    'Nan was left in her own urine for hours',
    "I'm going to stab the next nurse who ignores me",
    'no food or water for two days on the ward',
  ]) {
    const r = flagsOf(text);
    expect(r.flags.safeguarding, text).toBe(true);
    expect(r.evidence.safeguarding?.length, text).toBeGreaterThan(0);
    expect(r.flags.urgent, text).toBe(true);
  }
});

test('common idioms do not raise safeguarding', () => {
  for (const text of [
    'this wait is killing me',
    'dying for a brew after that shift',
    'killing myself laughing at this',
    'NHS in crisis says report',
  ]) {
    expect(flagsOf(text).flags.safeguarding, text).toBe(false);
  }
});

test('a personal bad experience is a complaint, general bad news is not', () => {
  const r = flagsOf('my mum waited 9 hours', {
    negative: true,
    score: -0.6,
    failures: ['waited 9 hours'],
  });
  expect(r.flags.complaint).toBe(true);
  expect(
    flagsOf('NHS waiting lists hit record high', { negative: true, score: -0.5 }).flags.complaint,
  ).toBe(false);
});

test('a complaint that is going to the press is urgent', () => {
  const r = flagsOf('I am going to the press about how appallingly my dad was treated', {
    negative: true,
    score: -0.4,
    negativeWords: ['appallingly'],
  });
  expect(r.flags.urgent).toBe(true);
  expect(r.evidence.urgent?.[0]).toContain('escalating');
});

test('death, wrong medication and data breaches are patient safety', () => {
  expect(flagsOf('he died in the corridor').flags.patientSafety).toBe(true);
  expect(flagsOf('they gave her the wrong dose of insulin').flags.patientSafety).toBe(true);
  expect(flagsOf('my results were sent to the wrong address').flags.patientSafety).toBe(true);
  expect(flagsOf('the staff were dead friendly').flags.patientSafety).toBe(false);
});

test('a bare "you" is not someone telling their own bad experience', () => {
  const r = flagsOf('can you get a bus to the hospital from the station on sundays', {
    negative: true,
    score: -0.5,
  });
  expect(r.flags.complaint).toBe(false);
});

test('a question asking for information is not a complaint unless it names a failure', () => {
  const base = { negative: true, score: -0.5, asking: true };
  expect(flagsOf('is the blood clinic walk-in? my dad has no car', base).flags.complaint).toBe(
    false,
  );
  expect(
    flagsOf('why has my dad waited 9 hours?', { ...base, failures: ['waited 9 hours'] }).flags
      .complaint,
  ).toBe(true);
});

test('the trust speaking about its own services is not a complaint', () => {
  const r = flagsOf('we are sorry that our patients waited so long this week', {
    negative: true,
    score: -0.6,
  });
  expect(r.flags.complaint).toBe(false);
});

test("a complaint's evidence names the failure, never a pronoun", () => {
  const r = flagsOf('my dad was left on a trolley for 14 hours', {
    negative: true,
    score: -0.7,
    failures: ['on a trolley for 14 hours'],
  });
  expect(r.evidence.complaint).toEqual(['"on a trolley for 14 hours"']);
  const vague = flagsOf('my dad was in yesterday', { negative: true, score: -0.3 });
  expect(vague.flags.complaint).toBe(false);
});

test('look-alikes (training days, awareness weeks, helplines) raise no safeguarding or safety flag', () => {
  for (const text of [
    'Safeguarding training for new starters is now online.',
    'Today we launch a new suicide prevention helpline, open 24 hours.',
    'Overdose awareness day event in the town square with free naloxone training.',
  ]) {
    const r = flagsOf(text);
    expect(r.flags.safeguarding || r.flags.patientSafety, text).toBe(false);
  }
  expect(flagsOf('I took an overdose last night').flags.safeguarding).toBe(true);
});

test('a sign of deterioration raises patient safety when the patient is left waiting, not in a story of good care', () => {
  expect(
    flagsOf('Been in A&E 4 hours with my 3 year old, she is floppy and can hardly breathe').flags
      .patientSafety,
  ).toBe(true);
  expect(
    flagsOf('Dad had chest pain and the ambulance came in minutes, the crew were brilliant').flags
      .patientSafety,
  ).toBe(false);
});

test('fire, a threat to life and exposed records raise patient safety and urgent', () => {
  for (const text of [
    "There's smoke coming from the ceiling on ward 4 and no one is moving patients",
    'the crossing outside is lethal, someone will be killed',
    "A nurse put photos of my mum's medical records on her TikTok",
  ]) {
    const r = flagsOf(text);
    expect(r.flags.patientSafety, text).toBe(true);
    expect(r.flags.urgent, text).toBe(true);
  }
});
