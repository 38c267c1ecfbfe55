/**
 * The demo academy: a catalogue of ten courses across all eight categories (English and Simplified
 * Chinese titles, SOPs, prerequisites), the curriculum of each role, staff and partner-institution
 * learners, and sessions from the past months (held, attendance taken) to the coming weeks (one of
 * them full, with a waiting list). Run as the demo trainer, who teaches every session.
 * Qualifications and assessments are seeded separately (training-records.seed.ts).
 */
import { startOfLocalDay, type CourseCategory, type DeliveryMode } from '@hepatica/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Role } from '../platform/access';
import { requireUserActor } from '../platform/context';
import { users } from '../modules/identity/identity.tables';
import { homeSite } from '../modules/sites/sites.service';
import { createCourse } from '../modules/training/training.courses.service';
import { replaceCurriculum } from '../modules/training/training.curricula.service';
import { enroll, recordAttendance } from '../modules/training/training.enrollments.service';
import { createLearner } from '../modules/training/training.learners.service';
import { createSession } from '../modules/training/training.sessions.service';

interface DemoCourse {
  code: string;
  title: string;
  titleZh: string;
  category: CourseCategory;
  deliveryMode: DeliveryMode;
  durationHours: number;
  validityMonths: number | null;
  passMark?: number;
  practical?: boolean;
  sopCode: string;
  sopVersion: string;
  prerequisites?: string[];
}

/** In an order where every prerequisite comes before the courses that require it. */
export const DEMO_COURSES: DemoCourse[] = [
  { code: 'GMP-101', title: 'GMP fundamentals for ATMP', titleZh: '先进治疗药品GMP基础', category: 'gmp_basics', deliveryMode: 'blended', durationHours: 8, validityMonths: 24, sopCode: 'SOP-QA-001', sopVersion: '4.0' },
  { code: 'BIO-120', title: 'Biosafety level 2 practice', titleZh: '生物安全二级实验室操作规范', category: 'biosafety', deliveryMode: 'classroom', durationHours: 4, validityMonths: 12, sopCode: 'SOP-BS-002', sopVersion: '2.1' },
  { code: 'GCP-110', title: 'ICH E6(R3) Good Clinical Practice', titleZh: 'ICH E6(R3)药物临床试验质量管理规范', category: 'gcp', deliveryMode: 'e_learning', durationHours: 6, validityMonths: 24, sopCode: 'SOP-CL-110', sopVersion: '2.0' },
  { code: 'COI-130', title: 'Chain of identity and ISBT 128 labelling', titleZh: '身份链管理与ISBT 128标签', category: 'chain_of_identity', deliveryMode: 'e_learning', durationHours: 2, validityMonths: 24, sopCode: 'SOP-QA-130', sopVersion: '1.2' },
  { code: 'ASEP-201', title: 'Aseptic gowning qualification', titleZh: '无菌更衣资格确认', category: 'aseptic_gowning', deliveryMode: 'practical', durationHours: 4, validityMonths: 12, practical: true, sopCode: 'SOP-PR-012', sopVersion: '3.1', prerequisites: ['GMP-101'] },
  { code: 'APS-301', title: 'Aseptic process simulation (media fill)', titleZh: '无菌工艺模拟（培养基模拟灌装）', category: 'aseptic_gowning', deliveryMode: 'practical', durationHours: 8, validityMonths: 6, practical: true, sopCode: 'SOP-PR-031', sopVersion: '2.0', prerequisites: ['ASEP-201'] },
  { code: 'CELL-210', title: 'CAR-T cell processing', titleZh: 'CAR-T细胞制备工艺', category: 'cell_processing', deliveryMode: 'blended', durationHours: 16, validityMonths: 12, sopCode: 'SOP-MF-210', sopVersion: '5.2', prerequisites: ['ASEP-201'] },
  { code: 'LVV-220', title: 'Lentiviral vector production', titleZh: '慢病毒载体生产', category: 'viral_vector', deliveryMode: 'blended', durationHours: 12, validityMonths: 12, sopCode: 'SOP-MF-220', sopVersion: '2.3', prerequisites: ['GMP-101', 'BIO-120'] },
  { code: 'AAV-230', title: 'AAV vector production', titleZh: '腺相关病毒（AAV）载体生产', category: 'viral_vector', deliveryMode: 'blended', durationHours: 12, validityMonths: 12, sopCode: 'SOP-MF-230', sopVersion: '1.4', prerequisites: ['GMP-101', 'BIO-120'] },
  { code: 'QC-240', title: 'Flow cytometry for CAR-T release testing', titleZh: 'CAR-T放行检测流式细胞术', category: 'qc_methods', deliveryMode: 'blended', durationHours: 6, validityMonths: 12, passMark: 85, sopCode: 'SOP-QC-240', sopVersion: '3.0', prerequisites: ['GMP-101'] },
  // QC methods the release specifications need (demo/qc.seed.ts names one per test).
  { code: 'QC-250', title: 'Compendial microbiology: sterility, endotoxin, mycoplasma', titleZh: '药典微生物检测：无菌、细菌内毒素、支原体', category: 'qc_methods', deliveryMode: 'blended', durationHours: 12, validityMonths: 12, sopCode: 'SOP-QC-250', sopVersion: '2.2', prerequisites: ['GMP-101'] },
  { code: 'QC-260', title: 'qPCR and ddPCR for vector analytics', titleZh: '载体分析的qPCR与ddPCR方法', category: 'qc_methods', deliveryMode: 'blended', durationHours: 8, validityMonths: 12, sopCode: 'SOP-QC-260', sopVersion: '1.3', prerequisites: ['GMP-101'] },
  { code: 'QC-270', title: 'Potency bioassays, cytogenetics and capsid analytics', titleZh: '效力生物学测定、细胞遗传学与衣壳分析', category: 'qc_methods', deliveryMode: 'blended', durationHours: 10, validityMonths: 12, sopCode: 'SOP-QC-270', sopVersion: '1.1', prerequisites: ['GMP-101'] },
];

/** Which courses each role must hold (the center's training matrix). */
export const DEMO_CURRICULA: Partial<Record<Role, string[]>> = {
  operator: ['GMP-101', 'ASEP-201', 'APS-301', 'CELL-210', 'BIO-120', 'COI-130'],
  qc_analyst: ['GMP-101', 'BIO-120', 'QC-240', 'QC-250', 'QC-260', 'QC-270'],
  qa: ['GMP-101', 'COI-130', 'GCP-110'],
  qp: ['GMP-101', 'COI-130'],
  nurse: ['GCP-110', 'BIO-120', 'COI-130'],
  coordinator: ['GCP-110', 'COI-130'],
  physician: ['GCP-110', 'COI-130'],
  trainer: ['GMP-101', 'ASEP-201', 'GCP-110'],
  trainee: ['GMP-101', 'BIO-120', 'COI-130'],
};

/** Partner clinicians and researchers (names in pinyin: certificates print in PDF standard fonts). */
const EXTERNAL_LEARNERS = [
  { name: 'Zhao Wenbo', institution: 'Beijing Ditan Hospital, Capital Medical University', profession: 'Hepatologist', email: 'zhao.wenbo@example.cn' },
  { name: 'Liu Siyu', institution: "Peking University People's Hospital", profession: 'Clinical research nurse', email: 'liu.siyu@example.cn' },
  { name: 'Chen Haoran', institution: 'Tsinghua University School of Pharmaceutical Sciences', profession: 'Postdoctoral researcher', email: 'chen.haoran@example.cn' },
  { name: 'Guo Jiayi', institution: 'Beijing Youan Hospital, Capital Medical University', profession: 'Cell therapy technician' },
  { name: 'Sun Liqun', institution: 'Chinese PLA General Hospital', profession: 'Clinical pharmacist', email: 'sun.liqun@example.cn' },
];

/** Demo staff who are learners too, with their profession. */
const STAFF_LEARNERS: Record<string, string> = {
  operator: 'GMP operator',
  operator2: 'GMP operator',
  qc: 'QC analyst',
  nurse: 'Research nurse',
  qa: 'QA officer',
  trainee: 'Trainee technician',
  coordinator: 'Clinical research coordinator',
};

export async function seedTrainingCatalogue(db: Db): Promise<void> {
  const courses = new Map<string, string>();
  for (const c of DEMO_COURSES) {
    const course = await createCourse(db, { passMark: 80, practical: false, prerequisites: [], ...c });
    courses.set(c.code, course.id);
  }
  for (const [role, codes] of Object.entries(DEMO_CURRICULA)) {
    await replaceCurriculum(db, role as Role, codes.map((code) => courses.get(code)!), 'Initial training matrix of the center');
  }
  const learners = await seedLearners(db);
  await seedSessions(db, courses, learners);
}

async function seedLearners(db: Db): Promise<Map<string, string>> {
  const learners = new Map<string, string>();
  for (const [username, profession] of Object.entries(STAFF_LEARNERS)) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (user) learners.set(username, (await createLearner(db, { kind: 'internal', userId: user.id, profession })).learner.id);
  }
  for (const l of EXTERNAL_LEARNERS) learners.set(l.name, (await createLearner(db, { kind: 'external', ...l })).learner.id);
  return learners;
}

interface DemoSession {
  course: string;
  /** Days from today (negative: held already), starting at `hour` local time. */
  day: number;
  hour: number;
  /** Length of the session; 32 h is two teaching days (09:00 to 17:00 the next day). */
  hours: number;
  room: string;
  capacity: number;
  enrolled?: string[];
  waitlisted?: string[];
  /** Learners who did not turn up (the others attended). */
  absent?: string[];
}

// Only courses without prerequisites get enrollments here: the others need qualifications first.
const SESSIONS: DemoSession[] = [
  { course: 'GMP-101', day: -84, hour: 9, hours: 8, room: 'Training room 1, B1', capacity: 20, enrolled: ['operator', 'operator2', 'qc', 'trainee', 'Zhao Wenbo', 'Guo Jiayi', 'Chen Haoran'], absent: ['Chen Haoran'] },
  { course: 'BIO-120', day: -56, hour: 13, hours: 4, room: 'BSL-2 lab, 4F', capacity: 12, enrolled: ['operator', 'operator2', 'qc', 'nurse', 'Chen Haoran', 'Guo Jiayi'] },
  { course: 'GCP-110', day: -28, hour: 9, hours: 6, room: 'Lecture hall A, 2F', capacity: 40, enrolled: ['nurse', 'qa', 'coordinator', 'Liu Siyu', 'Zhao Wenbo', 'Sun Liqun'] },
  { course: 'COI-130', day: -7, hour: 14, hours: 2, room: 'Training room 1, B1', capacity: 15, enrolled: ['nurse', 'coordinator', 'Liu Siyu'] },
  { course: 'COI-130', day: 5, hour: 14, hours: 2, room: 'Training room 2, B1', capacity: 4, enrolled: ['operator', 'qa', 'trainee', 'Zhao Wenbo'], waitlisted: ['Sun Liqun', 'Guo Jiayi'] },
  { course: 'GMP-101', day: 9, hour: 9, hours: 8, room: 'Training room 1, B1', capacity: 20, enrolled: ['nurse', 'Liu Siyu', 'Sun Liqun'] },
  { course: 'ASEP-201', day: 12, hour: 9, hours: 4, room: 'Gowning room GR-1, cleanroom suite', capacity: 6 },
  { course: 'QC-240', day: 16, hour: 13, hours: 6, room: 'QC laboratory 2, 3F', capacity: 6 },
  { course: 'BIO-120', day: 19, hour: 13, hours: 4, room: 'BSL-2 lab, 4F', capacity: 12, enrolled: ['trainee', 'Zhao Wenbo', 'Sun Liqun'] },
  { course: 'APS-301', day: 23, hour: 8, hours: 8, room: 'Cleanroom suite C2 (grade B)', capacity: 4 },
  { course: 'CELL-210', day: 26, hour: 9, hours: 32, room: 'Process development lab, 3F', capacity: 8 },
  { course: 'LVV-220', day: 33, hour: 9, hours: 32, room: 'Vector suite V1', capacity: 6 },
];

async function seedSessions(db: Db, courses: Map<string, string>, learners: Map<string, string>): Promise<void> {
  const { timeZone } = await homeSite(db);
  const trainerId = requireUserActor().id;
  const today = new Date();
  for (const s of SESSIONS) {
    const startsAt = new Date(startOfLocalDay(today, timeZone, s.day).getTime() + s.hour * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + s.hours * 3_600_000);
    const session = await createSession(db, { courseId: courses.get(s.course)!, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), trainerId, room: s.room, capacity: s.capacity });
    const marks = [];
    for (const name of s.enrolled ?? []) {
      const enrollment = await enroll(db, session.id, { learnerId: learners.get(name)! });
      marks.push({ enrollmentId: enrollment.id, attended: !(s.absent ?? []).includes(name) });
    }
    for (const name of s.waitlisted ?? []) await enroll(db, session.id, { learnerId: learners.get(name)!, waitlist: true });
    if (endsAt < today && marks.length) await recordAttendance(db, session.id, marks);
  }
}
