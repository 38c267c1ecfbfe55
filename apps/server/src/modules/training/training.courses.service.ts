/**
 * The course catalogue: codes, titles in English and Chinese, category, delivery, pass mark, the
 * requalification interval, the SOP a course teaches, and its prerequisites. Courses are never
 * deleted; a course that is no longer taught is retired.
 */
import type { CourseCategory, DeliveryMode } from '@hepatica/core';
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { write } from '../../platform/write';
import { markRequalificationRequired } from './training.requalification';
import { trainingCoursePrerequisites, trainingCourses } from './training.tables';

export type Course = typeof trainingCourses.$inferSelect;
interface CourseRef {
  id: string;
  code: string;
  title: string;
  titleZh: string;
}

export const courseRef = (c: Course): CourseRef => ({ id: c.id, code: c.code, title: c.titleEn, titleZh: c.titleZh });

function courseView(c: Course, prerequisites: CourseRef[]) {
  return {
    id: c.id,
    code: c.code,
    title: c.titleEn,
    titleZh: c.titleZh,
    category: c.category as CourseCategory,
    deliveryMode: c.deliveryMode as DeliveryMode,
    durationHours: c.durationHours,
    passMark: c.passMark,
    validityMonths: c.validityMonths,
    practical: c.practical,
    sopCode: c.sopCode,
    sopVersion: c.sopVersion,
    prerequisites,
    retiredAt: c.retiredAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}
export type CourseView = ReturnType<typeof courseView>;

/** The prerequisite courses of each of the given courses, in one query. */
export async function prerequisitesOf(db: Executor, courseIds: string[]): Promise<Map<string, Course[]>> {
  const byCourse = new Map<string, Course[]>(courseIds.map((id) => [id, []]));
  if (!courseIds.length) return byCourse;
  const rows = await db
    .select({ courseId: trainingCoursePrerequisites.courseId, prerequisite: trainingCourses })
    .from(trainingCoursePrerequisites)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCoursePrerequisites.prerequisiteId))
    .where(inArray(trainingCoursePrerequisites.courseId, courseIds))
    .orderBy(asc(trainingCourses.code));
  for (const r of rows) byCourse.get(r.courseId)?.push(r.prerequisite);
  return byCourse;
}

/** Courses as the API shows them, prerequisites included. */
export async function courseViews(db: Executor, courses: Course[]): Promise<CourseView[]> {
  const prerequisites = await prerequisitesOf(db, courses.map((c) => c.id));
  return courses.map((c) => courseView(c, (prerequisites.get(c.id) ?? []).map(courseRef)));
}

export async function toCourseView(db: Executor, course: Course): Promise<CourseView> {
  return (await courseViews(db, [course]))[0]!;
}

export async function listCourses(db: Executor, filter: { category?: CourseCategory | undefined; includeRetired?: boolean | undefined } = {}): Promise<Course[]> {
  const where: SQL[] = [];
  if (filter.category) where.push(eq(trainingCourses.category, filter.category));
  if (!filter.includeRetired) where.push(isNull(trainingCourses.retiredAt));
  return db.select().from(trainingCourses).where(and(...where)).orderBy(asc(trainingCourses.code));
}

/** The course row; 404 when there is none. */
export async function getCourse(db: Executor, id: string): Promise<Course> {
  const [row] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  if (!row) throw notFound('Course');
  return row;
}

/** The course row with this code (e.g. `ASEP-201`); 404 naming the code when there is none. */
export async function getCourseByCode(db: Executor, code: string): Promise<Course> {
  const [row] = await db.select().from(trainingCourses).where(eq(trainingCourses.code, code));
  if (!row) throw notFound(`Course ${code}`);
  return row;
}

export interface NewCourse {
  code: string;
  title: string;
  titleZh?: string | undefined;
  category: CourseCategory;
  validityMonths: number | null;
  deliveryMode: DeliveryMode;
  durationHours: number;
  passMark: number;
  practical: boolean;
  sopCode?: string | undefined;
  sopVersion?: string | undefined;
  prerequisites: string[];
}

export async function createCourse(db: Db, input: NewCourse): Promise<Course> {
  const [taken] = await db.select({ id: trainingCourses.id }).from(trainingCourses).where(eq(trainingCourses.code, input.code));
  if (taken) throw conflict(`The course code ${input.code} is already in use.`, { code: 'training.course_code_taken', params: { code: input.code } });
  const prerequisites = await resolvePrerequisites(db, input.code, input.prerequisites);
  return write(db, async (w) => {
    const course = await w.insert(trainingCourses, 'training_course', {
      code: input.code,
      titleEn: input.title,
      // A Chinese title can be added later; until then both languages show the English one.
      titleZh: input.titleZh ?? input.title,
      category: input.category,
      deliveryMode: input.deliveryMode,
      durationHours: input.durationHours,
      passMark: input.passMark,
      validityMonths: input.validityMonths,
      practical: input.practical,
      sopCode: input.sopCode ?? null,
      sopVersion: input.sopVersion ?? null,
    });
    if (prerequisites.length) {
      // The link table has no id of its own: the links are audited as one event on the course.
      await w.tx.insert(trainingCoursePrerequisites).values(prerequisites.map((p) => ({ courseId: course.id, prerequisiteId: p.id })));
      await w.event({ action: 'prerequisites_set', entityType: 'training_course', entityId: course.id, after: { prerequisites: prerequisites.map((p) => p.code) } });
    }
    return course;
  });
}

/**
 * Prerequisites are named by course code and must exist. They are fixed when a course is created
 * and can only name courses that already exist, so the one cycle that can arise is a course
 * naming itself.
 */
async function resolvePrerequisites(db: Executor, code: string, codes: string[]): Promise<Course[]> {
  const wanted = [...new Set(codes)];
  const index = codes.indexOf(code);
  if (index >= 0) {
    throw unprocessable(`A course cannot be its own prerequisite (${code}).`, {
      code: 'training.prerequisite_cycle',
      params: { code },
      errors: [{ path: `body.prerequisites.${index}`, message: 'Must not be the course itself' }],
    });
  }
  const found = wanted.length ? await db.select().from(trainingCourses).where(inArray(trainingCourses.code, wanted)) : [];
  const unknown = wanted.find((c) => !found.some((f) => f.code === c));
  if (unknown) {
    throw unprocessable(`There is no course ${unknown} to require as a prerequisite.`, {
      code: 'training.unknown_prerequisite',
      params: { code: unknown },
      errors: [{ path: `body.prerequisites.${codes.indexOf(unknown)}`, message: `Unknown course ${unknown}` }],
    });
  }
  return found;
}

export interface CourseChanges {
  reason: string;
  title?: string | undefined;
  titleZh?: string | undefined;
  passMark?: number | undefined;
  validityMonths?: number | null | undefined;
  sopVersion?: string | undefined;
  requireRequalification?: boolean | undefined;
  retired?: boolean | undefined;
}

/**
 * Changes a course. A new SOP version with `requireRequalification` sends every active
 * qualification of the course back to `requalification_required`, in the same transaction.
 */
export async function updateCourse(db: Db, id: string, changes: CourseChanges): Promise<Course> {
  return write(db, async (w) => {
    const course = await w.lockById(trainingCourses, id, 'Course');
    const newSop = changes.sopVersion !== undefined && changes.sopVersion !== course.sopVersion;
    if (changes.requireRequalification && !newSop) {
      throw unprocessable('Requalification can only be required together with a new SOP version.', {
        code: 'training.requalification_needs_sop_version',
        errors: [{ path: 'body.sopVersion', message: `Give the new SOP version (now ${course.sopVersion ?? 'none'})` }],
      });
    }
    const patch = coursePatch(course, changes);
    const updated = Object.keys(patch).length ? await w.update(trainingCourses, 'training_course', id, patch, changes.reason) : course;
    if (changes.requireRequalification) {
      const sop = course.sopCode ? `SOP ${course.sopCode}` : 'SOP';
      await markRequalificationRequired(w, id, `${course.code}: ${sop} revised to version ${changes.sopVersion}. ${changes.reason}`);
    }
    return updated;
  });
}

function coursePatch(course: Course, changes: CourseChanges): Partial<Course> {
  const patch: Partial<Course> = {};
  if (changes.title !== undefined) patch.titleEn = changes.title;
  if (changes.titleZh !== undefined) patch.titleZh = changes.titleZh;
  if (changes.passMark !== undefined) patch.passMark = changes.passMark;
  if (changes.validityMonths !== undefined) patch.validityMonths = changes.validityMonths;
  if (changes.sopVersion !== undefined) patch.sopVersion = changes.sopVersion;
  // Retiring keeps the first retirement time; un-retiring clears it.
  if (changes.retired === true && !course.retiredAt) patch.retiredAt = new Date();
  if (changes.retired === false && course.retiredAt) patch.retiredAt = null;
  return patch;
}
