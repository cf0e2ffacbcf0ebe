import { expect, test } from 'vitest';
import { ApiError } from './api-client.ts';
import { formErrorsOf } from './form-errors.ts';

test('a message for a field the form shows goes beside that field, with nothing above', () => {
  const error = new ApiError(400, 'validation_error', 'Check the request body: name: Give', {
    name: 'Give the source a name',
  });
  expect(formErrorsOf(error, ['name', 'url'])).toEqual({
    fields: { name: 'Give the source a name' },
    general: null,
  });
});

test('a field the form does not show is said above the buttons, without its field name', () => {
  const error = new ApiError(400, 'validation_error', 'Check the request body: kind: Pick one', {
    kind: 'Pick a kind of source',
    url: 'Enter a full web address',
  });
  expect(formErrorsOf(error, ['url'])).toEqual({
    fields: { url: 'Enter a full web address' },
    general: 'Pick a kind of source',
  });
});

test('a refusal without fields keeps its own plain message', () => {
  const error = new ApiError(409, 'last_admin', 'Keep at least one enabled admin');
  expect(formErrorsOf(error, ['roles'])).toEqual({
    fields: {},
    general: 'Keep at least one enabled admin',
  });
});

test('no error gives no messages, and an unexpected error gives a sentence, not its text', () => {
  expect(formErrorsOf(null, ['name'])).toEqual({ fields: {}, general: null });
  expect(formErrorsOf(new TypeError('x is undefined'), ['name']).general).toBe(
    'Something went wrong. Try again in a moment.',
  );
});
