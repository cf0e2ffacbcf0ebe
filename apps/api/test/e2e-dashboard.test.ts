// The whole product as a person meets it: `npm start`'s launcher with its demo, a real Chromium
// on the dashboard, and a mention the simulator publishes after the page has loaded.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import {
  createTestDatabase,
  freePort,
  type TestDatabase,
  testRedisPrefix,
} from '@barometer/db/testing';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

let database: TestDatabase;
let launcher: ChildProcess;
let browser: Browser | undefined;
let output = '';
let appUrl: string;
let simulatorUrl: string;

beforeAll(async () => {
  database = await createTestDatabase('e2e');
  const [port, simulatorPort] = [await freePort(), await freePort()];
  simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  launcher = spawn(process.execPath, [tsxCli, 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_PREFIX: testRedisPrefix('e2e'),
      PORT: String(port),
      SIMULATOR_PORT: String(simulatorPort),
      SIMULATOR_RATE: '6',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  launcher.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await vi.waitFor(
    () => {
      const match = /Barometer is running: (\S+)/.exec(output);
      if (!match?.[1]) throw new Error(`not started yet:\n${output}`);
      appUrl = match[1];
    },
    { timeout: 170_000, interval: 200 },
  );
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise<number | null>((r) => launcher.once('exit', (code) => r(code)));
    launcher.kill('SIGINT');
    await exited;
  }
  await database?.drop();
}, 60_000);

test('the dashboard shows a mention the simulator published after the page loaded', async () => {
  const page = await browser!.newPage();
  await page.goto(appUrl);
  await page.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });

  const feeds = (await (await fetch(`${simulatorUrl}/control/feeds`)).json()) as {
    feeds: { name: string; isQueryFeed: boolean }[];
  };
  const feed = feeds.feeds.find((f) => f.isQueryFeed);
  expect(feed).toBeDefined();
  const marker = `e2e-${Date.now()}`;
  const published = await fetch(`${simulatorUrl}/control/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      feed: feed!.name,
      title: `Waited nine hours at Northfield General A&E ${marker}`,
      text: `Waited nine hours at Northfield General A&E with my dad, nobody told us anything. ${marker}`,
    }),
  });
  expect(published.status).toBe(201);

  // Ask for the poll now rather than waiting out the demo's 30 s interval.
  const sources = (await (await fetch(`${appUrl}/api/sources`)).json()) as {
    items: { id: number; name: string }[];
  };
  const source = sources.items.find((s) => s.name === feed!.name);
  expect(source).toBeDefined();
  expect((await fetch(`${appUrl}/api/sources/${source!.id}/poll`, { method: 'POST' })).status).toBe(
    202,
  );

  const row = page.getByTestId('mention-row').filter({ hasText: marker });
  await row.first().waitFor({ timeout: 30_000 });
  await row.first().click();
  const detail = page.getByTestId('mention-detail');
  await detail.waitFor();
  await expect.poll(() => detail.textContent()).toContain(marker);
  expect(await detail.textContent()).toContain(feed!.name);
  await page.close();
});

test('Ctrl-C stops the launcher and everything it started', async () => {
  const exited = new Promise<number | null>((r) => launcher.once('exit', (code) => r(code)));
  launcher.kill('SIGINT');
  expect(await exited).toBe(0);
  await expect(fetch(`${simulatorUrl}/control/feeds`)).rejects.toThrow();
  await expect(fetch(`${appUrl}/api/health`)).rejects.toThrow();
}, 30_000);
