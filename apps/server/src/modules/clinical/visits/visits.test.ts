/**
 * Visit schedules and a subject's visits through the API: a draft's schedule edited (reason once it exists),
 * frozen after approval, refused input changing nothing; visits from the consent, enrollment and infusion
 * anchors in the site's zone (Asia/Shanghai in the harness); complete (out of window flagged), missed, already
 * recorded, not in the schedule, not scheduled yet; the due list across studies on site days; roles.
 */
import { addCalendarDays, siteDay, weekOf } from '@hepatica/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../../test/harness';
import { clinicalUsers, type ClinicalUsers } from '../clinical.fixtures';
import { consentedSubject, enrolledSubject } from '../consent/consent.fixtures';
import { rowCounts, subjectWith } from '../safety/safety.fixtures';

type Problem = { code: string; params?: Record<string, unknown>; errors?: { path: string }[] };
type Visit = { code: string; status: string; targetDate: string; windowStart: string; windowEnd: string; outOfWindow: boolean; missedReason: string | null; occurrence: number | null; phase: string };
type Visits = { timeZone: string; today: string; anchors: Record<string, string | null>; ltfu: { years: number; startsOn: string; endsOn: string } | null; items: Visit[]; awaiting: { code: string; anchor: string }[] };
type Due = { from: string; to: string; items: (Visit & { studyId: string; subjectId: string; patientCode: string; patientName?: string; mrn?: string })[] };

const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';
const v = (code: string, over: Record<string, unknown> = {}) => ({
  code, name: { en: `Visit ${code}`, zh: `访视 ${code}` }, phase: 'follow_up', anchor: 'infusion', dayOffset: 28,
  windowBefore: 3, windowAfter: 3, assessments: ['labs', 'vital_signs'], ...over,
});
const SCHEDULE = {
  ltfu: { years: 15, basis: 'integrating_vector' },
  visits: [
    v('SCR', { phase: 'screening', anchor: 'consent', dayOffset: 0, windowBefore: 0, windowAfter: 0 }),
    v('FU140', { anchor: 'consent', dayOffset: 140 }),
    v('CRS', { phase: 'treatment', dayOffset: 1, windowBefore: 0, windowAfter: 0, assessments: ['crs_icans'], repeat: { every: 1, unit: 'day', count: 14 } }),
    v('M3', { dayOffset: 90, windowBefore: 7, windowAfter: 7 }),
    v('LTFU', { phase: 'ltfu', dayOffset: 365, windowBefore: 30, windowAfter: 30, assessments: ['rcl_test', 'vcn_blood', 'new_malignancy'], repeat: { every: 1, unit: 'year' } }),
  ],
};

describe('visit schedules and subject visits', () => {
  let h: Harness;
  let users: ClinicalUsers;
  let nurse: TestUser;
  let researcher: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    users = await clinicalUsers(h);
    nurse = await h.createTestUser({ roles: ['nurse'] });
    researcher = await h.createTestUser({ roles: ['researcher'] });
    operator = await h.createTestUser({ roles: ['operator'] });
  });
  afterAll(() => h.close());

  const put = (versionId: string, body: unknown, user = users.coordinator) => h.request(user, 'PUT', `/api/v1/clinical/protocols/${versionId}/visit-schedule`, body);
  const amend = async (versionId: string) => {
    const res = await h.request(users.coordinator, 'POST', `/api/v1/clinical/protocols/${versionId}/amend`, { reason: 'Add the visit schedule' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const approve = async (versionId: string) => {
    const res = await h.request(users.physician, 'POST', `/api/v1/clinical/protocols/${versionId}/approve`, { signature: { password: users.physician.password, meaning: 'Approved as investigator' } });
    expect(res.statusCode, res.body).toBe(200);
  };
  /** Amends the study's effective version, gives the draft the schedule and approves it. */
  const scheduled = async (effectiveId: string, body: unknown) => {
    const draft = await amend(effectiveId);
    const res = await put(draft, body);
    expect(res.statusCode, res.body).toBe(200);
    await approve(draft);
    return draft;
  };
  const visitsOf = async (subjectId: string, user: TestUser = users.coordinator) => {
    const res = await h.request(user, 'GET', `/api/v1/clinical/subjects/${subjectId}/visits`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Visits>();
  };

  describe('schedule of a protocol version', () => {
    let effectiveId: string;
    let draftId: string;
    beforeAll(async () => {
      // A study as the safety fixtures make it (protocol v1 effective). setUpStudy's version cannot be amended
      // yet: POST /amend answers 409 "same identifier" (protocols module; reported).
      const world = await subjectWith(h);
      effectiveId = (await h.database.query<{ id: string }>(`SELECT id FROM protocol_versions WHERE study_id = '${world.studyId}'`))[0]!.id;
      draftId = await amend(effectiveId);
    });

    it('is empty at first, frozen once effective', async () => {
      const res = await h.request(researcher, 'GET', `/api/v1/clinical/protocols/${effectiveId}/visit-schedule`);
      expect(res.json()).toMatchObject({ protocolVersionId: effectiveId, protocolStatus: 'effective', editable: false, ltfu: null, visits: [], updatedAt: null });
      const before = await rowCounts(h, 'visit_definitions');
      const frozen = await put(effectiveId, SCHEDULE);
      expect(frozen.statusCode).toBe(409);
      expect(frozen.json<Problem>().code).toBe('protocol.frozen');
      expect(await rowCounts(h, 'visit_definitions')).toEqual(before);
    });

    it('edits a draft: first without a reason, then a change needs one and retires the old definitions', async () => {
      const first = await put(draftId, SCHEDULE);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ editable: true, ltfu: { years: 15, basis: 'integrating_vector' } });
      expect(first.json<{ visits: { code: string; position: number }[] }>().visits.map((d) => d.code)).toEqual(['SCR', 'FU140', 'CRS', 'M3', 'LTFU']);

      const before = await rowCounts(h, 'visit_definitions');
      const noReason = await put(draftId, { ...SCHEDULE, visits: SCHEDULE.visits.slice(0, 2) });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json<Problem>()).toMatchObject({ code: 'gmp.reason_required', errors: [{ path: 'body.reason' }] });
      expect(await rowCounts(h, 'visit_definitions')).toEqual(before);

      const changed = await put(draftId, { ...SCHEDULE, visits: SCHEDULE.visits.slice(0, 2), reason: 'Drop treatment visits' });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json<{ visits: unknown[] }>().visits).toHaveLength(2);
      const [retired] = await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM visit_definitions WHERE protocol_version_id = '${draftId}' AND retired_at IS NOT NULL`);
      expect(retired!.n).toBe(5);
      const [audit] = await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'visit_definition' AND action = 'retire' AND reason = 'Drop treatment visits'`);
      expect(audit!.n).toBe(5);
    });

    it.each([
      ['a duplicate code', { visits: [v('M3'), v('m3')] }, 422, 'visit.duplicate_code', 'body.visits.1.code'],
      ['an ltfu visit without ltfu.years', { visits: [v('LT', { phase: 'ltfu', repeat: { every: 1, unit: 'year' } })] }, 422, 'visit.ltfu_required', 'body.ltfu'],
      ['a repeat without count', { visits: [v('X', { repeat: { every: 1, unit: 'week' } })] }, 422, 'visit.count_required', 'body.visits.0.repeat.count'],
      ['a negative window', { visits: [v('X', { windowBefore: -1 })] }, 400, 'validation', 'body.visits.0.windowBefore'],
      ['an unknown assessment', { visits: [v('X', { assessments: ['tarot'] })] }, 400, 'validation', 'body.visits.0.assessments.0'],
    ])('refuses %s, changing nothing', async (_label, body, status, code, path) => {
      const before = await rowCounts(h, 'visit_definitions');
      const res = await put(draftId, { ...body, reason: 'Try' });
      expect(res.statusCode, res.body).toBe(status);
      const problem = res.json<Problem>();
      if (code !== 'validation') expect(problem.code).toBe(code);
      expect(problem.errors?.map((e) => e.path)).toContain(path);
      expect(await rowCounts(h, 'visit_definitions')).toEqual(before);
    });

    it('refuses a nurse (403) and anonymous (401)', async () => {
      expect((await put(draftId, { ...SCHEDULE, reason: 'x' }, nurse)).statusCode).toBe(403);
      expect((await h.request(operator, 'GET', `/api/v1/clinical/protocols/${draftId}/visit-schedule`)).statusCode).toBe(403);
      expect((await h.request(null, 'GET', `/api/v1/clinical/protocols/${draftId}/visit-schedule`)).statusCode).toBe(401);
    });
  });

  describe("a subject's visits", () => {
    const infusedAt = new Date(Date.now() - 100 * DAY);
    const consentedAt = new Date(Date.now() - 140 * DAY);
    let subjectId: string;
    let waitingId: string;
    let studyId: string;
    beforeAll(async () => {
      const world = await subjectWith(h, { infusedAt });
      subjectId = world.subjectId;
      studyId = world.studyId;
      const { protocolVersionId } = await consentedSubject(h.database.db, { userId: users.coordinator.id, password: users.coordinator.password }, { patientId: world.patientId, studyId, consentedAt });
      const effective = await scheduled(protocolVersionId, SCHEDULE);
      const patient = await h.request(users.coordinator, 'POST', '/api/v1/patients', { sex: 'female', birthDate: '1970-01-02', name: '等待 输注', mrn: `W${Math.floor(Math.random() * 1e9)}` });
      const [study] = await h.database.query<{ code: string }>(`SELECT code FROM studies WHERE id = '${studyId}'`);
      waitingId = (await enrolledSubject(h.database.db, patient.json<{ id: string }>().id, effective, studyId, study!.code, new Date(Date.now() - 5 * DAY))).id;
    });

    it('are generated from the anchors on site days', async () => {
      const s = await visitsOf(subjectId, researcher);
      const infusion = siteDay(infusedAt, ZONE);
      expect(s.timeZone).toBe(ZONE);
      expect(s.anchors).toEqual({ consent: siteDay(consentedAt, ZONE), enrollment: siteDay(new Date(infusedAt.getTime() - 30 * DAY), ZONE), infusion });
      const byCode = new Map(s.items.map((x) => [x.code, x]));
      expect(byCode.get('SCR')).toMatchObject({ targetDate: siteDay(consentedAt, ZONE), status: 'overdue' });
      expect(byCode.get('FU140')).toMatchObject({ targetDate: s.today, status: 'in_window' });
      expect(byCode.get('CRS.1')).toMatchObject({ targetDate: addCalendarDays(infusion, 1), occurrence: 1 });
      expect(byCode.get('CRS.14')).toMatchObject({ targetDate: addCalendarDays(infusion, 14), status: 'overdue' });
      expect(byCode.get('M3')).toMatchObject({ targetDate: addCalendarDays(infusion, 90), windowEnd: addCalendarDays(infusion, 97), status: 'overdue' });
      expect(byCode.get('LTFU.1')).toMatchObject({ targetDate: addCalendarDays(infusion, 365), status: 'upcoming', phase: 'ltfu' });
      expect(s.items.filter((x) => x.phase === 'ltfu')).toHaveLength(15);
      expect(s.awaiting).toEqual([]);
      const fu = await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${subjectId}/follow-up`);
      expect(fu.json()).toMatchObject({ startsOn: infusion, years: 15, basis: 'integrating_vector' });
      expect(fu.json<{ items: unknown[] }>().items).toHaveLength(15);
    });

    it('waits for an anchor that has not happened', async () => {
      const s = await visitsOf(waitingId);
      expect(s.anchors.infusion).toBeNull();
      expect(s.awaiting.map((a) => a.code)).toEqual(['SCR', 'FU140', 'CRS', 'M3', 'LTFU']);
      const res = await h.request(nurse, 'POST', `/api/v1/clinical/subjects/${waitingId}/visits/CRS.1/complete`, { occurredAt: new Date().toISOString() });
      expect(res.statusCode).toBe(422);
      expect(res.json<Problem>()).toMatchObject({ code: 'visit.not_scheduled', params: { code: 'CRS.1', anchor: 'infusion' } });
    });

    it('records a visit done, flagged when out of its window', async () => {
      const late = await h.request(nurse, 'POST', `/api/v1/clinical/subjects/${subjectId}/visits/M3/complete`, { occurredAt: new Date().toISOString(), notes: 'Came late' });
      expect(late.statusCode, late.body).toBe(201);
      expect(late.json()).toMatchObject({ code: 'M3', status: 'done', outOfWindow: true, notes: 'Came late' });
      const onTime = await h.request(nurse, 'POST', `/api/v1/clinical/subjects/${subjectId}/visits/CRS.1/complete`, { occurredAt: new Date(infusedAt.getTime() + DAY).toISOString() });
      expect(onTime.json()).toMatchObject({ code: 'CRS.1', status: 'done', outOfWindow: false });
    });

    it('records a visit missed with its reason', async () => {
      const res = await h.request(nurse, 'POST', `/api/v1/clinical/subjects/${subjectId}/visits/CRS.2/missed`, { reason: 'Patient transferred to ICU' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'missed', missedReason: 'Patient transferred to ICU', outOfWindow: false });
      const s = await visitsOf(subjectId);
      expect(s.items.find((x) => x.code === 'CRS.2')!.status).toBe('missed');
      expect(s.items.find((x) => x.code === 'M3')!.status).toBe('done');
    });

    it.each([
      ['already recorded', 'M3', 'complete', { occurredAt: new Date().toISOString() }, 409, 'visit.already_recorded'],
      ['missed after done', 'CRS.1', 'missed', { reason: 'x' }, 409, 'visit.already_recorded'],
      ['not in the schedule', 'D999', 'complete', { occurredAt: new Date().toISOString() }, 422, 'visit.not_in_schedule'],
      ['past the last occurrence', 'CRS.15', 'missed', { reason: 'x' }, 422, 'visit.not_in_schedule'],
      ['in the future', 'CRS.3', 'complete', { occurredAt: new Date(Date.now() + 2 * DAY).toISOString() }, 422, 'visit.in_future'],
      ['missed without a reason', 'CRS.3', 'missed', {}, 400, undefined],
    ])('refuses a visit %s, changing nothing', async (_label, code, action, body, status, problem) => {
      const before = await rowCounts(h, 'subject_visits');
      const res = await h.request(nurse, 'POST', `/api/v1/clinical/subjects/${subjectId}/visits/${code}/${action}`, body);
      expect(res.statusCode, res.body).toBe(status);
      if (problem) expect(res.json<Problem>().code).toBe(problem);
      expect(await rowCounts(h, 'subject_visits')).toEqual(before);
    });

    it('refuses a researcher recording (403), an operator reading (403), anonymous (401); 404 for an unknown subject', async () => {
      expect((await h.request(researcher, 'POST', `/api/v1/clinical/subjects/${subjectId}/visits/CRS.3/missed`, { reason: 'x' })).statusCode).toBe(403);
      expect((await h.request(operator, 'GET', `/api/v1/clinical/subjects/${subjectId}/visits`)).statusCode).toBe(403);
      expect((await h.request(null, 'GET', `/api/v1/clinical/subjects/${subjectId}/visits`)).statusCode).toBe(401);
      expect((await h.request(users.coordinator, 'GET', '/api/v1/clinical/subjects/00000000-0000-4000-8000-000000000000/visits')).statusCode).toBe(404);
    });

    describe('the due list', () => {
      let otherStudyId: string;
      let otherSubjectId: string;
      const week = weekOf(siteDay(new Date(), ZONE));
      beforeAll(async () => {
        const other = await subjectWith(h);
        otherStudyId = other.studyId;
        const [v1] = await h.database.query<{ id: string }>(`SELECT id FROM protocol_versions WHERE study_id = '${otherStudyId}'`);
        await scheduled(v1!.id, { visits: [v('ENR7', { anchor: 'enrollment', dayOffset: 7, windowBefore: 0, windowAfter: 0 })] });
        const patient = await h.request(users.coordinator, 'POST', '/api/v1/patients', { sex: 'male', birthDate: '1960-03-03', name: '周 边界', mrn: `B${Math.floor(Math.random() * 1e9)}` });
        // 00:30 in Shanghai on last week's Monday is 16:30 UTC of the Sunday before: the site day is the Monday.
        const enrolledAt = new Date(`${addCalendarDays(week.from, -7)}T00:30:00+08:00`);
        const [effective] = await h.database.query<{ id: string; code: string }>(`SELECT p.id, s.code FROM protocol_versions p JOIN studies s ON s.id = p.study_id WHERE p.study_id = '${otherStudyId}' AND p.status = 'effective'`);
        otherSubjectId = (await enrolledSubject(h.database.db, patient.json<{ id: string }>().id, effective!.id, otherStudyId, effective!.code, enrolledAt)).id;
      });

      it("defaults to the site's week and spans studies; recorded visits are left out", async () => {
        const res = await h.request(users.coordinator, 'GET', '/api/v1/clinical/visits/due');
        expect(res.statusCode, res.body).toBe(200);
        const due = res.json<Due>();
        expect({ from: due.from, to: due.to }).toEqual(week);
        const mine = due.items.filter((i) => i.studyId === studyId || i.studyId === otherStudyId);
        expect(mine.map((i) => [i.studyId, i.code])).toEqual(expect.arrayContaining([[studyId, 'FU140'], [otherStudyId, 'ENR7']]));
        expect(mine.find((i) => i.code === 'ENR7')).toMatchObject({ subjectId: otherSubjectId, targetDate: week.from, patientName: '周 边界' });
        expect(mine.some((i) => i.code === 'M3' || i.code.startsWith('CRS'))).toBe(false);
      });

      it('puts the week boundary on site days, not UTC days', async () => {
        const sunday = addCalendarDays(week.from, -1);
        const res = await h.request(users.coordinator, 'GET', `/api/v1/clinical/visits/due?from=${addCalendarDays(sunday, -6)}&to=${sunday}`);
        expect(res.json<Due>().items.some((i) => i.subjectId === otherSubjectId)).toBe(false);
      });

      it('shows researchers no names or MRNs', async () => {
        const due = (await h.request(researcher, 'GET', '/api/v1/clinical/visits/due')).json<Due>();
        const item = due.items.find((i) => i.subjectId === otherSubjectId)!;
        expect(item.patientCode).toBeTruthy();
        expect(item).not.toHaveProperty('patientName');
        expect(item).not.toHaveProperty('mrn');
      });

      it('refuses a range too long, reversed or malformed; operator 403; anonymous 401', async () => {
        const long = await h.request(users.coordinator, 'GET', '/api/v1/clinical/visits/due?from=2026-01-01&to=2026-03-15');
        expect(long.statusCode).toBe(422);
        expect(long.json<Problem>()).toMatchObject({ code: 'visit.range_too_long', errors: [{ path: 'query.to' }] });
        expect((await h.request(users.coordinator, 'GET', '/api/v1/clinical/visits/due?from=2026-02-01&to=2026-01-01')).statusCode).toBe(422);
        expect((await h.request(users.coordinator, 'GET', '/api/v1/clinical/visits/due?from=2026-13-01')).statusCode).toBe(400);
        expect((await h.request(operator, 'GET', '/api/v1/clinical/visits/due')).statusCode).toBe(403);
        expect((await h.request(null, 'GET', '/api/v1/clinical/visits/due')).statusCode).toBe(401);
      });
    });
  });
});
