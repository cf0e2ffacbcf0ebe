import { describe, expect, test } from 'vitest';
import { loggableUrl } from './logger.ts';

describe('a URL in the logs', () => {
  test('never carries a one-time token or what an identity provider sends back', () => {
    expect(loggableUrl('/api/invitations/AbC123_-xyz')).toBe('/api/invitations/[token]');
    expect(loggableUrl('/api/auth/oidc/callback?code=secret&state=abc&iss=x')).toBe(
      '/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=x',
    );
    expect(loggableUrl('/api/mentions?limit=50')).toBe('/api/mentions?limit=50');
  });
});
