import { expect, test } from 'vitest';
import { findRisks } from './flags.ts';

const raised = (text: string) => findRisks(text).safeguarding.length > 0;

test('an adult contacting a child online, or a child named as a child, is safeguarding', () => {
  for (const text of [
    'A porter from the children’s ward keeps sending my 14-year-old son messages on Snapchat',
    'One of the healthcare assistants added our daughter on TikTok after her op and DMs her at night',
    'He has been texting my 13 year old niece since her appendix op',
    "She's only 14 and he asked her to send photos",
  ]) {
    expect(raised(text.replace('’', "'")), text).toBe(true);
  }
});

test('rough handling seen by a witness, and being told to stay quiet, are safeguarding', () => {
  for (const text of [
    'The man in the next cubicle yanked his little girl by the arm until she cried',
    'A visitor grabbed her son’s wrist really hard in the lift'.replace('’', "'"),
    'The carer told my grandma not to tell anyone about what happened at night',
    'She came home with fingertip bruises on her arms and is too scared to say who did it',
  ]) {
    expect(raised(text), text).toBe(true);
  }
});

test('one person speaking for another, or sedation to make someone manageable, is safeguarding', () => {
  for (const text of [
    'Her husband answered everything for her and would not let her speak to the midwife',
    'The home keeps drugging my aunt to keep her quiet',
    'They sedated him at night so he would be easier to handle on the ward',
  ]) {
    expect(raised(text), text).toBe(true);
  }
});

test('quieter signs of suicidal intent are safeguarding', () => {
  for (const text of [
    "honestly can't see the point in going on any more",
    "i can't trust myself around my tablets tonight",
    'Just said my goodbyes. Thanks for nothing',
    'Discharged from the crisis assessment unit after midnight with nowhere to go',
  ]) {
    expect(raised(text), text).toBe(true);
  }
});

test('ordinary contact, opinions and unease about a bill are not safeguarding', () => {
  for (const text of [
    'The nurse texted my son to say his results were back',
    "I don't see the point of the new one-way system in the car park",
    'She said something did not feel right about the parking charge',
    'Thank you to the ward for messaging my daughter about her appointment time',
  ]) {
    expect(raised(text), text).toBe(false);
  }
});
