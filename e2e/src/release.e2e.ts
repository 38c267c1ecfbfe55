/**
 * The release journey in Chromium on the demo center, vein to vein: patient 5's completed CAR-T batch
 * (demo seed release.seed.ts) gets its QC results entered by one analyst and reviewed by another, QA
 * reviews the batch record, the QP certifies a conditional release naming the treating physician
 * (sterility is still incubating, as it is for most CAR-T products on their infusion day). The operator
 * ships the product, the ward nurse uploads the dry shipper's logger file, receives and stores it; at
 * the bedside a wrong wristband is stopped, then the nurse and the physician verify the right patient
 * and product and the nurse records the infusion; the order page shows the vein-to-vein path. Later
 * the sterility result fails, the physician acknowledges the notification for the infused patient
 * with a signature, and QA amends the certificate of analysis to version 2.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dinBarcode, labelDataMatrix, loggerCsv, siteMinute } from './bedside';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

const DEMO_PASSWORD = 'Hepatica-Demo-2026';
/** The CAR-T specification's tests due before release, with conforming values. */
const RESULTS: [code: string, value: string][] = [
  ['VIAB', '91.5'],
  ['CAR', '42.5'],
  ['CD3', '96.1'],
  ['VCN', '2.3'],
  ['ENDOTOXIN', '0.1'],
  ['MYCOPLASMA', 'pass'],
  ['RCL', 'pass'],
  ['DOSE', '2.0'],
];

describe('release to infusion: QC results, conditional release, shipment, bedside check, infusion, late result', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let batchId = '';
  /** The product as its label and the patient's wristband carry it, read once the batch is released. */
  const product = { batchNumber: '', din: '', orderId: '', subjectCode: '', coi: '' };
  let shipmentId = '';

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
    await browser.context.clearCookies();
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  }
  async function sign() {
    await page.getByTestId('sign-password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-submit').click();
    await page.getByTestId('sign-password').waitFor({ state: 'detached' });
  }
  /** A keyboard-wedge scanner types the code into the focused field and presses Enter. */
  async function scan(field: Locator, code: string) {
    await field.fill('');
    await field.pressSequentially(code, { delay: 2 });
    await field.press('Enter');
  }
  const hasFocus = (testId: string) => page.getByTestId(testId).evaluate((el) => el === document.activeElement);
  async function api<T>(path: string): Promise<T> {
    const res = await page.request.get(`${server.url}/api/v1${path}`);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  }
  const shipmentStatus = () => page.getByTestId('shipment-status').getAttribute('data-status');

  const state = (code: string) =>
    page.getByTestId(`qc-test-${code}`).locator('[data-testid^="qc-state-"]').getAttribute('data-testid');

  async function enterResult(code: string, value: string) {
    await page.getByTestId('qc-entry-test').click();
    await page.getByRole('option', { name: new RegExp(`^${code} ·`) }).click();
    if (value === 'pass' || value === 'fail')
      await page
        .getByTestId('qc-entry-passfail')
        .getByText(value === 'pass' ? 'Pass' : 'Fail')
        .click();
    else await page.getByTestId('qc-entry-value').fill(value);
    await page.getByTestId('qc-entry-sign').click();
    await sign();
    await expect.poll(() => state(code)).toBe('qc-state-awaiting_review');
  }

  async function reviewAll() {
    const buttons = page.locator('[data-testid^="qc-review-"]');
    await buttons.first().waitFor();
    for (let left = await buttons.count(); left > 0; left--) {
      await buttons.first().click();
      await sign();
      await expect.poll(() => buttons.count()).toBe(left - 1);
    }
  }

  it('the analyst enters every result due before release, each signed', async () => {
    await login('qc');
    const res = await page.request.get(`${server.url}/api/v1/batches?status=completed`);
    const batch = ((await res.json()) as { items: { id: string; processCode: string }[] }).items.find(
      (b) => b.processCode === 'CART-GPC3',
    );
    expect(batch).toBeDefined();
    batchId = batch!.id;
    await page.goto(`${server.url}/qc/batches/${batchId}`);
    await page.getByTestId('qc-entry').waitFor();
    for (const [code, value] of RESULTS) await enterResult(code, value);
    expect(await state('STERILITY')).toBe('qc-state-missing');
  });

  it('a second analyst reviews each result', async () => {
    await login('qc2');
    await page.goto(`${server.url}/qc/batches/${batchId}`);
    await reviewAll();
    for (const [code] of RESULTS) expect(await state(code)).toBe('qc-state-conforming');
  });

  it('QA reads the audit trail and signs the review; release is still blocked by the pending sterility test', async () => {
    await login('qa');
    await page.goto(`${server.url}/release/batches/${batchId}`);
    await page.getByTestId('blocker-release-release.no_review').waitFor();
    expect(await page.getByTestId('blocker-release-release.results_pending').textContent()).toContain('STERILITY');
    await page.getByTestId('tab-trail').click();
    await page.getByTestId('trail-events').waitFor();
    expect(await page.locator('[data-testid="trail-event"][data-entity="qc_result"]').count()).toBeGreaterThanOrEqual(
      RESULTS.length,
    );
    await page.getByTestId('tab-release').click();
    await page.getByTestId('review-comment').fill('Record complete, every step in range, no deviation.');
    await page.getByTestId('review-sign').click();
    await sign();
    await page.getByTestId('review-done').waitFor();
    expect(await page.getByTestId('check-coi').getAttribute('data-ok')).toBe('true');
  });

  it('the QP certifies a conditional release naming the treating physician; CoA version 1 is issued', async () => {
    await login('qp');
    await page.goto(`${server.url}/release/batches/${batchId}`);
    await page.getByTestId('decision-choice').getByText('Conditional release').click();
    await page.getByTestId('decision-physician').selectOption({ label: 'Dr. Zhang Wei (physician)' });
    await page.getByTestId('decision-sign').click();
    await sign();
    await expect
      .poll(() => page.getByTestId('release-batch-status').getAttribute('data-value'))
      .toBe('conditionally_released');
    await page.getByTestId('tab-coa').click();
    const href = await page.getByTestId('coa-download').getAttribute('href');
    const pdf = await page.request.get(`${server.url}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the operator ships the conditionally released product after scanning its DIN barcode', async () => {
    await login('operator');
    const batch = await api<{ batchNumber: string; din: string; orderId: string; completedAt: string; productExpiresAt: string }>(`/batches/${batchId}`);
    const order = await api<{ subjectCode: string; coi: string }>(`/orders/${batch.orderId}`);
    Object.assign(product, { batchNumber: batch.batchNumber, din: batch.din, orderId: batch.orderId, ...order });
    const [site] = (await api<{ items: { timeZone: string }[] }>('/sites')).items;
    await page.getByTestId('nav-shipments').click();
    await page.getByTestId('shipment-new').click();
    await page.getByTestId('shipment-batch').click();
    await page.getByRole('option', { name: new RegExp(`^${product.batchNumber} ·`) }).click();
    await scan(page.getByTestId('shipment-scan'), dinBarcode(product.din));
    await page.getByTestId('shipment-courier').fill('World Courier');
    await page.getByTestId('shipment-shipper').fill('DS-07');
    await page.getByTestId('shipment-to').fill('Hepatobiliary ward 5');
    // The expiry is the QP's: end of manufacture + the CAR-T specification's 270-day shelf life.
    expect(batch.productExpiresAt).toBe(new Date(Date.parse(batch.completedAt) + 270 * 86_400_000).toISOString());
    const expiry = siteMinute(new Date(batch.productExpiresAt), site!.timeZone).replace('T', ' ');
    expect(await page.getByTestId('shipment-expires').textContent()).toContain(expiry);
    await page.getByTestId('shipment-create-submit').click();
    await page.getByTestId('shipment-detail').waitFor();
    await expect.poll(shipmentStatus).toBe('in_transit');
    shipmentId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await page.getByTestId('shipment-din').textContent()).toBe(product.din);
    expect(await page.getByTestId('shipment-detail').textContent()).toContain('conditionally released');
  });

  it('at the ward the nurse uploads the logger file (in range), receives the shipper by scan and stores the bag', async () => {
    await login('nurse');
    await page.goto(`${server.url}/bedside/shipments/${shipmentId}`);
    await page.getByTestId('logger-open').click();
    await page.getByTestId('logger-id').fill('TL-4471');
    const csv = loggerCsv(new Date(), [-191.2, -190.6, -189.9, -189.4, -188.7]);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('logger-file').click()]);
    await chooser.setFiles({ name: 'TL-4471.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('logger-csv').inputValue()).toBe(csv);
    await page.getByTestId('logger-upload-submit').click();
    await page.getByTestId('excursion-none').waitFor();
    expect(await page.getByTestId('excursion-none').textContent()).toBe('All 5 readings within ≤ −150 °C.');
    expect(await page.getByTestId('temperature-chart').getAttribute('data-points')).toBe('5');

    await page.getByTestId('receipt-open').click();
    await scan(page.getByTestId('receipt-scan'), dinBarcode(product.din));
    await page.getByTestId('receipt-temperature').fill('-188');
    await page.getByTestId('receipt-submit').click();
    await expect.poll(shipmentStatus).toBe('received');
    await page.getByTestId('storage-open').click();
    await scan(page.getByTestId('storage-scan'), dinBarcode(product.din));
    await page.getByTestId('storage-location').fill('LN2 dewar 2, rack B');
    await page.getByTestId('storage-temperature').fill('-190');
    await page.getByTestId('storage-submit').click();
    await expect.poll(shipmentStatus).toBe('stored');
    const types = await page
      .locator('[data-testid="shipment-custody"] tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type')));
    expect(types.slice(-3)).toEqual(['shipment', 'receipt', 'storage']);
  });

  it("at the bedside the next bed's wristband is stopped and nothing is recorded", async () => {
    const orders = await api<{ items: { subjectCode: string }[] }>('/orders');
    const otherPatient = orders.items.find((o) => o.subjectCode !== product.subjectCode)!.subjectCode;
    await page.getByTestId('bedside-open').click();
    await page.getByTestId('bedside-verify').waitFor();
    await scan(page.getByTestId('bedside-wristband'), otherPatient);
    await scan(page.getByTestId('bedside-product'), labelDataMatrix(product.din, product.coi));
    expect(await hasFocus('bedside-second-username')).toBe(true);
    await page.getByTestId('bedside-second-username').fill('physician');
    await page.getByTestId('bedside-second-password').fill(DEMO_PASSWORD);
    await page.getByTestId('bedside-password').fill(DEMO_PASSWORD);
    await page.getByTestId('bedside-verify-submit').click();
    const refusal = page.getByTestId('bedside-refusal');
    await refusal.waitFor();
    const text = await refusal.textContent();
    expect(text).toContain('STOP — do not infuse');
    expect(text).toContain(`subject code ${otherPatient} (expected ${product.subjectCode})`);
    expect(text).toContain('Do not infuse this product into this patient. Nothing was recorded');
    // The pair starts again from an empty wristband field; the infusion form is not offered.
    expect(await page.getByTestId('bedside-wristband').inputValue()).toBe('');
    expect(await hasFocus('bedside-wristband')).toBe(true);
    expect(await page.getByTestId('infusion-form').count()).toBe(0);
    const shipment = await api<{ verifications: unknown[]; custodyExceptions: { detail: string }[] }>(
      `/shipments/${shipmentId}`,
    );
    expect(shipment.verifications).toEqual([]);
    expect(shipment.custodyExceptions.map((x) => x.detail)).toEqual([expect.stringContaining('STOP')]);
  });

  it('the right wristband and the label, with the physician signing in as second person, open the infusion', async () => {
    await scan(page.getByTestId('bedside-wristband'), product.subjectCode);
    expect(await hasFocus('bedside-product')).toBe(true);
    await scan(page.getByTestId('bedside-product'), labelDataMatrix(product.din, product.coi));
    await page.getByTestId('bedside-password').fill(DEMO_PASSWORD);
    await page.getByTestId('bedside-verify-submit').click();
    const match = page.getByTestId('bedside-match');
    await match.waitFor();
    const text = await match.textContent();
    expect(text).toContain(`${product.subjectCode} · DIN ${product.din} · ${product.coi}`);
    expect(text).toContain('Verified by nurse and physician');
  });

  it('the nurse records the infusion with its dose and start time, signed', async () => {
    const { receivedAt } = await api<{ receivedAt: string }>(`/shipments/${shipmentId}`);
    // The start is left at "now": an untouched time field sends the true current time, after the receipt.
    expect(await page.getByTestId('infusion-start').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await page.getByTestId('infusion-cells').fill('140');
    await page.getByTestId('infusion-weight').fill('70');
    await page.getByTestId('infusion-volume').fill('60');
    expect(await page.getByTestId('infusion-per-kg').textContent()).toContain('2.00 × 10⁶ / kg');
    expect(await page.getByTestId('infusion-location').inputValue()).toBe('Hepatobiliary ward 5');
    await page.getByTestId('infusion-location').fill('Hepatobiliary ward 5, bed 12');
    await page.getByTestId('infusion-password').fill(DEMO_PASSWORD);
    await page.getByTestId('infusion-submit').click();
    const done = page.getByTestId('bedside-infused');
    await done.waitFor();
    expect(await done.textContent()).toContain('Infused 140 × 10⁶ CAR+ cells (2 × 10⁶ cells/kg)');
    await page.getByText('Back to the shipment').click();
    await expect.poll(shipmentStatus).toBe('infused');
    expect(await page.getByTestId('verification-card').count()).toBe(1);
    expect(await page.getByTestId('shipment-exception').textContent()).toContain('STOP');
    expect(await page.getByTestId('infusion-card').textContent()).toContain('Hepatobiliary ward 5, bed 12');
    const { infusion } = await api<{ infusion: { startedAt: string } }>(`/shipments/${shipmentId}`);
    expect(Date.parse(infusion.startedAt)).toBeGreaterThanOrEqual(Date.parse(receivedAt));
    expect(Date.now() - Date.parse(infusion.startedAt)).toBeLessThan(10 * 60_000);
  });

  it("the order page shows the infusion and the vein-to-vein path with each leg's duration", async () => {
    await page.goto(`${server.url}/orders/${product.orderId}`);
    await page.getByTestId('vein-to-vein').waitFor();
    expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('infused');
    expect(await page.locator('[data-testid="timeline-item"][data-kind="infusion"]').count()).toBe(1);
    const legs = page.getByTestId('vein-to-vein-leg');
    expect(await legs.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-leg')))).toEqual([
      'to_manufacturing',
      'manufacturing',
      'qc_release',
      'awaiting_shipment',
      'transport',
      'at_site',
    ]);
    const minutes = await legs.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-minutes')));
    for (const m of minutes) expect(Number(m)).toBeGreaterThanOrEqual(0);
    expect(minutes.every((m) => m !== '')).toBe(true);
    // Collected 30 hours before the demo center was seeded; the journey above takes minutes.
    const total = Number(await page.getByTestId('vein-to-vein').getAttribute('data-total'));
    expect(total).toBeGreaterThanOrEqual(30 * 60);
    expect(total).toBeLessThan(32 * 60);
    expect(await page.getByTestId('vein-to-vein-total').textContent()).toBe(`1 d ${Math.floor((total - 1440) / 60)} h`);
  });

  it('the late sterility result fails: entered, reviewed, and the physician is notified', async () => {
    await login('qc');
    await page.goto(`${server.url}/qc/batches/${batchId}`);
    await enterResult('STERILITY', 'fail');
    await login('qc2');
    await page.goto(`${server.url}/qc/batches/${batchId}`);
    await reviewAll();
    await expect.poll(() => state('STERILITY')).toBe('qc-state-non_conforming');
  });

  it('the physician sees it on the home page and acknowledges it with a signature', async () => {
    await login('physician');
    await page.getByTestId('home-open-notifications').waitFor();
    await page.goto(`${server.url}/release/notifications`);
    const card = page.locator('[data-testid="release-notification"][data-status="open"]');
    expect(await card.textContent()).toContain('STERILITY');
    await page
      .getByTestId('acknowledge-text')
      .fill('Patient reviewed: afebrile, blood cultures taken, prophylactic antibiotics started.');
    await page.getByTestId('acknowledge-sign').click();
    await sign();
    await page.getByTestId('notifications-empty').waitFor();
  });

  it('QA amends the certificate of analysis to version 2 with the reason', async () => {
    await login('qa');
    await page.goto(`${server.url}/release/batches/${batchId}`);
    await page.getByTestId('tab-coa').click();
    await page.getByTestId('coa-outdated').waitFor();
    await page.getByTestId('coa-amend-reason').fill('14-day sterility result reviewed: growth detected');
    await page.getByTestId('coa-amend').click();
    await sign();
    await page.getByTestId('coa-version-2').waitFor();
    expect(await page.getByTestId('coa-download').textContent()).toContain('2');
  });
});
