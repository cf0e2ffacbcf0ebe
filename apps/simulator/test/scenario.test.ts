import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadScenario, SCENARIO_DIR, ScenarioError, startSimulator } from '../src/index.ts';
import { createRandom } from '../src/random.ts';
import type { Content } from '../src/scenario/schema.ts';
import { composeItem, mentionsTrust } from '../src/text/compose.ts';

const dir = mkdtempSync(join(tmpdir(), 'simulator-scenarios-'));
const demo = JSON.parse(readFileSync(join(SCENARIO_DIR, 'demo.json'), 'utf8'));
const contentPath = join(SCENARIO_DIR, 'content/northfield.json');

function writeScenario(name: string, value: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

test('the demo and bench scenarios load', () => {
  const live = loadScenario('demo');
  expect(live.mode).toBe('live');
  expect(live.content.trust.name).toBe('Northfield and District NHS Foundation Trust');
  expect(loadScenario('bench').mode).toBe('bench');
});

test('a wrong type names the file and the field', () => {
  const file = writeScenario('bad-rate', { ...demo, content: contentPath, ratePerMinute: 'fast' });
  expect(() => loadScenario(file)).toThrow(ScenarioError);
  expect(() => loadScenario(file)).toThrow(`scenario file ${file} is invalid`);
  expect(() => loadScenario(file)).toThrow(/ratePerMinute: .*number/);
});

test('a mix naming a pool that does not exist is refused with its path', () => {
  const feeds = structuredClone(demo.feeds);
  feeds[1].mix = { nonsense: 1 };
  const file = writeScenario('bad-pool', { ...demo, content: contentPath, feeds });
  expect(() => loadScenario(file)).toThrow('feeds[1].mix.nonsense: unknown pool "nonsense"');
});

test('a query feed drawing from a pool of non-mentions is refused', () => {
  const feeds = structuredClone(demo.feeds);
  feeds[1].mix = { local: 1 };
  const file = writeScenario('bad-query', { ...demo, content: contentPath, feeds });
  expect(() => loadScenario(file)).toThrow('does not mention the trust');
});

test('a comments feed must point at a blog feed', () => {
  const feeds = structuredClone(demo.feeds);
  feeds.at(-1).commentsOn = 'google-news';
  const file = writeScenario('bad-comments', { ...demo, content: contentPath, feeds });
  expect(() => loadScenario(file)).toThrow(/feeds\[6\]\.commentsOn: .*"blog"/);
});

test('errors inside a content file name that file, and links must stay on .example', () => {
  const content = JSON.parse(readFileSync(contentPath, 'utf8'));
  content.pools.praise.items[2].text = 'See [this](https://www.bbc.co.uk/news) {alias}';
  content.pools.praise.items[3].text = 'Hello {nobody}';
  const contentFile = writeScenario('bad-content', content);
  const file = writeScenario('uses-bad-content', { ...demo, content: contentFile });
  expect(() => loadScenario(file)).toThrow(`scenario file ${contentFile} is invalid`);
  expect(() => loadScenario(file)).toThrow(/pools\.praise\.items\[2\]\.text: link .* \.example/);
  expect(() => loadScenario(file)).toThrow('pools.praise.items[3].text: unknown slot {nobody}');
});

test('a file that is not JSON or not there gets a plain explanation', () => {
  const broken = writeScenario('broken', '{ "name": ');
  expect(() => loadScenario(broken)).toThrow(`scenario file ${broken} is not valid JSON`);
  expect(() => loadScenario('no-such-scenario')).toThrow(
    /unable to read scenario file .*no-such-scenario\.json/,
  );
});

test('startSimulator rejects an invalid scenario before listening', async () => {
  const file = writeScenario('bad-start', { ...demo, content: contentPath, feeds: [] });
  await expect(startSimulator({ scenario: file })).rejects.toThrow(/feeds: /);
});

const content: Content = loadScenario('demo').content;

/** Every template of every pool, each rendered with a few seeds. */
function renderAll(pool: string) {
  const source = content.pools[pool]!;
  return source.items.flatMap((template, index) =>
    [1, 2, 3].map((seed) => {
      const single = { ...content, pools: { [pool]: { ...source, items: [template] } } };
      return { index, ...composeItem(single, pool, 'news', createRandom(seed * 1000 + index)) };
    }),
  );
}

test('there are at least 150 distinct texts across the kinds of post a trust sees', () => {
  const pools = content.pools;
  for (const kind of [
    'praise',
    'complaint',
    'question',
    'news',
    'sarcasm',
    'safeguarding',
    'pii',
    'local',
  ]) {
    expect(pools[kind]?.items.length, kind).toBeGreaterThanOrEqual(10);
  }
  const distinct = new Set(Object.values(pools).flatMap((pool) => pool.items.map((t) => t.text)));
  expect(distinct.size).toBeGreaterThanOrEqual(150);
});

test('every text from a mention pool names the trust, and no unrelated text does', () => {
  for (const [name, pool] of Object.entries(content.pools)) {
    for (const item of renderAll(name)) {
      expect(mentionsTrust(content, `${item.title}\n${item.text}`), `${name}[${item.index}]`).toBe(
        pool.mentionsTrust,
      );
    }
  }
});

test('posts with patient data carry a phone number, NHS number, address or e-mail', () => {
  for (const item of renderAll('pii')) {
    expect(item.text, `pii[${item.index}]`).toMatch(
      /07700 900\d{3}|999 \d{3} \d{4}|\d+ [A-Z][a-z]+ (Close|Lane)|@mail\.example/,
    );
  }
});

test('texts carry some HTML, emoji and hashtags', () => {
  const all = Object.keys(content.pools).flatMap(renderAll);
  expect(all.some((item) => item.html.includes('<b>'))).toBe(true);
  expect(all.some((item) => /<a href="https:\/\/[a-z.-]+\.example/.test(item.html))).toBe(true);
  expect(all.some((item) => /\p{Extended_Pictographic}/u.test(item.text))).toBe(true);
  expect(all.some((item) => /#Northfield(General|NHS)/.test(item.text))).toBe(true);
  expect(all.every((item) => item.html.startsWith('<p>') && !item.html.includes('**'))).toBe(true);
});
