// Metamorphic checks: changes to a mention that must not change (or must change) its label.
// Swapping the trust's name, a site, a ward or a topic noun never flips a label; adding thanks to
// a complaint does not make it praise; negating the verdict flips it.
import type { SentimentLabel } from '../../mention.ts';

const TRUSTS = ['Northfield', 'Ashby Vale', 'Riverside', 'Kingsmere', "St Brennan's"];
const SITES = ['General Hospital', 'Community Hospital', 'the Brookfield site', 'the Parkside hub'];
const WARDS = ['Ward 7', 'Ward 12', 'Ash ward', 'the Cedar unit'];
const TOPICS = [
  'dental',
  'physio',
  'eye clinic',
  'maternity',
  'cardiology',
  "children's",
  'fracture clinic',
];

/** Templates with {trust}, {site}, {ward} and {topic} slots, each with its expected label. */
export const TEMPLATES: readonly { text: string; label: SentimentLabel }[] = [
  {
    text: 'The {topic} team at {trust} {site} were brilliant with my mum, so kind.',
    label: 'positive',
  },
  {
    text: 'Huge thanks to the nurses on {ward} at {trust}, they made a scary week bearable.',
    label: 'positive',
  },
  {
    text: 'In and out of the {topic} appointment at {trust} {site} in twenty minutes. Really impressed.',
    label: 'positive',
  },
  {
    text: 'Waited five hours for a {topic} appointment at {trust} {site} and nobody explained why.',
    label: 'negative',
  },
  {
    text: 'My dad was left in pain on {ward} at {trust} all night, nobody came when he buzzed.',
    label: 'negative',
  },
  {
    text: 'Third cancelled {topic} appointment at {trust} this year. Fed up of being messed around.',
    label: 'negative',
  },
  {
    text: 'The {topic} service at {trust} {site} moves to the ground floor from Monday.',
    label: 'neutral',
  },
  {
    text: 'Does anyone know if the {topic} clinic at {trust} {site} is open on Saturdays?',
    label: 'neutral',
  },
  { text: '{trust} is recruiting nurses for {ward}, closing date Friday.', label: 'neutral' },
  { text: 'Visiting times on {ward} at {trust} {site} are now 11am to 8pm.', label: 'neutral' },
];

/** Every variant of a template: each slot's values in turn, the other slots at their first value. */
export function variants(template: string): string[] {
  const first = { trust: TRUSTS[0]!, site: SITES[0]!, ward: WARDS[0]!, topic: TOPICS[0]! };
  const fill = (v: typeof first) =>
    template
      .replaceAll('{trust}', v.trust)
      .replaceAll('{site}', v.site)
      .replaceAll('{ward}', v.ward)
      .replaceAll('{topic}', v.topic);
  const out = new Set<string>([fill(first)]);
  for (const trust of TRUSTS) out.add(fill({ ...first, trust }));
  for (const site of SITES) out.add(fill({ ...first, site }));
  for (const ward of WARDS) out.add(fill({ ...first, ward }));
  for (const topic of TOPICS) out.add(fill({ ...first, topic }));
  return [...out];
}

/** Complaints that stay complaints when the poster signs off with thanks. */
export const COMPLAINTS_WITH_THANKS: readonly string[] = [
  'Waited 9 hours in A&E with my son and nobody told us anything.',
  'My appointment was cancelled by text the night before, again.',
  'Rang the clinic 20 times today and nobody picked up.',
  'Mum was discharged at midnight with no way home.',
];
export const THANKS_ENDINGS: readonly string[] = [' Thanks.', ' Thanks a lot.', ' Thank you.'];

/** Verdicts and their negations: the label must not stay the same polarity. */
export const NEGATION_PAIRS: readonly { text: string; negated: string; label: SentimentLabel }[] = [
  { text: 'The nurses were helpful.', negated: 'The nurses were not helpful.', label: 'positive' },
  {
    text: 'The doctor was kind to my dad.',
    negated: 'The doctor was not kind to my dad.',
    label: 'positive',
  },
  {
    text: 'The ward was clean and calm.',
    negated: 'The ward was not clean and not calm.',
    label: 'positive',
  },
  {
    text: 'I am happy with the care my mum got.',
    negated: 'I am not happy with the care my mum got.',
    label: 'positive',
  },
  {
    text: 'Reception staff were rude to us.',
    negated: 'Reception staff were not rude to us.',
    label: 'negative',
  },
  { text: 'The food was awful.', negated: 'The food was not awful.', label: 'negative' },
];

export interface MetamorphicResult {
  /** Templates whose label changed between variants, with the labels seen. */
  flips: { template: string; labels: Record<string, string[]> }[];
  variantsChecked: number;
  /** Complaints that read as positive once thanks were added. */
  thanksBecamePraise: string[];
  thanksChecked: number;
  /** Negations that kept the original polarity. */
  negationHeld: string[];
  negationsChecked: number;
}

export function runMetamorphic(label: (text: string) => SentimentLabel): MetamorphicResult {
  const flips: MetamorphicResult['flips'] = [];
  let variantsChecked = 0;
  for (const t of TEMPLATES) {
    const labels: Record<string, string[]> = {};
    for (const v of variants(t.text)) {
      const l = label(v);
      labels[l] = [...(labels[l] ?? []), v];
      variantsChecked++;
    }
    if (Object.keys(labels).length > 1) flips.push({ template: t.text, labels });
  }
  const thanksBecamePraise: string[] = [];
  let thanksChecked = 0;
  for (const c of COMPLAINTS_WITH_THANKS) {
    for (const ending of THANKS_ENDINGS) {
      thanksChecked++;
      if (label(c + ending) === 'positive') thanksBecamePraise.push(c + ending);
    }
  }
  const negationHeld = NEGATION_PAIRS.filter((p) => label(p.negated) === p.label).map(
    (p) => p.negated,
  );
  return {
    flips,
    variantsChecked,
    thanksBecamePraise,
    thanksChecked,
    negationHeld,
    negationsChecked: NEGATION_PAIRS.length,
  };
}
