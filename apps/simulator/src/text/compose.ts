import type { Random } from '../random.ts';
import type { Content, FeedStyle } from '../scenario/schema.ts';
import { deriveTitle, renderMarkup } from './markup.ts';

export type Composed = {
  pool: string;
  mentionsTrust: boolean;
  title: string;
  text: string;
  html: string;
  author: string;
};

/** Fills one template from a pool: every slot gets a fresh random value, drawn in order. */
export function composeItem(
  content: Content,
  pool: string,
  style: FeedStyle,
  random: Random,
  options: { tagBase?: string } = {},
): Composed {
  const source = content.pools[pool];
  if (!source) throw new Error(`unknown pool "${pool}"`);
  const template = random.pick(source.items);
  const fill = (value: string) =>
    value.replace(/\{([a-z]+)\}/g, (_, slot: string) => slotValue(slot, content, random));
  const body = renderMarkup(fill(template.text), options);
  const title = template.title ? renderMarkup(fill(template.title)).text : deriveTitle(body.text);
  return {
    pool,
    mentionsTrust: source.mentionsTrust,
    title,
    ...body,
    author: authorFor(style, content, random),
  };
}

function slotValue(slot: string, content: Content, random: Random): string {
  const { trust, people } = content;
  switch (slot) {
    case 'trust':
      return trust.name;
    case 'alias':
      return random.pick(trust.aliases);
    case 'hospital':
      return random.pick(trust.hospitals);
    case 'handle':
      return random.pick(trust.handles);
    case 'hashtag':
      return random.pick(trust.hashtags);
    case 'site':
      return `https://${trust.site}`;
    case 'ward':
      return random.pick(trust.services);
    case 'first':
      return random.pick(people.firstNames);
    case 'surname':
      return random.pick(people.surnames);
    case 'place':
      return random.pick(people.places);
    // Ofcom reserves 07700 900000-900999 for drama, and NHS test numbers start with 999.
    case 'phone':
      return `07700 900${String(random.int(1000)).padStart(3, '0')}`;
    case 'nhsno':
      return testNhsNumber(random.int(1_000_000));
    case 'n':
      return String(random.between(2, 9));
    case 'hours':
      return String(random.between(3, 14));
    case 'weeks':
      return String(random.between(2, 30));
    default:
      throw new Error(`unknown slot {${slot}}`);
  }
}

export function authorFor(style: FeedStyle, content: Content, random: Random): string {
  const first = random.pick(content.people.firstNames);
  const surname = random.pick(content.people.surnames);
  switch (style) {
    case 'social':
      return `@${first.toLowerCase()}${surname.slice(0, 1).toLowerCase()}${random.between(1, 99)}`;
    case 'blog':
      return `${content.trust.aliases[0]} Communications Team`;
    case 'comments':
      return random.next() < 0.5 ? first : `${first} ${surname.slice(0, 1)}.`;
    default:
      return `${first} ${surname}`;
  }
}

/** Whether text names the trust the way a relevance filter would look for it. */
export function mentionsTrust(content: Content, text: string): boolean {
  const { trust } = content;
  const needles = [trust.name, ...trust.aliases, ...trust.handles, ...trust.hashtags, trust.site];
  const haystack = text.toLowerCase();
  return needles.some((needle) => haystack.includes(needle.toLowerCase()));
}

/**
 * A 999-prefixed NHS test number whose modulus-11 check digit holds, as a real one's does: the
 * redactor rightly ignores ten digits that fail the check, so an invalid one would not be PII.
 */
export function testNhsNumber(seed: number): string {
  for (let n = seed; ; n = (n + 1) % 1_000_000) {
    const digits = `999${String(n).padStart(6, '0')}`.split('').map(Number);
    const sum = digits.reduce((total, d, i) => total + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue; // no valid check digit for this stem
    const all = `${digits.join('')}${check === 11 ? 0 : check}`;
    return `${all.slice(0, 3)} ${all.slice(3, 6)} ${all.slice(6)}`;
  }
}
