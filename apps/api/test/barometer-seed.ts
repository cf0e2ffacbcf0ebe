// Thirteen weeks of plausible mentions for the barometer's browser test and screenshots: the
// real scorer on written-for-the-test sentences, dates spread over each London week, a worse
// last week, a thread, safeguarding items and a feed that was down for two days.
import { createHash } from 'node:crypto';
import { lastCompleteWeek, scoreMention, shiftWeek, weekRange } from '@barometer/core';
import { type Database, upsertMentions } from '@barometer/db';
import { addFeedSource } from '@barometer/db/testing';

const POSITIVE = [
  'Thank you to the maternity team at Northfield General, the midwives were wonderful and kind',
  'Brilliant care from the staff on Ward 12 at Northfield General, so caring and professional',
  'Northfield General A&E nurses were fantastic with my son, thank you all',
  'The physio team at Northfield General have been amazing, really helpful and friendly',
  'Great news: Northfield General opens its new cancer centre, staff delighted',
];
const NEGATIVE = [
  'Waited nine hours in Northfield General A&E with my dad, nobody told us anything',
  'Car parking at Northfield General is a disgrace, paid twelve pounds and still no space',
  'My appointment at Northfield General was cancelled again, third time this year, awful',
  'Northfield General ward was dirty and the food was cold, really disappointing',
  'Staff at Northfield General were rude and dismissive when my mum was in pain',
];
const NEUTRAL = [
  'Northfield General publishes its annual report for the year',
  'Visiting hours at Northfield General change from Monday',
  'Northfield General board meeting to discuss the new car park plans',
];
const SAFEGUARDING =
  'Worried about a vulnerable patient at Northfield General who was discharged alone at night';

/** A small deterministic generator, so every run seeds the same weeks. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

export interface SeededBarometer {
  week: string;
  sourceIds: number[];
}

export async function seedBarometer(
  database: Database,
  now = new Date(),
): Promise<SeededBarometer> {
  const week = lastCompleteWeek(now);
  const names = ['Northfield Echo', 'Borough Gazette', 'Care feedback', 'Local blogs'];
  const sources = [];
  for (const [i, name] of names.entries()) {
    sources.push(await addFeedSource(database, { name, url: `https://feed${i}.example/rss` }));
  }
  const first = weekRange(shiftWeek(week, -12)).from;
  await database.pool.query('update sources set created_at = $1', [first]);
  const rnd = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;

  for (let back = 12; back >= 0; back--) {
    const w = shiftWeek(week, -back);
    const range = weekRange(w);
    const span = Date.parse(range.to) - Date.parse(range.from);
    const volume = 18 + Math.round(rnd() * 14) + (back === 0 ? 10 : 0);
    // The last week leans negative: waiting times and parking.
    const negativeShare = back === 0 ? 0.55 : 0.25 + rnd() * 0.1;
    const rows = new Map<number, ReturnType<typeof row>[]>();
    for (let i = 0; i < volume; i++) {
      const r = rnd();
      const text =
        r < negativeShare
          ? pick(NEGATIVE)
          : r < negativeShare + 0.45
            ? pick(POSITIVE)
            : pick(NEUTRAL);
      const at = new Date(Date.parse(range.from) + Math.floor(rnd() * span)).toISOString();
      const source = sources[Math.floor(rnd() * sources.length)]!;
      const list = rows.get(source.id) ?? [];
      list.push(row(`${w}-${i}`, text, at, `Person ${Math.floor(rnd() * 40)}`));
      rows.set(source.id, list);
    }
    if (back <= 1) {
      const list = rows.get(sources[2]!.id) ?? [];
      list.push(
        row(
          `${w}-sg`,
          SAFEGUARDING,
          new Date(Date.parse(range.from) + span / 2).toISOString(),
          null,
        ),
      );
      rows.set(sources[2]!.id, list);
    }
    if (back === 0) {
      // A conversation: one post and five replies.
      const list = rows.get(sources[0]!.id) ?? [];
      const at = Date.parse(range.from) + 2 * 86_400_000;
      list.push(row(`${w}-t0`, NEGATIVE[0]!, new Date(at).toISOString(), 'Opener'));
      for (let k = 1; k <= 5; k++) {
        list.push({
          ...row(
            `${w}-t${k}`,
            `${pick(NEGATIVE)} (reply ${k})`,
            new Date(at + k * 600_000).toISOString(),
            `Replier ${k}`,
          ),
          thread: `${w}-t0`,
        });
      }
      rows.set(sources[0]!.id, list);
    }
    for (const [sourceId, list] of rows) {
      await upsertMentions(
        database.pool,
        sourceId,
        list.map((x) => ({
          mention: {
            externalId: x.id,
            url: `https://example.org/${x.id}`,
            author: x.author,
            title: null,
            text: x.text,
            html: null,
            publishedAt: x.at,
            publishedRaw: null,
            parentExternalId: x.thread ?? null,
            rootExternalId: x.thread ?? null,
          },
          score: scoreMention({ text: x.text }),
          contentHash: createHash('sha256').update(x.text).digest('hex'),
        })),
      );
    }
  }
  // The blogs feed was down for two days in the middle of the last week.
  const range = weekRange(week);
  const down = Date.parse(range.from) + 3 * 86_400_000;
  await database.pool.query(
    'insert into source_outages (source_id, started_at, ended_at) values ($1, $2, $3)',
    [sources[3]!.id, new Date(down), new Date(down + 50 * 3_600_000)],
  );
  return { week, sourceIds: sources.map((s) => s.id) };
}

function row(id: string, text: string, at: string, author: string | null) {
  return { id, text, at, author, thread: undefined as string | undefined };
}
