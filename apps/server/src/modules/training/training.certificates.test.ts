/**
 * Certificates as a reader sees them: the PDF is rasterised with MuPDF and its text read back, and
 * the public verification answers anyone holding the code, without a login.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage } from '../../test/barcodes';
import type { Harness, TestUser } from '../../test/harness';
import { createCourse, createExternalLearner, grantQualification, trainingHarness } from '../../test/training-fixtures';
import { formatCertificateDate, formatVerificationCode, renderCertificate, type CertificateInput } from './certificate.pdf';
import { newVerificationCode, normaliseVerificationCode } from './training.certificates.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Qualification = { id: string; learnerId: string; validUntil: string; achievedAt: string; certificateCode: string };
type Verification = { genuine: boolean; current: boolean; effectiveStatus: string; learnerName: string; institution: string; courseCode: string; courseTitle: string; courseTitleZh: string; validUntil: string | null; issuedAt: string };
type Problem = { code: string; detail: string; status: number };

describe('training certificates', () => {
  let h: Harness;
  let trainer: TestUser;
  let course: { id: string; code: string };
  beforeAll(async () => {
    ({ h, trainer } = await trainingHarness());
    course = await createCourse(h, trainer, {
      code: 'CP-310',
      title: 'CAR-T manufacturing in a closed automated system',
      titleZh: '封闭式自动化系统中的CAR-T制备',
      category: 'cell_processing',
      validityMonths: 24,
      durationHours: 16,
      sopCode: 'SOP-MFG-031',
      sopVersion: '2.0',
    });
  });
  afterAll(() => h.close());

  const external = (name: string) =>
    createExternalLearner(h, trainer, name, { institution: 'Beijing Ditan Hospital, Capital Medical University', profession: 'Hepatologist' });
  const grant = (body: Record<string, unknown>) => grantQualification<Qualification>(h, trainer, { courseId: course.id, ...body });
  const verify = (code: string) => h.request(null, 'GET', `/api/v1/training/certificates/${encodeURIComponent(code)}/verify`);

  it('prints learner, institution, course, validity and the verification code on an A4 landscape page', async () => {
    const learner = await external('Zhang Xiaoyu');
    const q = await grant({ learnerId: learner.id, achievedAt: '2026-03-14T01:30:00Z' });
    const res = await h.request(trainer, 'GET', `/api/v1/training/qualifications/${q.id}/certificate.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="certificate-CP-310-${q.certificateCode}.pdf"`);
    const doc = mupdf.Document.openDocument(res.rawPayload, 'application/pdf');
    expect(doc.countPages()).toBe(1);
    const [x0, y0, x1, y1] = doc.loadPage(0).getBounds();
    expect([(x1 - x0) / (72 / 25.4), (y1 - y0) / (72 / 25.4)].map(Math.round)).toEqual([297, 210]);
    const page = renderPage(res.rawPayload, 150);
    if (process.env.HEPATICA_KEEP_CERTIFICATE_PNG === '1') {
      const file = path.join(os.tmpdir(), `hepatica-certificate-${q.certificateCode}.png`);
      writeFileSync(file, page.png);
      console.info(`certificate PNG written to ${file}`);
    }
    expect(page.text).toContain('Certificate of Qualification');
    expect(page.text).toContain('Zhang Xiaoyu');
    expect(page.text).toContain('Beijing Ditan Hospital, Capital Medical University');
    expect(page.text).toContain('CP-310');
    expect(page.text).toContain('CAR-T manufacturing in a closed automated system');
    expect(page.text).toContain('SOP-MFG-031 version 2.0');
    // Achieved 14 March 2026 09:30 Beijing time; 24 months later, the same local time.
    expect(page.text).toContain('14 March 2026');
    expect(page.text).toContain('14 March 2028');
    expect(formatCertificateDate(new Date(q.validUntil), 'Asia/Shanghai')).toBe('14 March 2028');
    expect(page.text).toContain('09:30 Asia/Shanghai (UTC+08:00)');
    expect(page.text).toContain(formatVerificationCode(q.certificateCode));
    expect(page.text).toContain(`/api/v1/training/certificates/${q.certificateCode}/verify`);
    expect(page.text).toContain('Issuing body'); // recorded without an assessment: issued by the academy
    // The Chinese title is printed under the English one.
    expect(page.text).toContain('封闭式自动化系统中的CAR-T制备');
  });

  it('verifies a code publicly; current turns false once suspended, revoked or expired', async () => {
    const learner = await external('Li Xin');
    const q = await grant({ learnerId: learner.id, achievedAt: new Date(Date.now() - 86_400_000).toISOString() });
    const ok = await verify(q.certificateCode);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Verification>()).toMatchObject({
      genuine: true,
      current: true,
      effectiveStatus: 'valid',
      learnerName: 'Li Xin',
      institution: 'Beijing Ditan Hospital, Capital Medical University',
      courseCode: 'CP-310',
      courseTitleZh: '封闭式自动化系统中的CAR-T制备',
      validUntil: q.validUntil,
    });
    // As printed (groups of four) and in lower case, it is the same code.
    expect((await verify(formatVerificationCode(q.certificateCode).toLowerCase())).json<Verification>().current).toBe(true);
    await h.request(trainer, 'POST', `/api/v1/training/qualifications/${q.id}/suspend`, { reason: 'Deviation under investigation' });
    expect((await verify(q.certificateCode)).json<Verification>()).toMatchObject({ genuine: true, current: false, effectiveStatus: 'suspended' });
    await h.request(trainer, 'POST', `/api/v1/training/qualifications/${q.id}/revoke`, { reason: 'Training record falsified' });
    expect((await verify(q.certificateCode)).json<Verification>()).toMatchObject({ current: false, effectiveStatus: 'revoked' });
    const old = await grant({ learnerId: (await external('Wei Dong')).id, achievedAt: '2023-01-10T02:00:00Z' });
    expect((await verify(old.certificateCode)).json<Verification>()).toMatchObject({ current: false, effectiveStatus: 'expired' });
  });

  it('answers an unknown or malformed code with a 404 that reveals nothing', async () => {
    for (const code of ['ABCDEFGHJKLM', 'abcd', 'O0O0O0O0O0O0', "'; select 1 --"]) {
      const res = await verify(code);
      expect(res.statusCode, code).toBe(404);
      const problem = res.json<Problem>();
      expect(problem.code).toBe('training.certificate_not_found');
      expect(problem.detail).toBe('No certificate has this verification code. Check the code as printed on the certificate.');
    }
  });

  it('lets the learner download their own certificate and nobody else\'s', async () => {
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    const own = await grant({ userId: trainee.id, achievedAt: new Date().toISOString() });
    const other = await grant({ learnerId: (await external('Sun Yue')).id, achievedAt: new Date().toISOString() });
    expect((await h.request(trainee, 'GET', `/api/v1/training/qualifications/${own.id}/certificate.pdf`)).statusCode).toBe(200);
    expect((await h.request(trainee, 'GET', `/api/v1/training/qualifications/${other.id}/certificate.pdf`)).statusCode).toBe(403);
    expect((await h.request(trainee, 'GET', `/api/v1/training/qualifications/${UNKNOWN}/certificate.pdf`)).statusCode).toBe(404);
    expect((await h.request(null, 'GET', `/api/v1/training/qualifications/${own.id}/certificate.pdf`)).statusCode).toBe(401);
    expect((await h.request(trainer, 'GET', '/api/v1/training/qualifications/not-an-id/certificate.pdf')).statusCode).toBe(400);
    const qa = await h.createTestUser({ roles: ['qa'] });
    expect((await h.request(qa, 'GET', `/api/v1/training/qualifications/${other.id}/certificate.pdf`)).statusCode).toBe(200);
  });

  it('prints a Chinese name and the Chinese course title (embedded Noto Sans SC)', async () => {
    const learner = await external('王小明');
    const q = await grant({ learnerId: learner.id, achievedAt: new Date().toISOString() });
    const res = await h.request(trainer, 'GET', `/api/v1/training/qualifications/${q.id}/certificate.pdf`);
    expect(res.statusCode).toBe(200);
    const text = renderPage(res.rawPayload, 72).text;
    expect(text).toContain('王小明');
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
  });
});

describe('certificate renderer and codes', () => {
  const sample: CertificateInput = {
    learnerName: 'Liu Yang',
    institution: 'Beijing Liver CGT Center',
    courseCode: 'ASEP-201',
    courseTitle: 'Aseptic technique and cleanroom gowning qualification',
    durationHours: 8,
    sopCode: 'SOP-GMP-014',
    sopVersion: '3.0',
    achievedAt: new Date('2026-03-14T01:30:00Z'),
    validUntil: null,
    issuedAt: new Date('2026-03-14T01:31:00Z'),
    verificationCode: 'K7QX3MZP9TWA',
    verifyPath: '/api/v1/training/certificates/K7QX3MZP9TWA/verify',
    assessorName: 'Wu Fang',
    siteName: 'Beijing Liver CGT Center',
    timeZone: 'Asia/Shanghai',
  };

  it('is deterministic, names the assessor and says when a qualification does not expire', async () => {
    const pdf = await renderCertificate(sample);
    expect((await renderCertificate(sample)).equals(pdf)).toBe(true);
    const text = renderPage(pdf, 72).text;
    expect(text).toContain('Wu Fang');
    expect(text).toContain('Assessor');
    expect(text).toContain('Does not expire');
  });

  it('fits a long course title on two lines, prints Chinese, and refuses what it cannot print', async () => {
    const title = 'Viral vector production: lentiviral vector upstream and downstream processing, titration and release testing under GMP';
    expect(renderPage(await renderCertificate({ ...sample, courseTitle: title }), 72).text.replace(/\s+/g, ' ')).toContain(title);
    const chinese = renderPage(await renderCertificate({ ...sample, institution: '首都医科大学附属北京佑安医院' }), 72).text;
    expect(chinese).toContain('首都医科大学附属北京佑安医院');
    await expect(renderCertificate({ ...sample, courseCode: 'ＧＭＰ-１' })).rejects.toThrow(/ASCII/);
    await expect(renderCertificate({ ...sample, verificationCode: 'K7QX' })).rejects.toThrow(RangeError);
  });

  it('draws codes from the unambiguous alphabet and reads them back however they are typed', () => {
    const codes = new Set(Array.from({ length: 2000 }, newVerificationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    expect(normaliseVerificationCode(' k7qx-3mzp 9twa ')).toBe('K7QX3MZP9TWA');
    expect(normaliseVerificationCode('K7QX-3MZP-9TW0')).toBeNull(); // 0 is never used
    expect(normaliseVerificationCode('K7QX3MZP9TW')).toBeNull();
  });
});
