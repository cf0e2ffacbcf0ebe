import { describe, expect, test } from 'vitest';
import {
  compileAddressRule,
  isAllowedAddress,
  isPublicAddress,
  literalAddress,
} from './address-guard.ts';

describe('isPublicAddress', () => {
  test.each([
    '127.0.0.1',
    '127.255.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '240.0.0.1',
    '255.255.255.255',
    '192.0.2.1',
    '198.18.0.1',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '::127.0.0.1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    '2001::1',
    '2001:db8::1',
    '[::1]',
    'not-an-ip',
  ])('%s is refused', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  test.each(['8.8.8.8', '1.1.1.1', '81.2.69.160', '2606:4700:4700::1111', '2a00:1450::1'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('literalAddress', () => {
  test.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[::127.0.0.1]/', '::7f00:1'],
  ])('%s is the literal %s, which is refused', (url, expected) => {
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = literalAddress(host);
    expect(literal).toBe(expected);
    expect(isPublicAddress(literal!)).toBe(false);
  });

  test('hostnames are not literals', () => {
    expect(literalAddress('example.org')).toBeNull();
  });
});

describe('operator exceptions', () => {
  test('an allowed CIDR lets exactly that range through', () => {
    const rule = compileAddressRule(false, ['10.20.0.0/16', '127.0.0.2']);
    expect(isAllowedAddress('10.20.3.4', rule)).toBe(true);
    expect(isAllowedAddress('127.0.0.2', rule)).toBe(true);
    expect(isAllowedAddress('::ffff:127.0.0.2', rule)).toBe(true);
    expect(isAllowedAddress('127.0.0.1', rule)).toBe(false);
    expect(isAllowedAddress('10.21.0.1', rule)).toBe(false);
  });

  test('allowPrivate lets every valid address through', () => {
    expect(isAllowedAddress('127.0.0.1', compileAddressRule(true))).toBe(true);
  });
});
