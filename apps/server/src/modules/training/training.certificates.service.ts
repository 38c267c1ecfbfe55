/**
 * Certificates: every qualification gets one, with a random verification code that anyone holding
 * the paper can check without logging in. The PDF is rendered on request from the record (layout in
 * certificate.pdf.ts), so it always shows what the record says.
 */
import { randomInt } from 'node:crypto';
import { effectiveQualificationStatus, type StoredQualificationStatus } from '@hepatica/core';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { Problem, unprocessable } from '../../platform/errors';
import type { Writer } from '../../platform/write';
import { users } from '../identity/identity.tables';
import { homeSite } from '../sites/sites.service';
import { CertificateInputError, renderCertificate } from './certificate.pdf';
import { assertMayReadRecordOf, getQualificationRow, selectQualifications } from './training.qualifications.read';
import { trainingAssessments, trainingCertificates } from './training.tables';

/** Letters and digits that cannot be mistaken for each other when read aloud or typed: no 0/O, 1/I. */
export const VERIFICATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 12 characters of 32 = 60 random bits: guessing a valid code is hopeless. */
export const VERIFICATION_CODE_LENGTH = 12;

/** A new random verification code (crypto-strength, uniform over the alphabet). */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += VERIFICATION_ALPHABET[randomInt(VERIFICATION_ALPHABET.length)];
  return code;
}

/** The code as typed or printed ("abcd-efgh jklm") → "ABCDEFGHJKLM"; null when it cannot be a code. */
export function normaliseVerificationCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== VERIFICATION_CODE_LENGTH) return null;
  return [...code].every((c) => VERIFICATION_ALPHABET.includes(c)) ? code : null;
}

/** Path of the public verification endpoint, printed on the certificate. */
export function verifyPath(code: string): string {
  return `/api/v1/training/certificates/${code}/verify`;
}

/** Issues the certificate of a new qualification in the caller's transaction; codes are unique. */
export async function issueCertificate(w: Writer, qualificationId: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newVerificationCode();
    const [taken] = await w.tx.select({ id: trainingCertificates.id }).from(trainingCertificates).where(eq(trainingCertificates.verificationCode, code));
    if (!taken) return w.insert(trainingCertificates, 'training_certificate', { qualificationId, verificationCode: code, issuedAt: new Date() });
  }
  // 5 collisions in a 2^60 space means the random source is broken; refuse rather than reuse.
  throw new Error('Could not draw an unused certificate verification code');
}

/** The certificate of a qualification as a PDF; its learner, or training staff, may download it. */
export async function certificatePdf(db: Executor, qualificationId: string): Promise<{ buffer: Buffer; filename: string }> {
  const row = await getQualificationRow(db, qualificationId);
  assertMayReadRecordOf(row.learner.userId);
  if (!row.certificate) throw unprocessable('This qualification has no certificate.', { code: 'training.no_certificate' });
  const site = await homeSite(db);
  const code = row.certificate.code;
  try {
    const buffer = await renderCertificate({
      learnerName: row.learner.name,
      institution: row.learner.institution,
      courseCode: row.course.code,
      courseTitle: row.course.titleEn,
      courseTitleZh: row.course.titleZh,
      durationHours: row.course.durationHours,
      sopCode: row.course.sopCode,
      sopVersion: row.q.sopVersion,
      achievedAt: row.q.achievedAt,
      validUntil: row.q.validUntil,
      issuedAt: row.certificate.issuedAt,
      verificationCode: code,
      verifyPath: verifyPath(code),
      assessorName: await assessorName(db, row.q.assessmentId),
      siteName: site.name,
      timeZone: site.timeZone,
    });
    return { buffer, filename: `certificate-${row.course.code}-${code}.pdf` };
  } catch (error) {
    if (!(error instanceof CertificateInputError)) throw error;
    throw unprocessable(`The certificate cannot be printed: ${error.message.replace(/^Certificate: /, '')}.`, {
      code: 'training.certificate_not_printable',
      params: { field: error.field },
    });
  }
}


async function assessorName(db: Executor, assessmentId: string | null): Promise<string | null> {
  if (!assessmentId) return null;
  const [row] = await db
    .select({ name: users.displayName })
    .from(trainingAssessments)
    .innerJoin(users, eq(users.id, trainingAssessments.assessorId))
    .where(eq(trainingAssessments.id, assessmentId));
  return row?.name ?? null;
}

/**
 * Public verification of a certificate code. An unknown or malformed code gets one plain 404 that
 * says nothing about which codes or people exist.
 */
export async function verifyCertificate(db: Executor, rawCode: string, at = new Date()) {
  const code = normaliseVerificationCode(rawCode);
  const [row] = code ? await selectQualifications(db).where(eq(trainingCertificates.verificationCode, code)) : [];
  if (!row?.certificate) {
    throw new Problem({
      status: 404,
      slug: 'not-found',
      title: 'Not found',
      detail: 'No certificate has this verification code. Check the code as printed on the certificate.',
      code: 'training.certificate_not_found',
    });
  }
  const effectiveStatus = effectiveQualificationStatus({ status: row.q.status as StoredQualificationStatus, validUntil: row.q.validUntil }, at);
  return {
    genuine: true as const,
    current: effectiveStatus === 'valid',
    effectiveStatus,
    learnerName: row.learner.name,
    institution: row.learner.institution,
    courseCode: row.course.code,
    courseTitle: row.course.titleEn,
    courseTitleZh: row.course.titleZh,
    achievedAt: row.q.achievedAt.toISOString(),
    validUntil: row.q.validUntil?.toISOString() ?? null,
    issuedAt: row.certificate.issuedAt.toISOString(),
  };
}
