// The full scorer (normalise, lexicon, rules, model, flags, PII, topics) per mention, on one core:
// tweet-length texts and 150-word texts, against raw wink-sentiment on the same texts.
import { scoreMention } from '@barometer/core';
import winkSentiment from 'wink-sentiment';

const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 3_000);

const openings = [
  'Waited 9 hours in A&E at Northfield General last night with my mum',
  'Huge thanks to the nurses on Ward 7 at @NorthfieldNHS',
  'Does anyone know if parking is free on Sundays at Northfield District?',
  'Great, another cancelled appointment. Love it. #NorthfieldGeneral',
  'Northfield trust board to discuss new diagnostic centre plans',
  'Nobody answered the phone for 50 minutes, shocking service',
  'The midwives were amazing, so kind and patient with us 💕',
  'My NHS number is 943 476 5919, can someone call me on 07700 900123?',
];
const middles = [
  'and the staff were doing their best',
  'but the wait was far too long',
  'no beds, corridor care again',
  'cannot fault the care',
  'the food was cold and the toilets dirty',
  'explained everything clearly',
];

function tweet(i: number): string {
  return `${openings[i % openings.length]}, ${middles[(i * 7) % middles.length]} ${i % 97}`;
}

function story(i: number): string {
  const words: string[] = [];
  let k = i;
  while (words.length < 150) {
    words.push(
      ...`${openings[k % openings.length]}. ${middles[(k * 5) % middles.length]}.`.split(' '),
    );
    k += 3;
  }
  return words.slice(0, 150).join(' ');
}

function measure(name: string, texts: string[], fn: (t: string) => unknown): number {
  for (let i = 0; i < 2000; i++) fn(texts[i % texts.length]!);
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < WINDOW_MS) {
    for (let j = 0; j < 500; j++) fn(texts[(n + j) % texts.length]!);
    n += 500;
    now = performance.now();
  }
  const perSecond = (n / (now - start)) * 1000;
  process.stdout.write(
    `${JSON.stringify({ bench: name, value: Math.round(perSecond), unit: 'mentions/s' })}\n`,
  );
  process.stderr.write(`  ${name.padEnd(34)} ${perSecond.toFixed(0).padStart(10)} mentions/s\n`);
  return perSecond;
}

const tweets = Array.from({ length: 4096 }, (_, i) => tweet(i));
const stories = Array.from({ length: 1024 }, (_, i) => story(i));
process.stderr.write(
  `scorer, one core (avg tweet ${Math.round(tweets.reduce((s, t) => s + t.length, 0) / tweets.length)} chars, story 150 words)\n`,
);
measure('scorer-tweet', tweets, (text) => scoreMention({ text }));
measure('scorer-150-words', stories, (text) => scoreMention({ text }));
measure('wink-sentiment-tweet-baseline', tweets, (text) => winkSentiment(text));
measure('wink-sentiment-150-words-baseline', stories, (text) => winkSentiment(text));
