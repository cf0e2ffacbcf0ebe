import { expect, test } from 'vitest';
import { pageFor } from './router.ts';

test('paths map to their pages, trailing slashes ignored, anything else is not found', () => {
  expect(pageFor('/')).toBe('inbox');
  expect(pageFor('/sources')).toBe('sources');
  expect(pageFor('/sources/')).toBe('sources');
  expect(pageFor('/admin/users')).toBe('users');
  expect(pageFor('/admin/audit/')).toBe('audit');
  expect(pageFor('/reports')).toBe('barometer');
  expect(pageFor('/nope')).toBe('not-found');
});
