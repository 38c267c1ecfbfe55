/** Training fixtures and a fetch stub answering like the server for component tests. */
import { vi } from 'vitest';
import type { Permission } from '../../../api/types';
import { jsonResponse } from '../../../test/render';
import type { Course, Learner, SessionDetail } from '../training.types';

export const TRAINER: Permission[] = [
  'self',
  'training:read',
  'training:write',
  'training:assess',
  'training:dashboard',
  'signatures:sign',
];

export const COURSE: Course = {
  id: 'c1',
  code: 'GMP-101',
  title: 'GMP basics for cell therapy',
  titleZh: '细胞治疗 GMP 基础',
  category: 'gmp_basics',
  deliveryMode: 'classroom',
  durationHours: 4,
  passMark: 80,
  validityMonths: 24,
  practical: false,
  sopCode: 'SOP-QA-001',
  sopVersion: '3',
  prerequisites: [],
  retiredAt: null,
  createdAt: '2026-01-05T02:00:00.000Z',
};

export const LEARNER: Learner = {
  id: 'l1',
  kind: 'external',
  userId: null,
  username: null,
  name: 'Li Wei',
  institution: 'Partner Hospital',
  profession: 'Physician',
  email: null,
  createdAt: '2026-01-05T02:00:00.000Z',
};

export const SESSION: SessionDetail = {
  id: 's1',
  courseId: 'c1',
  courseCode: 'GMP-101',
  courseTitle: COURSE.title,
  courseTitleZh: COURSE.titleZh,
  startsAt: '2026-06-01T01:00:00.000Z',
  endsAt: '2026-06-01T05:00:00.000Z',
  trainerId: 'u-trainer',
  trainerName: 'Trainer One',
  room: 'Training room 1',
  capacity: 2,
  enrolled: 2,
  waitlisted: 0,
  status: 'scheduled',
  enrollments: [],
};

/** happy-dom has no `document.fonts`, which Mantine's autosizing Textarea listens to. */
export function stubDocumentFonts(): void {
  if (!('fonts' in document) || !document.fonts)
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
    });
}

type Handler = (body: unknown, url: string) => Response;

/** fetch stub: `routes['POST /training/…']` answers posts, GETs of the catalogue and learners answer the fixtures. */
export function mockTrainingApi(routes: Record<string, Handler> = {}) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const path = url.replace(/^\/api\/v1/, '').split('?')[0] ?? '';
    const handler = routes[`${method} ${path}`];
    if (handler) return handler(init?.body ? JSON.parse(String(init.body)) : undefined, url);
    if (method === 'GET' && path === '/training/courses') return jsonResponse(200, { items: [COURSE] });
    if (method === 'GET' && path === '/training/learners') return jsonResponse(200, { items: [LEARNER] });
    return jsonResponse(404, { title: 'Not found', status: 404, code: 'not-found' }, 'application/problem+json');
  });
}

/** The JSON bodies sent with `method` to `path`, in order. */
export function sentBodies(fetchMock: ReturnType<typeof mockTrainingApi>, method: string, path: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([input, init]) => (init?.method ?? 'GET') === method && String(input).split('?')[0] === `/api/v1${path}`)
    .map(([, init]) => JSON.parse(String(init?.body)));
}
