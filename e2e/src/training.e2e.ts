/**
 * The training academy in Chromium: a trainer registers an external learner, enrols them in a
 * session, records a passing score, downloads the certificate, checks it on the public
 * verification page, and sees the year's "trained" count go up on the dashboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

const DEMO_PASSWORD = 'Hepatica-Demo-2026';
const LEARNER = `Zhao Lin ${Date.now().toString(36)}`;

describe('training academy: enrol, pass, certificate, dashboard', () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let trainedBefore = 0;
  let sessionId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill('trainer');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    sessionId = await scheduleSession(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const trained = async () => Number(await page.getByTestId('dashboard-trained').getAttribute('data-value'));

  it('shows the year’s trained count on the dashboard', async () => {
    await page.getByTestId('nav-training-dashboard').click();
    await page.getByTestId('dashboard-trained').waitFor();
    trainedBefore = await trained();
    expect(trainedBefore).toBeGreaterThan(0);
  });

  it('registers an external learner from a partner hospital', async () => {
    await page.getByTestId('nav-training-learners').click();
    await page.getByTestId('learner-new').click();
    await page.getByTestId('learner-name').fill(LEARNER);
    await page.getByTestId('learner-institution').fill('Beijing Youan Hospital, Capital Medical University');
    await page.getByTestId('learner-profession').fill('Hepatologist');
    await page.getByTestId('learner-submit').click();
    await page.getByTestId('learner-detail').waitFor();
  });

  it('enrols the learner in a session and records a passing score', async () => {
    await page.goto(`${server.url}/training/sessions/${sessionId}`);
    const select = page.getByTestId('enroll-learner');
    await select.click();
    await select.pressSequentially(LEARNER.slice(0, 12), { delay: 10 });
    await page.getByRole('option', { name: new RegExp(LEARNER) }).click();
    await page.getByTestId('enroll-submit').click();
    const row = page.locator('[data-testid="enrollment-row"][data-status="enrolled"]', { hasText: LEARNER });
    await row.waitFor();
    await row.getByTestId('enrollment-assess').click();
    await page.getByTestId('assessment-score').fill('92');
    await page.getByTestId('assessment-submit').click();
    await expect.poll(() => page.getByTestId('assessment-result').getAttribute('data-passed')).toBe('true');
  });

  it('downloads the certificate, which the public page confirms as genuine and current', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('certificate-download').click()]);
    const pdf = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const code = /certificate-[A-Z0-9-]+-([A-Z0-9]{12})\.pdf/.exec(download.suggestedFilename())?.[1];
    expect(code, download.suggestedFilename()).toBeDefined();
    // Anyone may check a certificate: the API answers without a session cookie…
    const anonymous = await fetch(`${server.url}/api/v1/training/certificates/${code}/verify`);
    expect(await anonymous.json()).toMatchObject({ genuine: true, current: true, learnerName: LEARNER });
    // …and the verification page shows it.
    const publicPage = await browser.context.newPage();
    await publicPage.goto(`${server.url}/verify/${code}`);
    const result = publicPage.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-current')).toBe('true');
    expect(await result.textContent()).toContain(LEARNER);
    await publicPage.close();
  });

  it('counts the new learner on the dashboard', async () => {
    await page.keyboard.press('Escape'); // close the assessment result dialog
    await page.getByTestId('nav-training-dashboard').click();
    await page.getByTestId('dashboard-trained').waitFor();
    await expect.poll(trained).toBe(trainedBefore + 1);
  });
});

/** A GCP session tomorrow (no prerequisites), scheduled through the API: scheduling is not under test here. */
async function scheduleSession(page: Page, base: string): Promise<string> {
  const api = page.context().request;
  const courses = (await (await api.get(`${base}/api/v1/training/courses`)).json()) as { items: { id: string; code: string }[] };
  const me = (await (await api.get(`${base}/api/v1/auth/me`)).json()) as { user: { id: string } };
  const gcp = courses.items.find((c) => c.code === 'GCP-110')!;
  const start = new Date(Date.now() + 24 * 3_600_000);
  const res = await api.post(`${base}/api/v1/training/sessions`, {
    data: { courseId: gcp.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString(), trainerId: me.user.id, room: 'Training room 2', capacity: 12 },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
