import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { loadApiConfig } from '../src/config.ts';

/** Every VARIABLE=value line of the shipped .env.example, as a deployment would copy it. */
function envExample(): Record<string, string> {
  const env: Record<string, string> = {};
  const text = readFileSync(resolve(import.meta.dirname, '../../../.env.example'), 'utf8');
  for (const line of text.split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) env[match[1]!] = match[2]!;
  }
  return env;
}

test('the api starts on .env.example exactly as shipped', () => {
  const env = envExample();
  expect(Object.keys(env).length).toBeGreaterThan(20);
  expect(() => loadApiConfig(env)).not.toThrow();
});
