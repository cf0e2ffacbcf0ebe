import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import {
  BLUESKY_APP_PASSWORD,
  BLUESKY_HANDLE,
  MASTODON_TOKEN,
  REDDIT_CLIENT_ID,
  REDDIT_CLIENT_SECRET,
  type Simulator,
  startSimulator,
} from '@barometer/simulator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pullCommand } from '../src/commands/pull.ts';

const root = resolve(import.meta.dirname, '../../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ autoTick: false, startWith: 0, seed: 5 });
});
afterAll(() => sim.close());

/** The real CLI as a child process, without blocking the in-process simulator. */
function barometer(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [tsxCli, 'apps/cli/src/main.ts', ...args],
      { cwd: root },
      (error, stdout) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout });
      },
    );
  });
}

async function pull(args: string[]) {
  let out = '';
  const code = await pullCommand(
    args,
    { write: (chunk: string) => (out += chunk) },
    async () => {},
  );
  return {
    code,
    lines: out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('barometer pull', () => {
  test('prints one JSON line per Mastodon post with the contract fields, and exits 0', async () => {
    const root = sim.social.publish('mastodon', { text: 'Waiting at #NorthfieldGeneral' });
    sim.social.publish('mastodon', { text: 'Me too #NorthfieldGeneral', replyTo: root.id });
    const result = await barometer([
      'pull',
      'mastodon',
      '--base-url',
      `${sim.url}/mastodon`,
      '--query',
      '#NorthfieldGeneral',
      '--allow-private',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0]).sort()).toEqual(
      [
        'author',
        'authorId',
        'html',
        'id',
        'kind',
        'parentId',
        'publishedAt',
        'rootId',
        'text',
        'url',
      ].sort(),
    );
    expect(lines.find((l) => l.parentId === root.id)).toMatchObject({
      kind: 'mastodon',
      rootId: root.id,
    });
  });

  test('refuses the loopback simulator without --allow-private, as JSON on stdout with exit 1', async () => {
    const result = await pull(['mastodon', '--base-url', `${sim.url}/mastodon`, '--query', '#x']);
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatchObject({ ok: false, error: { code: 'private-address' } });
  });

  test('--max caps the items across pages; a bad token fails in plain words', async () => {
    for (let i = 0; i < 60; i++) sim.social.publish('mastodon', { text: `post ${i} #Capped` });
    const capped = await pull([
      'mastodon',
      '--base-url',
      `${sim.url}/mastodon`,
      '--query',
      '#Capped',
      '--allow-private',
      '--max',
      '45',
    ]);
    expect(capped.lines).toHaveLength(45);
    const bad = await pull([
      'mastodon',
      '--base-url',
      `${sim.url}/mastodon`,
      '--query',
      'x',
      '--token',
      'nope',
      '--allow-private',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.lines[0]).toMatchObject({ ok: false, error: { code: 'bad-credentials' } });
  });

  test('bluesky and reddit take their credentials as a person pastes them', async () => {
    sim.social.publish('bluesky', { text: 'Northfield General parking' });
    sim.social.reddit.post({
      author: { id: 'a', handle: 'jo', displayName: 'jo' },
      text: 'Northfield General waits',
      html: '',
      title: 'Northfield General A&E',
    });
    const sky = await pull([
      'bluesky',
      '--base-url',
      `${sim.url}/bsky`,
      '--query',
      'Northfield General',
      '--token',
      `${BLUESKY_HANDLE}:${BLUESKY_APP_PASSWORD}`,
      '--allow-private',
    ]);
    expect(sky.code).toBe(0);
    expect(sky.lines[0]).toMatchObject({ kind: 'bluesky', text: 'Northfield General parking' });
    const reddit = await pull([
      'reddit',
      '--base-url',
      `${sim.url}/reddit`,
      '--query',
      'Northfield',
      '--token',
      `${REDDIT_CLIENT_ID}:${REDDIT_CLIENT_SECRET}`,
      '--allow-private',
    ]);
    expect(reddit.lines[0]).toMatchObject({
      kind: 'reddit',
      text: 'Northfield General A&E\n\nNorthfield General waits',
    });
  });

  test('a short 429 is waited out and the pull goes on', async () => {
    sim.social.publish('mastodon', { text: 'later #Throttled' });
    sim.social.faults.inject('mastodon', {
      status: 429,
      body: '{"error":"Too many requests"}',
      headers: { 'X-RateLimit-Reset': new Date(Date.now() + 2000).toISOString() },
    });
    const result = await pull([
      'mastodon',
      '--base-url',
      `${sim.url}/mastodon`,
      '--query',
      '#Throttled',
      '--token',
      MASTODON_TOKEN,
      '--allow-private',
    ]);
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(1);
  });

  test('nothing older than 7 days unless --since says so', async () => {
    const old = new Date(Date.now() - 10 * 86_400_000);
    sim.social.mastodon.post({
      author: { id: '1', handle: 'old', displayName: 'old' },
      text: 'ancient #Dated',
      html: '<p>ancient</p>',
      createdAt: old,
    });
    const recent = await pull([
      'mastodon',
      '--base-url',
      `${sim.url}/mastodon`,
      '--query',
      '#Dated',
      '--allow-private',
    ]);
    expect(recent.lines).toHaveLength(0);
    const since = await pull([
      'mastodon',
      '--base-url',
      `${sim.url}/mastodon`,
      '--query',
      '#Dated',
      '--allow-private',
      '--since',
      new Date(Date.now() - 30 * 86_400_000).toISOString(),
    ]);
    expect(since.lines).toHaveLength(1);
  });
});
