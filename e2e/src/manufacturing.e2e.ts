/**
 * A short batch on the tablet view in Chromium: the operator starts DEMO-SHORT in a clean room,
 * scans a lot (a quarantined one is refused) and a biosafety cabinet, records values, has a second
 * person witness the last step, and the batch completes with its record PDF.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './server';

const DEMO_PASSWORD = 'Hepatica-Demo-2026';

describe('manufacturing: a short batch from start to completed record', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill('operator');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const step = () => page.getByTestId('step-runner');
  /** A keyboard-wedge scanner types the code and presses Enter. */
  async function scan(field: Locator, code: string) {
    await field.fill('');
    await field.pressSequentially(code, { delay: 5 });
    await field.press('Enter');
  }
  async function signAndComplete() {
    await page.getByTestId('step-complete').click();
    await page.getByTestId('sign-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-submit').click();
  }
  const currentIndex = async () => Number(await step().getAttribute('data-index'));

  it('starts DEMO-SHORT in a clean room after line clearance', async () => {
    await page.getByTestId('nav-mfg-batches').click();
    await page.getByTestId('batch-start').click();
    await page.getByTestId('batch-process').click();
    await page.getByRole('option', { name: /DEMO-SHORT/ }).first().click();
    await page.getByTestId('batch-room').click();
    await page.getByRole('option', { name: /GMP-B02/ }).first().click();
    await page.getByTestId('batch-line-clearance').check();
    await page.getByTestId('batch-start-submit').click();
    await page.getByTestId('batch-execution').waitFor();
    expect(await page.getByTestId('batch-number').textContent()).toMatch(/B-\d{4}-\d{4}/);
  });

  it('step 1: line clearance confirmed and signed', async () => {
    const first = await currentIndex();
    await step().getByTestId('value-lineClear').getByText('Yes').click();
    await signAndComplete();
    await expect.poll(currentIndex).toBe(first + 1);
  });

  it('step 2: refuses a quarantined lot, takes a released lot and a cabinet by scan', async () => {
    const index = await currentIndex();
    await step().getByTestId('value-mediumVolume').fill('100');
    await step().getByTestId('value-viability').fill('95');
    await scan(step().getByTestId('lot-scan'), '6250412');
    // The refusal is shown on the scan field before the next scan is taken.
    await expect.poll(() => step().getByTestId('lot-scan').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('scanned-lot').count()).toBe(0);
    await scan(step().getByTestId('lot-scan'), '6250311');
    await page.locator('[data-testid="scanned-lot"][data-lot-number="6250311"]').waitFor();
    await scan(step().getByTestId('equipment-scan'), 'BSC-01');
    await page.locator('[data-testid="scanned-equipment"][data-code="BSC-01"]').waitFor();
    await signAndComplete();
    await expect.poll(currentIndex).toBe(index + 1);
  });

  it('step 3: the performer cannot witness; a second person can, and the batch completes', async () => {
    await step().getByTestId('value-labelsVerified').getByText('Yes').click();
    await step().getByTestId('witness-username').fill('operator');
    await step().getByTestId('witness-password').fill(DEMO_PASSWORD);
    await signAndComplete();
    await expect.poll(() => page.getByTestId('step-refusal').getAttribute('data-code')).toBe('batch.witness_is_performer');
    await step().getByTestId('witness-username').fill('admin');
    await step().getByTestId('witness-password').fill(ADMIN_PASSWORD);
    await signAndComplete();
    await page.getByTestId('batch-completed').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('batch-record-pdf').click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
