/**
 * The first real flow of the center in Chromium: a coordinator registers a patient, whose order is refused
 * until they are an enrolled subject with consent, and opens an order for an enrolled, consented patient;
 * a nurse records the apheresis collection, opens its label, hands the bag over with a keyboard-wedge
 * scan, sees it on the order timeline, then switches the app to Chinese.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

const DEMO_PASSWORD = 'Hepatica-Demo-2026';

describe('chain of identity, order to labelled collection to hand-over', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function login(username: string) {
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  }

  async function logout() {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
  }

  let orderUrl = '';
  let coi = '';
  let din = '';

  it('refuses a wrong password with a readable message', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill('coordinator');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/not correct/i);
  });

  /** Opens the order form on the patient page and submits it for the CAR-T study. */
  async function submitCartOrder() {
    await page.getByTestId('order-new').click();
    const study = page.getByTestId('order-study');
    const cart = await study.locator('option', { hasText: 'HEP-GPC3-CART-01' }).getAttribute('value');
    await study.selectOption(cart!);
    await page.getByTestId('order-submit').click();
  }

  it('a coordinator registers a patient; no order until they are an enrolled subject with consent', async () => {
    await login('coordinator');
    await page.getByTestId('nav-patients').click();
    await page.getByTestId('patient-new').click();
    await page.getByTestId('patient-sex').selectOption('female');
    await page.getByTestId('patient-birthdate').fill('1969-07-21');
    await page.getByTestId('patient-name').fill('周晓梅');
    await page.getByTestId('patient-mrn').fill('BJH-E2E-1');
    await page.getByTestId('patient-submit').click();
    await page.getByTestId('patient-detail').waitFor();
    await submitCartOrder();
    await expect.poll(() => page.getByTestId('problem-alert').textContent()).toMatch(/not an enrolled subject/);
    await page.keyboard.press('Escape');
  });

  it('the coordinator opens an order with a chain-of-identity identifier for an enrolled, consented patient', async () => {
    // Demo patient 2 (李秀英) is enrolled in the CAR-T study with a valid consent (demo seed).
    await page.getByTestId('nav-patients').click();
    await page.getByTestId('patient-search').fill('BJH2026002');
    await expect.poll(() => page.getByTestId('patient-row').count()).toBe(1);
    await page.getByTestId('patient-link').click();
    await page.getByTestId('patient-detail').waitFor();
    await submitCartOrder();
    await page.getByTestId('order-detail').waitFor();
    coi = (await page.getByTestId('coi-display').getAttribute('data-coi'))!;
    expect(coi).toMatch(/^CHA9999\d{8}$/);
    orderUrl = page.url();
    await logout();
  });

  it('a nurse records the collection; it gets a DIN and a label PDF', async () => {
    await login('nurse');
    await page.goto(orderUrl);
    await page.getByTestId('collection-form').waitFor();
    await page.getByTestId('collection-type').selectOption('apheresis');
    await page.getByTestId('collection-volume').fill('190');
    await page.getByTestId('collection-submit').click();
    const row = page.getByTestId('collection-row').first();
    await row.waitFor();
    din = (await row.getAttribute('data-din'))!;
    expect(din).toMatch(/^A9999\d{8}$/);
    await row.getByTestId('collection-link').click();
    await page.getByTestId('collection-detail').waitFor();
    expect(await page.getByTestId('din-display').getAttribute('data-din')).toBe(din);
    const href = await page.getByTestId('print-label').getAttribute('href');
    const [labelPage] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('print-label').click()]);
    const label = await page.context().request.get(new URL(href!, server.url).toString());
    expect(label.status()).toBe(200);
    expect(label.headers()['content-type']).toBe('application/pdf');
    expect((await label.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await labelPage!.close();
  });

  it('refuses a hand-over when the scanned bag is another one, then records it with the right scan', async () => {
    await page.getByTestId('nav-custody').click();
    const dinField = page.getByTestId('custody-din');
    await dinField.waitFor();
    // A keyboard-wedge scanner types the Code 128 content and presses Enter.
    await dinField.pressSequentially(`=${din}00`, { delay: 5 });
    await dinField.press('Enter');
    const other = din.slice(0, 12) + (din[12] === '9' ? '8' : '9');
    const scan = page.getByTestId('custody-scan');
    await expect.poll(() => scan.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByTestId('custody-to').fill('Cold-chain courier');
    await scan.focus();
    await scan.pressSequentially(`=${other}00`, { delay: 5 });
    await scan.press('Enter');
    await expect.poll(() => page.getByTestId('custody-error').textContent()).toContain(din);

    await scan.fill('');
    await scan.pressSequentially(`=${din}00`, { delay: 5 });
    await scan.press('Enter');
    await page.getByTestId('custody-success').waitFor();
  });

  it('shows the collection, the hand-over and the refused scan on the order timeline', async () => {
    await page.goto(orderUrl);
    await page.getByTestId('order-timeline').waitFor();
    await expect.poll(async () => page.getByTestId('timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'order_created',
      'collection',
      'custody_exception',
      'custody',
    ]);
    expect(await page.getByTestId('order-timeline').textContent()).toContain('Cold-chain courier');
  });

  it('switches to Simplified Chinese and stays translated after a reload', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('lang-option-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-patients').textContent()).toBe('患者');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-orders').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('timeline-item').first().waitFor();
    await page.screenshot({ path: `${process.env.HEPATICA_E2E_SHOTS ?? '/tmp'}/hepatica-timeline-zh.png`, fullPage: true });
  });
});
