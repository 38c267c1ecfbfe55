import { COURSE_CATEGORIES } from '@hepatica/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../app';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { DEMO_PASSWORD } from './demo-password';
import { seedDemoCenter } from './seed';
import { DEMO_COURSES } from './training.seed';

/** The demo center seeds its academy through the same services as real work, without error. */
describe('demo academy seed', () => {
  let database: TestDatabase;
  let built: BuiltApp;
  let cookie: string;
  // The demo center on an empty database, as `npm start` makes it; read as the demo QA user.
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCenter(database.db);
    built = await buildApp({ database, logLevel: 'silent' });
    const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qa', password: DEMO_PASSWORD } });
    cookie = `hepatica_session=${login.cookies.find((c) => c.name === 'hepatica_session')!.value}`;
  });
  afterAll(async () => {
    await built.app.close();
    await database.dispose();
  });
  const get = (url: string) => built.app.inject({ method: 'GET', url, headers: { cookie } });

  type Course = { code: string; category: string; titleZh: string; prerequisites: { code: string }[] };
  type Session = { courseCode: string; startsAt: string; status: string; capacity: number; enrolled: number; waitlisted: number; trainerName: string };

  it('has a catalogue in every category with Chinese titles and prerequisites', async () => {
    const courses = (await get('/api/v1/training/courses')).json<{ items: Course[] }>().items;
    expect(courses.map((c) => c.code).sort()).toEqual(DEMO_COURSES.map((c) => c.code).sort());
    expect(new Set(courses.map((c) => c.category))).toEqual(new Set(COURSE_CATEGORIES));
    expect(courses.every((c) => /[\u4e00-\u9fff]/.test(c.titleZh))).toBe(true);
    expect(courses.find((c) => c.code === 'ASEP-201')!.prerequisites.map((p) => p.code)).toEqual(['GMP-101']);
    const curricula = (await get('/api/v1/training/curricula')).json<{ items: { role: string; courses: unknown[] }[] }>().items;
    for (const role of ['operator', 'qc_analyst', 'qa', 'qp', 'nurse', 'coordinator', 'physician', 'trainer']) {
      expect(curricula.find((c) => c.role === role)!.courses.length, role).toBeGreaterThan(0);
    }
  });

  it('has external learners, held sessions with attendance and a full upcoming session with a waiting list', async () => {
    const external = (await get('/api/v1/training/learners?kind=external')).json<{ items: unknown[] }>().items;
    expect(external.length).toBeGreaterThanOrEqual(4);
    const sessions = (await get('/api/v1/training/sessions')).json<{ items: Session[] }>().items;
    const now = new Date().toISOString();
    expect(sessions.filter((s) => s.startsAt < now).every((s) => s.status === 'completed')).toBe(true);
    expect(sessions.filter((s) => s.startsAt > now).length).toBeGreaterThanOrEqual(5);
    expect(sessions.some((s) => s.startsAt > now && s.enrolled === s.capacity && s.waitlisted > 0)).toBe(true);
    expect(new Set(sessions.map((s) => s.trainerName))).toEqual(new Set(['Wu Fang']));
  });
});
