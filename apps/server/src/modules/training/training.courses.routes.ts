/** Routes of the training catalogue: courses with their prerequisites, and the curricula per role. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { courseQuery, courseView, createCourseBody, curriculumView, putCurriculumBody, roleParam, updateCourseBody } from './training.courses.schema';
import { courseViews, createCourse, getCourse, listCourses, toCourseView, updateCourse } from './training.courses.service';
import { listCurricula, replaceCurriculum } from './training.curricula.service';

export const trainingCoursesRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['training'];
  app.get(
    '/training/courses',
    { config: { permission: 'training:read' }, schema: { tags, querystring: courseQuery, response: { 200: listOf(courseView) } } },
    async (request) => ({ items: await courseViews(db, await listCourses(db, request.query)) }),
  );

  app.get(
    '/training/courses/:id',
    { config: { permission: 'training:read' }, schema: { tags, params: idParam, response: { 200: courseView } } },
    async (request) => toCourseView(db, await getCourse(db, request.params.id)),
  );

  app.post(
    '/training/courses',
    { config: { permission: 'training:write' }, schema: { tags, body: createCourseBody, response: { 201: courseView } } },
    async (request, reply) => reply.code(201).send(await toCourseView(db, await createCourse(db, request.body))),
  );

  app.patch(
    '/training/courses/:id',
    { config: { permission: 'training:write' }, schema: { tags, params: idParam, body: updateCourseBody, response: { 200: courseView } } },
    async (request) => toCourseView(db, await updateCourse(db, request.params.id, request.body)),
  );

  app.get(
    '/training/curricula',
    { config: { permission: 'training:read' }, schema: { tags, response: { 200: listOf(curriculumView) } } },
    async () => ({ items: await listCurricula(db) }),
  );

  app.put(
    '/training/curricula/:role',
    { config: { permission: 'training:write' }, schema: { tags, params: roleParam, body: putCurriculumBody, response: { 200: curriculumView } } },
    async (request) => {
      const { role } = request.params;
      return { role, courses: await replaceCurriculum(db, role, request.body.courseIds, request.body.reason) };
    },
  );
};
