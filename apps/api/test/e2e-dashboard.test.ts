// The whole product as a person meets it: `npm start`'s launcher with its demo, a real Chromium
// on the dashboard, and a mention the simulator publishes after the page has loaded.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
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
let admin: { email: string; password: string };
/** The demo admin's session, for the test's own API calls. */
let cookie: string;

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
      const email = /e-mail: +(\S+)/.exec(output)?.[1];
      const password = /password: +(\S+)/.exec(output)?.[1];
      if (!match?.[1] || !email || !password) throw new Error(`not started yet:\n${output}`);
      appUrl = match[1];
      admin = { email, password };
    },
    { timeout: 170_000, interval: 200 },
  );
  const signIn = await fetch(`${appUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  expect(signIn.status).toBe(200);
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
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

test('the dashboard asks for a sign-in, and after it shows a mention published after the page loaded', async () => {
  const page = await browser!.newPage();
  const response = await page.goto(appUrl);
  // The served dashboard carries a strict CSP and refuses to be framed.
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  const form = page.getByTestId('signin-form');
  await form.waitFor({ timeout: 20_000 });
  await form.getByLabel('E-mail address').fill(admin.email);
  await form.getByLabel('Password').fill('not the password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signin-error').waitFor();
  expect(await page.getByTestId('signin-error').textContent()).toMatch(/do not match/);
  await form.getByLabel('Password').fill(admin.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
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
  const sources = (await (
    await fetch(`${appUrl}/api/sources`, { headers: { cookie } })
  ).json()) as {
    items: { id: number; name: string }[];
  };
  const source = sources.items.find((s) => s.name === feed!.name);
  expect(source).toBeDefined();
  const poll = await fetch(`${appUrl}/api/sources/${source!.id}/poll`, {
    method: 'POST',
    headers: { cookie },
  });
  expect(poll.status).toBe(202);

  const row = page.getByTestId('mention-row').filter({ hasText: marker });
  await row.first().waitFor({ timeout: 30_000 });
  await row.first().click();
  const detail = page.getByTestId('mention-detail');
  await detail.waitFor();
  await expect.poll(() => detail.textContent()).toContain(marker);
  expect(await detail.textContent()).toContain(feed!.name);
  await page.close();
});

test('a page on another origin can neither trigger "Poll now" nor open the live stream with the officer\'s cookies', async () => {
  const context = await browser!.newContext();
  const page = await context.newPage();
  await page.goto(appUrl);
  const form = page.getByTestId('signin-form');
  await form.getByLabel('E-mail address').fill(admin.email);
  await form.getByLabel('Password').fill(admin.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });

  const pollsBefore = await auditCount('source.poll-requested');
  // Another port is another origin but the same site: the browser sends the session cookie.
  const evil = await startEvilSite();
  try {
    const evilPage = await context.newPage();
    await evilPage.goto(evil.url);
    const outcome = await evilPage.evaluate(async (target) => {
      await fetch(`${target}/api/sources/1/poll`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: 'poll',
      }).catch(() => undefined);
      const opened = await new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`${target.replace(/^http/, 'ws')}/api/live`);
        ws.onopen = () => resolve(true);
        ws.onerror = () => resolve(false);
        ws.onclose = () => resolve(false);
      });
      return { opened };
    }, appUrl);
    expect(outcome.opened).toBe(false);
    expect(await auditCount('source.poll-requested')).toBe(pollsBefore);
  } finally {
    await evil.close();
    await context.close();
  }
});

async function auditCount(action: string): Promise<number> {
  const page = await fetch(`${appUrl}/api/audit?action=${action}&limit=500`, {
    headers: { cookie },
  });
  expect(page.status).toBe(200);
  return ((await page.json()) as { items: unknown[] }).items.length;
}

async function startEvilSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Another site</title><p>Nothing to see here.</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

test('Ctrl-C stops the launcher and everything it started', async () => {
  const exited = new Promise<number | null>((r) => launcher.once('exit', (code) => r(code)));
  launcher.kill('SIGINT');
  expect(await exited).toBe(0);
  await expect(fetch(`${simulatorUrl}/control/feeds`)).rejects.toThrow();
  await expect(fetch(`${appUrl}/api/health`)).rejects.toThrow();
}, 30_000);
