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

test('an NHS number written with dots, slashes or full-width digits is redacted', () => {
  expect(redactPii('NHS 943.476.5919 thanks').redacted).toBe('NHS [NHS number] thanks');
  expect(redactPii('NHS 943/476/5919').redacted).toBe('NHS [NHS number]');
  expect(redactPii('番号 ９４３ ４７６ ５９１９ です').redacted).toBe('番号 [NHS number] です');
  expect(redactPii('９４３．４７６．５９１９').found.map((f) => f.kind)).toEqual(['nhsNumber']);
});

test('full-width text with nothing to redact is returned exactly as written', () => {
  expect(redactPii('待ち時間 ３ 時間').redacted).toBe('待ち時間 ３ 時間');
});

test('hospital numbers in the formats a trust configures are redacted, and only those', () => {
  const options = { hospitalNumbers: ['RXN#######', '@@######'] };
  expect(redactPii('my number is RXN1234567, ward 12', options).redacted).toBe(
    'my number is [hospital number], ward 12',
  );
  expect(redactPii('ref ab123456 and rxn7654321', options).found.map((f) => f.kind)).toEqual([
    'hospitalNumber',
    'hospitalNumber',
  ]);
  // Part of a longer code, or without the trust's formats configured: left alone.
  expect(redactPii('XRXN1234567 and AB1234567', options).found).toEqual([]);
  expect(redactPii('my number is RXN1234567').found).toEqual([]);
});

test('a hospital-number mask that would match almost anything is refused', () => {
  expect(() => redactPii('x1', { hospitalNumbers: ['###'] })).toThrow(/6-40 characters/);
  expect(() => redactPii('x1', { hospitalNumbers: ['ABCDEFG'] })).toThrow(/including # or @/);
});
