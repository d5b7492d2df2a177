/**
 * What every browser journey needs: the server as `npm start` runs it (an embedded database with the official
 * units and the demo data, the built web app) on a free port, and Debian's Chromium driven by playwright-core.
 * Each test file starts its own on its own copy of the run's prepared data folder, so no file depends on another's
 * rows.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';
import { inject } from 'vitest';
import { type AppInstance, buildApp } from '../../src/server/app.js';
import { prepareDatabase } from '../../src/server/bootstrap/first-start.js';
import { loadConfig, loadTestConfig, PROJECT_ROOT } from '../../src/server/config.js';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client.js';
import { migrateDatabase } from '../../src/server/db/migrate.js';

export const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results/e2e');
/** What the first page may download, JavaScript gzip-compressed (the budget of the web app). */
export const FIRST_PAGE_JS_BUDGET = 300 * 1024;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2e {
  baseUrl: string;
  database: DatabaseHandle;
  browser: Browser;
  desktop(): Promise<BrowserContext>;
  phone(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startE2e(): Promise<E2e> {
  if (!existsSync(path.join(PROJECT_ROOT, 'dist/web/index.html'))) {
    throw new Error('dist/web is missing: run `npm run test:e2e`, which builds the web app first');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'antq-e2e-'));
  // A copy of the data folder the run prepared once (test/e2e/global-setup.ts): the start below finds it already
  // loaded, as a restarted server does.
  cpSync(inject('e2eDataTemplate'), dataDir, { recursive: true });
  const config = loadConfig({ ANTQ_DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test', ANTQ_DEMO: '1' });
  const database = await openDatabase(config);
  let app: AppInstance | undefined;
  let browser: Browser | undefined;
  try {
    await migrateDatabase(database);
    app = await buildApp({ config, database });
    await prepareDatabase(database, config, app.log);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
    browser = await chromium.launch({ executablePath: loadTestConfig().chromiumPath, args: CHROMIUM_ARGS });
  } catch (error) {
    await app?.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const started = app;
  const openBrowser = browser;
  const address = started.server.address() as { port: number };
  const common = { locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' } as const;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    database,
    browser: openBrowser,
    desktop: () => openBrowser.newContext({ ...common, viewport: { width: 1366, height: 768 } }),
    phone: () =>
      openBrowser.newContext({
        ...common,
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      }),
    close: async () => {
      await openBrowser.close();
      await started.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Records the JavaScript a page downloads until `done` resolves; answers the total, gzip-compressed as a server
 * would send it, and the addresses (to check what must not be there).
 */
export async function measureScripts(
  page: Page,
  done: () => Promise<void>,
): Promise<{ gzipBytes: number; urls: string[] }> {
  const scripts: Array<{ url: string; body: Promise<Buffer> }> = [];
  const collect = (response: Response) => {
    if (response.request().resourceType() === 'script') {
      scripts.push({ url: response.url(), body: response.body() });
    }
  };
  page.on('response', collect);
  try {
    await done();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', collect);
  }
  const sizes = await Promise.all(scripts.map(async (script) => gzipSync(await script.body).length));
  return { gzipBytes: sizes.reduce((sum, size) => sum + size, 0), urls: scripts.map((script) => script.url) };
}

/**
 * Picks an option of an Ant Design select and checks the select shows it. On a loaded machine a click can land while
 * the dropdown is still opening or closing and choose nothing; the journey would then fail far from the cause, on a
 * field that the choice reveals. So the choice is verified and, when it did not take, made again.
 */
export async function chooseOption(select: Locator, option: string, typed?: string): Promise<void> {
  const page = select.page();
  const root = select.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const shown = async () => ((await root.textContent()) ?? '').includes(option);
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (await shown()) return;
    await select.click();
    if (typed) await select.pressSequentially(typed, { delay: 15 });
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click();
    for (let wait = 0; wait < 20 && !(await shown()); wait++) await page.waitForTimeout(100);
  }
  if (!(await shown())) throw new Error(`the select did not take the option "${option}"`);
}

/** Types a dd/mm/yyyy date into an Ant Design date picker and confirms it. */
export async function typeDate(field: Locator, ddmmyyyy: string): Promise<void> {
  await field.click();
  await field.fill(ddmmyyyy);
  await field.press('Enter');
}
