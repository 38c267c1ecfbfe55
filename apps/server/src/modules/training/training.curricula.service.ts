/**
 * Curricula: which courses each role must hold. Replacing a role's list retires the courses taken
 * off it (never deletes them) and records every change with its reason, so the training matrix in
 * force on any past date can be read from the audit trail.
 */
import type { CourseCategory } from '@hepatica/core';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { ROLES, type Role } from '../../platform/access';
import { unprocessable } from '../../platform/errors';
import { write } from '../../platform/write';
import type { Course } from './training.courses.service';
import { trainingCourses, trainingCurricula } from './training.tables';

const curriculumCourse = (c: Course) => ({ id: c.id, code: c.code, title: c.titleEn, titleZh: c.titleZh, category: c.category as CourseCategory });
export type CurriculumCourse = ReturnType<typeof curriculumCourse>;

/** The courses each role needs now (retired courses are no longer required), every role listed. */
export async function listCurricula(db: Executor): Promise<{ role: Role; courses: CurriculumCourse[] }[]> {
  const rows = await db
    .select({ role: trainingCurricula.role, course: trainingCourses })
    .from(trainingCurricula)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCurricula.courseId))
    .where(and(isNull(trainingCurricula.retiredAt), isNull(trainingCourses.retiredAt)))
    .orderBy(asc(trainingCourses.code));
  return ROLES.map((role) => ({ role, courses: rows.filter((r) => r.role === role).map((r) => curriculumCourse(r.course)) }));
}

/** The courses one role needs now. */
export async function curriculumOf(db: Executor, role: Role): Promise<CurriculumCourse[]> {
  return (await listCurricula(db)).find((c) => c.role === role)!.courses;
}

/**
 * Makes `courseIds` the role's curriculum: adds the new ones, takes back ones retired earlier, and
 * retires the ones no longer listed, all with the given reason, in one transaction.
 */
export async function replaceCurriculum(db: Db, role: Role, courseIds: string[], reason: string): Promise<CurriculumCourse[]> {
  const wanted = [...new Set(courseIds)];
  await requireCurrentCourses(db, courseIds);
  await write(db, async (w) => {
    const current = await w.tx.select().from(trainingCurricula).where(eq(trainingCurricula.role, role));
    for (const row of current) {
      const keep = wanted.includes(row.courseId);
      if (keep && row.retiredAt) await w.update(trainingCurricula, 'training_curriculum', row.id, { retiredAt: null }, reason, 'reinstate');
      if (!keep && !row.retiredAt) await w.update(trainingCurricula, 'training_curriculum', row.id, { retiredAt: new Date() }, reason, 'retire');
    }
    for (const courseId of wanted.filter((id) => !current.some((r) => r.courseId === id))) {
      await w.insert(trainingCurricula, 'training_curriculum', { role, courseId });
    }
    // One event with the whole list before and after, so the change reads as the decision it was.
    const before = current.filter((r) => !r.retiredAt).map((r) => r.courseId);
    await w.event({ action: 'curriculum_replaced', entityType: 'training_curriculum', entityId: role, before: { courseIds: before }, after: { courseIds: wanted }, reason });
  });
  return curriculumOf(db, role);
}

/** Every listed course must exist and still be taught; the problem names the first one that is not. */
async function requireCurrentCourses(db: Executor, courseIds: string[]): Promise<void> {
  const found = courseIds.length ? await db.select().from(trainingCourses).where(inArray(trainingCourses.id, courseIds)) : [];
  courseIds.forEach((id, i) => {
    const course = found.find((c) => c.id === id);
    if (course && !course.retiredAt) return;
    throw unprocessable(course ? `${course.code} is retired and cannot be required.` : 'There is no such course.', {
      code: course ? 'training.course_retired' : 'training.unknown_course',
      params: course ? { course: course.code } : { id },
      errors: [{ path: `body.courseIds.${i}`, message: course ? 'Retired course' : 'Unknown course' }],
    });
  });
}
