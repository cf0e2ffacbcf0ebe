// `npm run eval:simulator`: a blind check of the scorer on posts it was not written against.
// Another engineer wrote the demo simulator's post templates
// (apps/simulator/scenarios/content/northfield.json); each template is filled with fixed,
// plausible values and scored, and each pool has an expectation:
//   praise -> positive; complaint -> negative and a complaint flag; question -> neutral and no
//   complaint; sarcasm -> negative; safeguarding -> the safeguarding flag; pii -> the pii flag
//   and every identifier redacted; news, blog -> no complaint flag (sentiment listed).
// The comment and local pools have no single expectation (comments mix praise and requests;
// relevance is not the scorer's job) and are skipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { type MentionScore, SCORER_VERSION, scoreMention } from '../src/scoring/score-mention.ts';
import { REPO_ROOT } from './fft-files.ts';

const CONTENT_PATH = 'apps/simulator/scenarios/content/northfield.json';

const Content = z.object({
  trust: z.object({
    name: z.string(),
    aliases: z.array(z.string()).min(1),
    hospitals: z.array(z.string()).min(1),
    handles: z.array(z.string()).min(1),
    hashtags: z.array(z.string()).min(1),
    site: z.string(),
  }),
  pools: z.record(
    z.string(),
    z.object({
      items: z.array(z.object({ title: z.string().optional(), text: z.string() })),
    }),
  ),
});
type Content = z.infer<typeof Content>;

// Fixed values; the NHS number is a 999 test number whose check digit holds (the redactor
// rightly ignores ten-digit runs that cannot be NHS numbers).
const FIXED = {
  first: 'Priya',
  surname: 'Walker',
  place: 'Kettle Green',
  phone: '07700 900123',
  nhsno: '999 123 0017',
  n: '4',
  hours: '9',
  weeks: '12',
} as const;

/** Values that must not survive redaction, found independently of the redactor. */
const MUST_REDACT = [
  new RegExp(FIXED.phone),
  new RegExp(FIXED.nhsno),
  /[\w.]+@[\w.]+\.\w+/,
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b/,
  /\b\d{1,3} [A-Z][a-z]+ (?:Close|Lane|Road|Street)\b/,
];

function fill(template: string, content: Content, i: number): string {
  const { trust } = content;
  const pick = (list: string[]) => list[i % list.length]!;
  const values: Record<string, string> = {
    ...FIXED,
    trust: trust.name,
    alias: pick(trust.aliases),
    hospital: pick(trust.hospitals),
    handle: pick(trust.handles),
    hashtag: pick(trust.hashtags),
    site: `https://${trust.site}`,
  };
  return template
    .replace(/\{([a-z]+)\}/g, (_, slot: string) => {
      const value = values[slot];
      if (value === undefined) throw new Error(`unknown slot {${slot}}`);
      return value;
    })
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1');
}

type Check = (s: MentionScore, text: string) => boolean;

const EXPECTATIONS: Record<string, { expect: string; check: Check }> = {
  praise: { expect: 'positive', check: (s) => s.sentiment.label === 'positive' },
  complaint: {
    expect: 'negative + complaint',
    check: (s) => s.sentiment.label === 'negative' && s.flags.complaint,
  },
  question: {
    expect: 'neutral, no complaint',
    check: (s) => s.sentiment.label === 'neutral' && !s.flags.complaint,
  },
  sarcasm: { expect: 'negative', check: (s) => s.sentiment.label === 'negative' },
  safeguarding: { expect: 'safeguarding flag', check: (s) => s.flags.safeguarding },
  pii: {
    expect: 'pii flag, fully redacted',
    check: (s, text) =>
      s.flags.pii &&
      MUST_REDACT.every((re) => {
        const m = re.exec(text);
        return m === null || !s.redacted.includes(m[0]);
      }),
  },
  news: { expect: 'no complaint', check: (s) => !s.flags.complaint },
  blog: { expect: 'no complaint', check: (s) => !s.flags.complaint },
};

function describe(s: MentionScore): string {
  const flags = Object.entries(s.flags)
    .filter(([, on]) => on)
    .map(([flag]) => `${flag} ${JSON.stringify(s.flagEvidence[flag] ?? [])}`);
  const model = s.explanation.find((e) => e.startsWith('model:')) ?? '';
  return `${s.sentiment.label} ${s.sentiment.confidence}; flags: ${flags.join('; ') || 'none'}; ${model}`;
}

/** Prints per-pool accuracy, every miss, and the news/blog sentiment for reading. */
export function evaluateSimulator(): void {
  const content = Content.parse(
    JSON.parse(readFileSync(path.join(REPO_ROOT, CONTENT_PATH), 'utf8')),
  );
  console.log(
    `\n== (c) blind check on the simulator's posts (${CONTENT_PATH}), scorer ${SCORER_VERSION}`,
  );
  console.log(`pool          expected                    correct  accuracy`);
  const misses: string[] = [];
  const sentiments: string[] = [];
  let total = 0;
  let correct = 0;
  for (const [pool, { expect, check }] of Object.entries(EXPECTATIONS)) {
    const items = content.pools[pool]?.items ?? [];
    let ok = 0;
    items.forEach((item, i) => {
      const text = fill(item.text, content, i);
      const title = item.title === undefined ? undefined : fill(item.title, content, i);
      const s = scoreMention({ title, text });
      const pass = check(s, text);
      if (pass) ok++;
      else
        misses.push(
          `   ${pool}: ${title ? `${title}. ` : ''}${text.replace(/\s+/g, ' ')}\n      -> ${describe(s)}`,
        );
      if (pool === 'news' || pool === 'blog') {
        sentiments.push(`   ${pool} ${s.sentiment.label.padEnd(8)} ${title ?? text.slice(0, 80)}`);
      }
    });
    total += items.length;
    correct += ok;
    console.log(
      `${pool.padEnd(14)}${expect.padEnd(28)}${`${ok}/${items.length}`.padStart(7)}  ${((100 * ok) / Math.max(items.length, 1)).toFixed(0).padStart(7)}%`,
    );
  }
  console.log(
    `${'all'.padEnd(42)}${`${correct}/${total}`.padStart(7)}  ${((100 * correct) / total).toFixed(0).padStart(7)}%`,
  );
  console.log(`\nmisses (${misses.length}):\n${misses.join('\n')}`);
  console.log(
    `\nnews and blog sentiment (no single expectation; read them):\n${sentiments.join('\n')}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) evaluateSimulator();
