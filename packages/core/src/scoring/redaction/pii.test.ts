import { expect, test } from 'vitest';
import { redactPii } from './pii.ts';

test('an NHS number with a valid check digit is redacted however it is spaced', () => {
  expect(redactPii('my NHS no is 943 476 5919 ok').redacted).toBe('my NHS no is [NHS number] ok');
  expect(redactPii('943-476-5919').redacted).toBe('[NHS number]');
  expect(redactPii('9434765919').found[0]?.kind).toBe('nhsNumber');
});

test('ten digits with a bad check digit are not an NHS number', () => {
  const r = redactPii('ref 9434765918');
  expect(r.found.filter((f) => f.kind === 'nhsNumber')).toEqual([]);
});

test('UK phone numbers in common formats are redacted', () => {
  expect(redactPii('call 07700 900123').redacted).toBe('call [phone]');
  expect(redactPii('ring +44 7700 900123 or (0113) 496 0000').redacted).toBe(
    'ring [phone] or [phone]',
  );
});

test('e-mail, postcode, date of birth and street address are redacted', () => {
  const r = redactPii('Email jo.bloggs@example.com, DOB 12/03/1954, 14 Acacia Avenue, NE1 4LP');
  expect(r.redacted).toBe('Email [email], [date of birth], [address], [postcode]');
});

test('times, counts and ward names are not mistaken for PII', () => {
  expect(redactPii('Ward A1 2PM, waited 14 hours, 999 call, 2 Nurses').found).toEqual([]);
});

test('postcodes in lower case and hyphenated phone numbers are redacted', () => {
  expect(redactPii('send it to ne1 4lp').redacted).toBe('send it to [postcode]');
  expect(redactPii('call 07700-900-123').redacted).toBe('call [phone]');
});

test('only the NHS number whose check digit holds is redacted', () => {
  expect(redactPii('943 476 5919 and 943 476 5918').redacted).toBe('[NHS number] and 943 476 5918');
});
