// The barometer as a manager meets it: a real Chromium on /reports over 13 seeded weeks, at
// desktop and phone width and as printed. Set BAROMETER_SCREENSHOTS=DIR to keep the pictures.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ReportWeekResponse } from '@barometer/core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedBarometer } from './barometer-seed.ts';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

const root = resolve(import.meta.dirname, '../../..');
const shots = process.env.BAROMETER_SCREENSHOTS;
let env: ApiTestEnv;
let browser: Browser | undefined;
let dist: string;
let appUrl: string;
let week: string;
let managerCookie: string;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'barometer-web-'));
  const build = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: join(root, 'apps/web'),
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`the dashboard did not build:\n${build.stderr}`);
  env = await createApiTestEnv('e2e_barometer', { WEB_DIST: dist });
  await env.database.pool.query('delete from sources where id = $1', [env.sourceId]);
  ({ week } = await seedBarometer(env.database));
  appUrl = await env.app.listen({ host: '127.0.0.1', port: 0 });
  ({ cookie: managerCookie } = await env.signedIn(['manager']));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await env?.cleanup();
  await rm(dist, { recursive: true, force: true });
});

/** The app scrolls inside its main panel, so a whole-page picture needs a tall window. */
async function fullShot(page: Page, name: string): Promise<void> {
  if (!shots) return;
  const width = page.viewportSize()?.width ?? 1280;
  const height = await page.evaluate(() => document.querySelector('.main')?.scrollHeight ?? 900);
  await page.setViewportSize({ width, height: height + 60 });
  await page.screenshot({ path: join(shots, name) });
}

/** A browser window signed in as a manager, the person this page is for. */
async function managerPage(options: Parameters<Browser['newContext']>[0]): Promise<Page> {
  const context: BrowserContext = await browser!.newContext(options);
  const [name, value] = managerCookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: appUrl }]);
  return context.newPage();
}

async function openReport(page: Page): Promise<void> {
  await page.goto(`${appUrl}/reports?week=${week}`);
  await page.getByTestId('figure-mentions').waitFor();
  await page.locator('.recharts-surface').first().waitFor();
}

test('a manager reads the week in words and numbers, each number leading to its mentions', async () => {
  const expected = ReportWeekResponse.parse(
    await (
      await fetch(`${appUrl}/api/reports/weeks/${week}`, { headers: { cookie: managerCookie } })
    ).json(),
  ).report;
  const page = await managerPage({ viewport: { width: 1280, height: 900 } });
  await openReport(page);
  await expect.poll(() => page.locator('.baro-headline').innerText()).toContain('Net sentiment');
  const mentions = page.getByTestId('figure-mentions').locator('.baro-number');
  expect(await mentions.innerText()).toBe(expected.mentions.value.toLocaleString('en-GB'));
  expect(await page.getByTestId('baro-emerging').innerText()).toContain('not yet available');
  expect(await page.getByTestId('coverage').innerText()).toContain(
    'Local blogs was down for 50 hours',
  );
  await fullShot(page, 'barometer-desktop.png');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The safeguarding count opens the inbox on exactly those mentions of that week.
  const safeguarding = page.getByTestId('safety-safeguarding').locator('.baro-number');
  const count = Number(await safeguarding.innerText());
  expect(count).toBe(expected.safety.safeguarding);
  await safeguarding.click();
  await page.waitForURL(/flag=safeguarding/);
  await page.getByText('Safeguarding only').waitFor();
  await expect.poll(() => page.locator('[data-testid="mention-row"]').count()).toBe(count);
  if (shots) await page.screenshot({ path: join(shots, 'inbox-from-barometer.png') });
  await page.close();
});

test('on a phone the report fits the screen, with no sideways scrolling', async () => {
  const page = await managerPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await openReport(page);
  // The app scrolls inside .main: nothing in it may reach past the phone's 390 px (a mobile
  // browser widens its layout to the content, so window.innerWidth cannot be the yardstick).
  const overflow = await page.evaluate((screen) => {
    const main = document.querySelector('.main') as HTMLElement;
    const rights = [...document.querySelectorAll('.barometer *')].map(
      (el) => el.getBoundingClientRect().right,
    );
    return { scroll: main.scrollWidth - main.clientWidth, widest: Math.max(...rights) - screen };
  }, 390);
  expect(overflow.scroll).toBeLessThanOrEqual(0);
  expect(overflow.widest).toBeLessThanOrEqual(0);
  await fullShot(page, 'barometer-phone.png');
  await page.close();
});

test('printed, the report drops the app chrome and keeps every section', async () => {
  const page = await managerPage({ viewport: { width: 1000, height: 1400 } });
  await openReport(page);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.topbar').isVisible()).toBe(false);
  expect(await page.locator('.baro-actions').isVisible()).toBe(false);
  expect(await page.getByTestId('coverage').isVisible()).toBe(true);
  if (shots) {
    await page.pdf({
      path: join(shots, 'barometer-print.pdf'),
      format: 'A4',
      printBackground: true,
    });
    const exported = await fetch(`${appUrl}/api/reports/weeks/${week}/report.pdf`, {
      headers: { cookie: managerCookie },
    });
    await writeFile(join(shots, 'barometer-export.pdf'), Buffer.from(await exported.arrayBuffer()));
  }
  await page.close();
});
