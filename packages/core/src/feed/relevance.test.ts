import { describe, expect, test } from 'vitest';
import { TrustProfile } from '../trust-profile.ts';
import {
  compileTrustMatcher,
  foldForMatching,
  mentionMatchText,
  mentionsTrust,
} from './relevance.ts';

const profile = TrustProfile.parse({
  name: 'Northfield Hospitals NHS Foundation Trust',
  aliases: ['Northfield General', 'NHFT'],
  handles: ['@NorthfieldNHS', 'northfieldhospitals.bsky.social'],
  hashtags: ['#NorthfieldHospital'],
  sites: ['northfield.nhs.uk'],
});

describe('mentionsTrust', () => {
  test.each([
    'Long wait at Northfield General last night',
    'NORTHFIELD GENERAL a&e is packed',
    "northfield-general's car park",
    'Thanks @NorthfieldNHS for the care',
    'Loved the staff #NorthfieldHospital',
    'Read https://www.northfield.nhs.uk/news/123',
    'North\u200Bfield Gene\u00ADral was great',
    'Ｎｏｒｔｈｆｉｅｌｄ Ｇｅｎｅｒａｌ (full-width)',
    'nhft board meeting',
    'Northfield\u202E General',
  ])('matches: %s', (text) => {
    expect(mentionsTrust(text, profile)).toBe(true);
  });

  test.each([
    'Northfields General Store opening',
    'Generally northfield is quiet',
    'nhftx is something else',
    'northfield.nhs.ukx',
    '',
  ])('does not match: %s', (text) => {
    expect(mentionsTrust(text, profile)).toBe(false);
  });

  test('the match text covers title, body, link and author', () => {
    const text = mentionMatchText({
      title: null,
      text: 'great care',
      url: 'https://northfield.nhs.uk/a',
      author: null,
    });
    expect(mentionsTrust(text, profile)).toBe(true);
  });

  test('folding removes marks and invisible characters', () => {
    expect(foldForMatching('Café\u200B–Zoë!')).toBe(' cafe zoe ');
    expect(compileTrustMatcher(profile).terms).toContain('northfieldnhs');
  });
});

describe('the ASCII pre-check', () => {
  const matcher = compileTrustMatcher(
    TrustProfile.parse({
      name: 'Northfield General',
      handles: ['@NorthfieldNHS'],
      sites: ['northfield-nhs.example'],
    }),
  );

  test('shouting, punctuation and hyphens still match on the fast path', () => {
    expect(matcher.matches('NORTHFIELD-GENERAL!!! again')).toBe(true);
    expect(matcher.matches('see https://www.northfield-nhs.example/x')).toBe(true);
    expect(matcher.matches('thanks @NorthfieldNHS')).toBe(true);
  });

  test('text without any first word of a term is dropped, and non-ASCII text takes the full fold', () => {
    expect(matcher.matches('my cat is asleep')).toBe(false);
    expect(matcher.matches('Ｎｏｒｔｈｆｉｅｌｄ General')).toBe(true);
  });
});
