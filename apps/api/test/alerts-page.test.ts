// The Alerts page in a real Chromium against the real API: an alert raised in Postgres shows with
// its timeline, a live update reaches the open page, and Acknowledge stops the ladder. Screenshots
// at desktop and phone width go to ALERTS_SCREENSHOTS (default: a temporary folder).
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { publishLive } from '@barometer/bus';
import { type AlertDecision, DEFAULT_ESCALATION_POLICY, type Role } from '@barometer/core';
import { getAlertDto, raiseOrGroupAlert, replaceRota, withTransaction } from '@barometer/db';
import { alertLiveMessage } from '@barometer/notify';
import { type Browser, type BrowserContextOptions, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;
let browser: Browser;
let baseUrl: string;
let shots: string;

function decision(n: number, over: Partial<AlertDecision> = {}): AlertDecision {
  return {
    ruleKey: 'safeguarding',
    severity: 'page',
    channels: ['in-app', 'email'],
    groupKey: `thread:1:page-test-${n}`,
    groupWindowMinutes: 60,
    signalKey: `mention:${1000 + n}`,
    subject: { kind: 'mention', id: 1000 + n },
    title: 'Safeguarding signal on Northfield Gazette comments',
    why: 'A post on Northfield Gazette comments reads as a safeguarding signal.',
    excerpt: "I've said my goodbyes to everyone. Ward 7 sent me home with nothing. [NHS number]",
    notifyFrom: new Date(),
    ...over,
  };
}

beforeAll(async () => {
  shots = process.env.ALERTS_SCREENSHOTS ?? (await mkdtemp(join(tmpdir(), 'alerts-screens-')));
  const webDist = await mkdtemp(join(tmpdir(), 'alerts-web-'));
  // The dashboard as shipped, built into a folder of this test's own.
  const webRoot = resolve(import.meta.dirname, '../../web');
  const viteBin = join(webRoot, 'node_modules/vite/bin/vite.js');
  await promisify(execFile)(
    process.execPath,
    [viteBin, 'build', '--outDir', webDist, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: webRoot,
    },
  );
  env = await createApiTestEnv('alerts_page', { WEB_DIST: webDist });
  await env.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.cleanup();
});

/** A browser page signed in as a fresh person with these roles (the session cookie set). */
async function signedInPage(roles: Role[], options: BrowserContextOptions) {
  const { cookie } = await env.signedIn(roles);
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext(options);
  await context.addCookies([{ name, value, url: baseUrl }]);
  return context.newPage();
}

async function raise(n: number, over: Partial<AlertDecision> = {}) {
  const outcome = await withTransaction(env.database.pool, (tx) =>
    raiseOrGroupAlert(tx, decision(n, over), DEFAULT_ESCALATION_POLICY, new Date()),
  );
  if (outcome.kind === 'duplicate') throw new Error('unexpected duplicate');
  return outcome.alert;
}

test('an alert shows with its timeline, and Acknowledge stops its ladder', async () => {
  const alert = await raise(1);
  await raise(2, {
    severity: 'alert',
    ruleKey: 'patient-safety',
    title: 'Patient safety concern on Care Opinion',
    why: 'A post on Care Opinion reads as a patient safety concern.',
    excerpt: 'The nurse gave my dad the wrong medication twice',
  });
  const page = await signedInPage(['oncall'], { viewport: { width: 1280, height: 860 } });
  await page.goto(`${baseUrl}/alerts/${alert.id}`);
  await page.getByRole('heading', { name: alert.title }).waitFor();
  expect(await page.getByRole('list', { name: 'What happened' }).textContent()).toContain('Raised');
  await page.screenshot({ path: join(shots, 'alerts-desktop.png'), fullPage: true });

  // A second post on the same thread arrives while the page is open.
  await raise(1, { signalKey: 'mention:5001' });
  const grouped = await getAlertDto(env.database.pool, alert.id);
  await publishLive(env.publisher, env.prefix, alertLiveMessage('alert.updated', grouped!));
  await page.getByText('(2 posts)').first().waitFor({ timeout: 10_000 });

  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.getByText('Acknowledged by Test oncall', { exact: false }).first().waitFor();
  const stored = await getAlertDto(env.database.pool, alert.id);
  expect(stored?.status).toBe('acknowledged');
  expect(stored?.nextPageAt).toBeNull();
  await page.close();
}, 60_000);

test('the page works at phone width, with the rules and the rota', async () => {
  const ids: number[] = [];
  for (const [email, name] of [
    ['priya@trust.nhs.uk', 'Priya Shah'],
    ['sam@trust.nhs.uk', 'Sam Okafor'],
    ['dana@trust.nhs.uk', 'Dana Whitfield'],
  ]) {
    const { rows } = await env.database.pool.query<{ id: number }>(
      'insert into users (email, display_name) values ($1, $2) returning id',
      [email, name],
    );
    ids.push(rows[0]!.id);
  }
  const weekly = {
    handoverWeekday: 1,
    handoverTime: '09:00',
    startsOn: '2026-01-05',
    periodWeeks: 1,
  };
  await withTransaction(env.database.pool, (tx) =>
    replaceRota(tx, {
      rotations: [
        { role: 'primary', members: [ids[0]!, ids[1]!], ...weekly },
        { role: 'secondary', members: [ids[1]!, ids[0]!], ...weekly },
        { role: 'final', members: [ids[2]!], ...weekly },
      ],
      overrides: [],
    }),
  );
  const page = await signedInPage(['admin'], {
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  await page.goto(`${baseUrl}/alerts`);
  await page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
  await page.getByRole('list', { name: 'Alerts' }).waitFor();
  await page.screenshot({ path: join(shots, 'alerts-phone.png'), fullPage: true });
  await page.goto(`${baseUrl}/alerts/rules`);
  await page.getByRole('button', { name: 'Save rules' }).waitFor();
  expect(await page.getByText('Safeguarding signal').count()).toBeGreaterThan(0);
  await page.screenshot({ path: join(shots, 'rules-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${baseUrl}/alerts/oncall`);
  await page.getByRole('button', { name: 'Save ladder' }).waitFor();
  expect(await page.getByRole('region', { name: 'On call now' }).textContent()).toContain(
    'Dana Whitfield',
  );
  await page.screenshot({ path: join(shots, 'oncall-desktop.png'), fullPage: true });
  await page.close();
}, 60_000);
