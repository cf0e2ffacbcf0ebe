import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createSecretBox, SecretBoxError } from './secret-box.ts';

const key = () => randomBytes(32).toString('base64');

describe('secret box', () => {
  test('a sealed secret opens with the same key and row, and the text is not in the sealed form', () => {
    const box = createSecretBox(key());
    const sealed = box.seal('handle:app-pass-word', 'source:7');
    expect(sealed).not.toContain('app-pass');
    expect(box.open(sealed, 'source:7')).toBe('handle:app-pass-word');
  });

  test('two seals of the same secret differ (fresh nonce)', () => {
    const box = createSecretBox(key());
    expect(box.seal('t', 'source:1')).not.toBe(box.seal('t', 'source:1'));
  });

  test('another row, another key or a flipped byte cannot open it', () => {
    const k = key();
    const sealed = createSecretBox(k).seal('token', 'source:1');
    expect(() => createSecretBox(k).open(sealed, 'source:2')).toThrow(SecretBoxError);
    expect(() => createSecretBox(key()).open(sealed, 'source:1')).toThrow(SecretBoxError);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64');
    expect(() => createSecretBox(k).open(parts.join(':'), 'source:1')).toThrow(SecretBoxError);
  });

  test('a key of the wrong length is refused', () => {
    expect(() => createSecretBox(randomBytes(16).toString('base64'))).toThrow(SecretBoxError);
  });
});
