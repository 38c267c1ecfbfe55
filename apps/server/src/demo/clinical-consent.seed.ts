/**
 * The demo patients who have an order get what the consent gate asks for before any treatment: their study's
 * effective protocol (version 1) with its ethics approval, the consent document in Chinese and English (with
 * optional parts for future use of samples, genetic research and long-term follow-up contact), an enrolled
 * study subject and a consent record taken by the demo physician. The rich clinical demo (criteria, visits,
 * screening log, subjects at other stages) builds on this.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { consentedSubject } from '../modules/clinical/consent/consent.fixtures';
import { users } from '../modules/identity/identity.tables';

const DAY = 86_400_000;

export const DEMO_CONSENT_PARTS = [
  { code: 'future_use_of_samples', label: 'Storage of my leftover samples for future research on liver disease' },
  { code: 'genetic_research', label: 'Genetic research on my samples' },
  { code: 'long_term_follow_up_contact', label: 'Being contacted for long-term follow-up after the study' },
];

const TITLES = { 'zh-CN': '受试者知情同意书', en: 'Subject informed consent form' };

/** The patient's enrolled subject with a valid consent, `daysAgo` days ago, taken by the demo physician. */
export async function consentDemoPatient(db: Db, patientId: string, studyId: string, password: string, daysAgo = 21): Promise<string> {
  const [physician] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'physician'));
  if (!physician) throw new Error('The demo physician must exist before the consent seed');
  const { subjectId } = await consentedSubject(
    db,
    { userId: physician.id, password },
    { patientId, studyId, consentedAt: new Date(Date.now() - daysAgo * DAY), languages: ['zh-CN', 'en'], optionalParts: DEMO_CONSENT_PARTS, versionLabel: '1.0', titles: TITLES },
  );
  return subjectId;
}

/** Each demo patient with an order, enrolled and consented, before the orders are opened. */
export async function seedClinicalConsent(db: Db, patients: { patientId: string; studyId: string }[], password: string): Promise<void> {
  let daysAgo = 28;
  for (const p of patients) {
    await consentDemoPatient(db, p.patientId, p.studyId, password, daysAgo);
    daysAgo -= 3;
  }
}
