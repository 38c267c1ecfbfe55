/**
 * The demo academy's records: assessments and qualifications that tell the center's story. The two GMP
 * operators hold GMP-101, ASEP-201, CELL-210 and LVV-220 but their APS-301 (media fill) expired last month,
 * so the gate refuses them aseptic work; the QC analyst holds QC-240; the held sessions have their results; a
 * cohort of partner clinicians and researchers trained this year brings the dashboard toward its
 * target of 100; a few qualifications expire within 30/60/90 days; one is suspended.
 * Run as the demo trainer, through the same services (and audit trail) as real work.
 */
import { addMonthsInZone, localDate, localYearBounds, localYear, startOfLocalDay } from '@hepatica/core';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { write } from '../platform/write';
import { users } from '../modules/identity/identity.tables';
import { homeSite } from '../modules/sites/sites.service';
import { recordAssessment } from '../modules/training/training.assessments.service';
import { createLearner, learnerForUser } from '../modules/training/training.learners.service';
import { changeQualificationStatus, listQualifications, recordQualification } from '../modules/training/training.qualifications.service';
import { trainingCourses, trainingEnrollments, trainingLearners, trainingSessions } from '../modules/training/training.tables';
import { DEMO_PASSWORD } from './demo-password';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Ctx {
  db: Db;
  timeZone: string;
  now: Date;
  courses: Map<string, string>;
}

export async function seedTrainingRecords(db: Db): Promise<void> {
  const { timeZone } = await homeSite(db);
  const courses = new Map((await db.select({ code: trainingCourses.code, id: trainingCourses.id }).from(trainingCourses)).map((c) => [c.code, c.id]));
  const ctx: Ctx = { db, timeZone, now: new Date(), courses };
  for (const username of OPERATORS) await seedOperatorHistory(ctx, username);
  await seedSessionResults(ctx);
  await seedStaffQualifications(ctx);
  await seedPartnerCohort(ctx);
  await seedExpiringSoon(ctx);
}

// ---------------------------------------------------------------- helpers

/** Local `hour`:00 on the day `days` from today (negative: in the past). */
function localDay(ctx: Ctx, days: number, hour: number): Date {
  return new Date(startOfLocalDay(ctx.now, ctx.timeZone, days).getTime() + hour * HOUR);
}

async function userId(db: Db, username: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} is missing`);
  return user.id;
}

/** The learner of a demo user (created on demand, as the services do for staff). */
async function staff(ctx: Ctx, username: string): Promise<string> {
  const id = await userId(ctx.db, username);
  return (await write(ctx.db, (w) => learnerForUser(w, id))).id;
}

async function learnerNamed(ctx: Ctx, name: string): Promise<string> {
  const [row] = await ctx.db.select({ id: trainingLearners.id }).from(trainingLearners).where(eq(trainingLearners.name, name));
  if (!row) throw new Error(`demo learner ${name} is missing`);
  return row.id;
}

function theory(ctx: Ctx, learnerId: string, code: string, score: number, assessedAt: Date, sessionId?: string) {
  return recordAssessment(ctx.db, { learnerId, courseId: ctx.courses.get(code)!, kind: 'theory', score, assessedAt: assessedAt.toISOString(), sessionId });
}

/** A practical assessment, signed by the demo trainer (who runs the seed). */
function practical(ctx: Ctx, learnerId: string, code: string, assessedAt: Date, meaning: string, notes?: string) {
  return recordAssessment(ctx.db, {
    learnerId,
    courseId: ctx.courses.get(code)!,
    kind: 'practical',
    passed: true,
    assessedAt: assessedAt.toISOString(),
    notes,
    signature: { password: DEMO_PASSWORD, meaning },
  });
}

// ---------------------------------------------------------------- the story

/** The demo operators, Liu Yang and Gao Peng, trained side by side (Gao Peng witnesses Liu Yang's steps). */
const OPERATORS = ['operator', 'operator2'];

/**
 * Each operator: GMP-101 first passed two years ago (since renewed at the refresher session),
 * ASEP-201 gowning eight months ago, CELL-210 five months ago, LVV-220 four months ago (they ran the
 * demo's lentiviral vector batch), APS-301 media fill whose six months ran out on the 15th of last
 * month, so the gate refuses them aseptic processing until they requalify.
 */
async function seedOperatorHistory(ctx: Ctx, username: string): Promise<void> {
  const operator = await staff(ctx, username);
  await theory(ctx, operator, 'GMP-101', 84, addMonthsInZone(localDay(ctx, -3, 15), -23, ctx.timeZone));
  await practical(ctx, operator, 'ASEP-201', addMonthsInZone(localDay(ctx, 0, 10), -8, ctx.timeZone), 'Gowning qualification observed: 3 consecutive passes, contact plates within grade A limits');
  await theory(ctx, operator, 'CELL-210', 89, addMonthsInZone(localDay(ctx, 0, 16), -5, ctx.timeZone));
  await theory(ctx, operator, 'LVV-220', 86, addMonthsInZone(localDay(ctx, -2, 16), -4, ctx.timeZone));
  const dayOfMonth = Number(localDate(ctx.now, ctx.timeZone).slice(8));
  const expiredOn = addMonthsInZone(localDay(ctx, 15 - dayOfMonth, 10), -1, ctx.timeZone);
  await practical(ctx, operator, 'APS-301', addMonthsInZone(expiredOn, -6, ctx.timeZone), 'Media fill APS-2026-02: 0 contaminated units of 3,120', 'Worst-case interventions included');
}

/** Results of the sessions already held: a theory test at the end of the day for everyone who attended. */
async function seedSessionResults(ctx: Ctx): Promise<void> {
  const held = await ctx.db
    .select({ id: trainingSessions.id, endsAt: trainingSessions.endsAt, code: trainingCourses.code })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(lt(trainingSessions.endsAt, ctx.now))
    .orderBy(asc(trainingSessions.startsAt));
  // GCP scores by learner name: Sun Liqun fails (pass mark 80) and is not qualified; everyone else passes.
  const scores: Record<string, number> = { 'Sun Liqun': 72, 'Zhao Wenbo': 94 };
  for (const session of held) {
    const attendees = await ctx.db
      .select({ learnerId: trainingEnrollments.learnerId, name: trainingLearners.name })
      .from(trainingEnrollments)
      .innerJoin(trainingLearners, eq(trainingLearners.id, trainingEnrollments.learnerId))
      .where(and(eq(trainingEnrollments.sessionId, session.id), eq(trainingEnrollments.attended, true)))
      .orderBy(asc(trainingLearners.name));
    for (const [i, a] of attendees.entries()) {
      const score = session.code === 'GCP-110' ? (scores[a.name] ?? 85 + (i % 3) * 4) : 82 + ((i * 5) % 17);
      await theory(ctx, a.learnerId, session.code, score, session.endsAt, session.id);
    }
  }
}

/** QC-240 for the QC analyst; a biosafety qualification suspended after an incident. */
async function seedStaffQualifications(ctx: Ctx): Promise<void> {
  await theory(ctx, await staff(ctx, 'qc'), 'QC-240', 91, localDay(ctx, -40, 16));
  const [bio] = await listQualifications(ctx.db, { learnerId: await learnerNamed(ctx, 'Guo Jiayi'), courseId: ctx.courses.get('BIO-120')! });
  if (bio) await changeQualificationStatus(ctx.db, bio.q.id, 'suspend', 'Biosafety incident BS-2026-07 (spill outside the biosafety cabinet) under investigation');
}

/** Partner institutions whose clinicians and researchers the academy trains. */
const INSTITUTIONS = [
  'Peking Union Medical College Hospital',
  'Beijing Ditan Hospital, Capital Medical University',
  'Beijing Youan Hospital, Capital Medical University',
  'Tianjin First Central Hospital',
  'Shandong Provincial Hospital',
  'Tsinghua University School of Pharmaceutical Sciences',
  'Hebei Medical University Third Hospital',
  'Chinese PLA General Hospital',
];

/** Name, institution (index), profession and the courses they passed, in order. */
const COHORT: [string, number, string, string[]][] = [
  ['Wang Yiming', 0, 'Hepatologist', ['GCP-110', 'GMP-101']],
  ['Li Jiahui', 0, 'Clinical research nurse', ['GCP-110', 'COI-130']],
  ['Zhang Hao', 0, 'Transfusion medicine physician', ['COI-130']],
  ['Liu Ting', 0, 'Clinical pharmacist', ['GCP-110']],
  ['Chen Yu', 1, 'Infectious disease physician', ['GCP-110']],
  ['Yang Fan', 1, 'Research nurse', ['GCP-110', 'COI-130']],
  ['Huang Lei', 1, 'Hepatologist', ['GMP-101']],
  ['Zhou Xin', 1, 'Laboratory technician', ['BIO-120']],
  ['Wu Jing', 2, 'Hepatologist', ['GCP-110']],
  ['Xu Chen', 2, 'Cell therapy technician', ['GMP-101', 'BIO-120']],
  ['Sun Qian', 2, 'Clinical research coordinator', ['GCP-110']],
  ['Ma Lin', 2, 'Apheresis nurse', ['COI-130']],
  ['Zhu Wei', 3, 'Transplant surgeon', ['GCP-110']],
  ['Hu Yang', 3, 'Transplant coordinator', ['COI-130', 'GCP-110']],
  ['Guo Rui', 3, 'Hepatologist', ['GMP-101']],
  ['He Min', 3, 'Laboratory technician', ['BIO-120']],
  ['Lin Yue', 4, 'Oncologist', ['GCP-110']],
  ['Luo Jun', 4, 'Research nurse', ['GCP-110']],
  ['Gao Ying', 4, 'Quality manager', ['GMP-101', 'COI-130']],
  ['Zheng Kai', 4, 'Cell therapy technician', ['GMP-101', 'BIO-120']],
  ['Liang Xue', 5, 'PhD student', ['BIO-120', 'GMP-101', 'LVV-220']],
  ['Song Tao', 5, 'Postdoctoral researcher', ['BIO-120', 'GMP-101', 'AAV-230']],
  ['Xie Na', 5, 'Research assistant', ['BIO-120']],
  ['Han Bing', 5, 'Process engineer', ['GMP-101', 'BIO-120', 'LVV-220']],
  ['Tang Li', 6, 'Hepatologist', ['GCP-110']],
  ['Feng Yu', 6, 'Clinical pharmacist', ['GMP-101']],
  ['Cao Yan', 6, 'Research nurse', ['GCP-110', 'COI-130']],
  ['Deng Hui', 7, 'Hematologist', ['GCP-110', 'COI-130']],
  ['Peng Bo', 7, 'Cell therapy technician', ['GMP-101', 'BIO-120']],
  ['Xiao Meng', 7, 'QC microbiologist', ['GMP-101']],
  ['Yuan Ze', 7, 'Transfusion medicine physician', ['COI-130']],
  ['Dong Jia', 1, 'Clinical research coordinator', ['GCP-110']],
];

/**
 * The partner cohort, spread over the part of this year already past (site time zone) so the
 * dashboard's months fill in; one learner fails a first attempt and passes the resit a week later.
 */
async function seedPartnerCohort(ctx: Ctx): Promise<void> {
  const { start } = localYearBounds(localYear(ctx.now, ctx.timeZone), ctx.timeZone);
  const span = Math.max(ctx.now.getTime() - start.getTime() - DAY, 0);
  for (const [i, [name, institution, profession, codes]] of COHORT.entries()) {
    const learner = await createLearner(ctx.db, { kind: 'external', name, institution: INSTITUTIONS[institution]!, profession });
    // Mid-morning on a day within the year so far, never in the future.
    let at = new Date(startOfLocalDay(new Date(start.getTime() + (span * (i + 0.5)) / COHORT.length), ctx.timeZone).getTime() + 10 * HOUR);
    if (at > ctx.now) at = new Date(ctx.now.getTime() - HOUR);
    if (i === 6) {
      const firstAttempt = new Date(Math.max(at.getTime() - 7 * DAY, start.getTime()));
      await theory(ctx, learner.learner.id, codes[0]!, 74, firstAttempt);
    }
    for (const [k, code] of codes.entries()) {
      const when = new Date(Math.min(at.getTime() + k * 3 * DAY, ctx.now.getTime() - HOUR));
      await theory(ctx, learner.learner.id, code, 80 + ((i * 7 + k * 3) % 19), when);
    }
  }
}

/** Qualifications earned a year or two ago whose requalification falls due in the coming weeks. */
async function seedExpiringSoon(ctx: Ctx): Promise<void> {
  const dueIn = (days: number, months: number) => addMonthsInZone(localDay(ctx, days, 10), -months, ctx.timeZone);
  await theory(ctx, await staff(ctx, 'physician'), 'GCP-110', 90, dueIn(12, 24));
  await theory(ctx, await staff(ctx, 'qp'), 'COI-130', 95, dueIn(26, 24));
  await theory(ctx, await staff(ctx, 'qa'), 'GMP-101', 88, dueIn(47, 24));
  await recordQualification(ctx.db, {
    userId: await userId(ctx.db, 'trainer'),
    courseId: ctx.courses.get('ASEP-201')!,
    achievedAt: dueIn(58, 12).toISOString(),
    evidence: 'Gowning qualification by the QA microbiology lead, record GQ-2025-118',
  });
  await theory(ctx, await learnerNamed(ctx, 'Chen Haoran'), 'GMP-101', 83, dueIn(81, 24));
}
