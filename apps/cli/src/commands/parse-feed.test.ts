import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFeedCommand } from './parse-feed.ts';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>https://gazette.example/</link>
<item><title>Northshire &amp; the A&amp;E</title><link>/news/1</link><guid isPermaLink="false">g1</guid>
<pubDate>14 Jan 2026 16:33 +0000</pubDate><author>ed@gazette.example (Ed)</author>
<description>&lt;p&gt;Hello &lt;script&gt;x()&lt;/script&gt;world&lt;/p&gt;</description></item></channel></rss>`;
const RELATIVE = '<rss><channel><item><guid>r1</guid><link>/rel</link></item></channel></rss>';

let dir: string;
let server: Server;
let origin: string;
let connections = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parse-feed-'));
  await writeFile(join(dir, 'good.xml'), RSS);
  await writeFile(join(dir, 'page.html'), '<!doctype html><html><body>blocked</body></html>');
  await writeFile(join(dir, 'relative.xml'), RELATIVE);
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(RSS);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

async function runCommand(args: string[]) {
  let out = '';
  let err = '';
  const code = await parseFeedCommand(
    args,
    { write: (s: string) => (out += s) },
    { write: (s: string) => (err += s) },
  );
  const lines = out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, err };
}

describe('barometer parse-feed', () => {
  test('prints one JSON object per input, in order, and one bad input never stops the others', async () => {
    const inputs = [
      join(dir, 'good.xml'),
      join(dir, 'missing.xml'),
      join(dir, 'page.html'),
      join(dir, 'good.xml'),
    ];
    const { code, lines } = await runCommand(['--jsonl', ...inputs]);
    expect(code).toBe(0);
    expect(lines.map((l) => [l.input, l.ok])).toEqual([
      [inputs[0], true],
      [inputs[1], false],
      [inputs[2], false],
      [inputs[3], true],
    ]);
    expect(lines[0]).toEqual({
      input: inputs[0],
      ok: true,
      format: 'rss',
      feed: { title: 'Gazette', url: 'https://gazette.example/' },
      items: [
        {
          id: 'g1',
          url: 'https://gazette.example/news/1',
          title: 'Northshire & the A&E',
          text: 'Hello world',
          html: '<p>Hello world</p>',
          author: 'Ed',
          publishedAt: '2026-01-14T16:33:00.000Z',
          parentId: null,
        },
      ],
    });
    expect(lines[1]!.error).toEqual({ code: 'read-error', message: 'file not found' });
    expect((lines[2]!.error as { code: string }).code).toBe('not-a-feed');
  });

  test('--base-url resolves relative links in local files', async () => {
    const { lines } = await runCommand([
      '--base-url',
      'https://base.example/feeds/',
      join(dir, 'relative.xml'),
    ]);
    expect((lines[0]!.items as { url: string }[])[0]!.url).toBe('https://base.example/rel');
  });

  test('URLs go through the guarded client: loopback is refused unless --allow-private', async () => {
    const before = connections;
    const refused = await runCommand([`${origin}/feed.xml`]);
    expect(refused.code).toBe(0);
    expect(refused.lines[0]).toEqual({
      input: `${origin}/feed.xml`,
      ok: false,
      error: { code: 'private-address', message: 'refused: private address' },
    });
    expect(connections).toBe(before);
    const schemes = await runCommand(['ftp://x.example/feed', 'file:///etc/passwd']);
    expect(schemes.lines.map((l) => (l.error as { code: string }).code)).toEqual([
      'bad-url',
      'bad-url',
    ]);
    const allowed = await runCommand([
      '--allow-private',
      `${origin}/feed.xml`,
      join(dir, 'good.xml'),
    ]);
    expect(allowed.lines.map((l) => l.ok)).toEqual([true, true]);
  });

  test.each([
    [[]],
    [['--frobnicate', 'x.xml']],
    [['--base-url', 'not-a-url', 'x.xml']],
    [['--base-url']],
  ])('usage errors exit 2: %j', async (args) => {
    const { code, err } = await runCommand(args);
    expect(code).toBe(2);
    expect(err).toContain('usage: barometer parse-feed');
  });

  test('a thousand files in one call all come back, in order', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => join(dir, `many-${i}.xml`));
    await Promise.all(many.map((path, i) => writeFile(path, RSS.replace('g1', `item-${i}`))));
    const { code, lines } = await runCommand(many);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1000);
    expect(lines.map((l) => (l.items as { id: string }[])[0]!.id)).toEqual(
      many.map((_, i) => `item-${i}`),
    );
  });

  test('the real binary prints JSON lines and exits 0', () => {
    const bin = fileURLToPath(new URL('../../bin/barometer.js', import.meta.url));
    const result = spawnSync(
      process.execPath,
      [bin, 'parse-feed', join(dir, 'good.xml'), join(dir, 'missing.xml')],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ok: boolean });
    expect(lines.map((l) => l.ok)).toEqual([true, false]);
    const usage = spawnSync(process.execPath, [bin, 'parse-feed'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
