// Jetstream filtering: posts/s through the consumer's line handler (cheap pre-checks, the trust
// matcher on every post, zod and mapping only for matches) on one core, beside a bare JSON.parse
// of the same frames in the same run. Aim: at least 20,000 posts/s.
import { jetstreamLineReader } from '@barometer/connectors';
import { compileTrustMatcher, TrustProfile } from '@barometer/core';

function figure(bench: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit })}\n`,
  );
  process.stderr.write(`  ${bench.padEnd(40)} ${value.toFixed(1).padStart(12)} ${unit}\n`);
}

const profile = TrustProfile.parse({
  name: 'Northfield and District NHS Foundation Trust',
  aliases: [
    'Northfield NHS',
    'Northfield General Hospital',
    'Northfield General',
    "St Aidan's Community Hospital",
  ],
  handles: ['@NorthfieldNHS', '@NorthfieldGeneral'],
  hashtags: ['#NorthfieldGeneral', '#NorthfieldNHS'],
  sites: ['northfield-nhs.example'],
});
const matcher = compileTrustMatcher(profile);

const WORDS =
  'the a and to of in is it my at was for on with this that so just today really love hate new time good bad people think know day work home going'.split(
    ' ',
  );
/** Network-shaped frames: most are other people's posts, some deletes, likes and identity events. */
function frames(count: number): string[] {
  const out: string[] = [];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < count; i++) {
    const did = `did:plc:${(i * 7919).toString(36).padStart(24, 'a')}`;
    const time_us = 1_779_719_009_157_119 + i * 37;
    const roll = rand();
    if (roll < 0.05) {
      out.push(
        JSON.stringify({
          did,
          time_us,
          kind: 'identity',
          identity: { did, seq: i, time: '2026-05-25T14:23:29.950Z' },
        }),
      );
      continue;
    }
    if (roll < 0.15) {
      out.push(
        JSON.stringify({
          did,
          time_us,
          kind: 'commit',
          commit: {
            rev: `3mm${i}`,
            operation: 'delete',
            collection: 'app.bsky.feed.post',
            rkey: `3k${i}`,
          },
        }),
      );
      continue;
    }
    const length = 6 + Math.floor(rand() * 30);
    let text = Array.from({ length }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
    if (rand() < 0.02) text += ' waiting hours at Northfield General again';
    if (rand() < 0.1) text = `${text} 🙂 ünïcödé`;
    const record: Record<string, unknown> = {
      $type: 'app.bsky.feed.post',
      createdAt: '2026-05-25T14:23:28.757Z',
      langs: ['en'],
      text,
    };
    if (rand() < 0.3) {
      record.reply = {
        root: { uri: `at://${did}/app.bsky.feed.post/3r${i}`, cid: 'bafyreiroot' },
        parent: { uri: `at://${did}/app.bsky.feed.post/3p${i}`, cid: 'bafyreiparent' },
      };
    }
    out.push(
      JSON.stringify({
        did,
        time_us,
        kind: 'commit',
        commit: {
          rev: `3mm${i}`,
          operation: 'create',
          collection: 'app.bsky.feed.post',
          rkey: `3k${i}`,
          record,
          cid: 'bafyreicl7',
        },
      }),
    );
  }
  return out;
}

function perSecond(run: () => number, minMs = 3000): number {
  for (let i = 0; i < 3; i++) run();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) n += run();
  return n / ((performance.now() - start) / 1000);
}

process.stderr.write('jetstream filtering\n');
const lines = frames(20_000);
process.stderr.write(
  `  (${lines.length} frames, ${(lines.reduce((n, l) => n + l.length, 0) / lines.length).toFixed(0)} bytes average)\n`,
);
const bare = perSecond(() => {
  let kept = 0;
  for (const line of lines) if ((JSON.parse(line) as { kind?: string }).kind === 'commit') kept++;
  return lines.length + kept * 0;
});
let matched = 0;
const filtered = perSecond(() => {
  const read = jetstreamLineReader((text) => matcher.matches(text));
  for (const line of lines) if (read(line)?.mention) matched++;
  return lines.length;
});
figure('jetstream bare JSON.parse (baseline)', bare, 'posts/s');
figure('jetstream consumer filtering', filtered, 'posts/s');
figure('jetstream filtering / bare parse', (filtered / bare) * 100, '%');
process.stderr.write(`  (${matched} matches kept over the run)\n`);
