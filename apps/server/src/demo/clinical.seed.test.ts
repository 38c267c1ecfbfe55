import { describe, expect, it } from 'vitest';
import { demoRegistrations, DEMO_STUDIES } from './clinical-protocols.seed';
import { CLINICAL_MRN, SCREEN_FAILURE_REASON } from './clinical-subjects.seed';
import { seededDemoCenter } from './demo.fixtures';

type Study = { id: string; code: string };
type Protocol = { version: number; status: string; title: string; summary: string | null; arms: { code: string }[]; criteria: { code: string; kind: string; rule: { type: string; unit?: string } }[]; approvedAt: string | null; signatures: { meaning: string; valid: boolean }[] };
type LogItem = { id: string; mrn?: string | null; subjectNumber: string | null; status: string; eligibility: string; screenFailureReason: string | null; armCode: string | null; decidedBy: { code: string; outcome: string } | null };
type Log = { counts: Record<'screened' | 'screening' | 'eligible' | 'failed' | 'enrolled', number>; items: LogItem[] };
type Visit = { code: string; status: string; phase: string };
type Scores = { childPugh?: { class: string; points: number } | null; meld?: { score: number } | null };
type Casebook = {
  subject: { status: string; mrn?: string };
  protocol: { version: number; status: string };
  consent: { status: string };
  visits: { ltfu: { years: number; basis: string | null; endsOn: string | null } | null; items: Visit[] };
  labs: { visitCode: string | null; collectedAt: string; scores: Scores }[];
  adverseEvents: { ctcaeTerm: string; grade: number; status: string; serious: boolean | null; outcome: string }[];
  saeClocks: { kind: string; status: string; msLeft: number; reports: unknown[]; startsAt: string }[];
  crsIcans: { infusion: { din: string } | null; days: { day: number; crs: { grade: number | null }; icans: { grade: number | null }; treatments: { kind: string }[] }[] };
  response: { timepoints: { response: string | null; changeFromBaselinePct: number | null }[]; bestOverallResponse: string | null };
  product: { orders: { coi: string; status: string; collections: { din: string }[]; batches: { status: string }[]; shipments: { status: string }[]; infusions: { din: string; startedAt: string; cellsPerKg: number }[] }[] };
};

const DAY = 86_400_000;

/** The clinical demo as a coordinator sees it through the API. */
describe('demo clinical seed', () => {
  const signedIn = seededDemoCenter();
  async function as(username: string) {
    const get = await signedIn(username);
    return async <T>(url: string) => {
      const res = await get(`/api/v1${url}`);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json<T>();
    };
  }
  const studyIds = async (get: Awaited<ReturnType<typeof as>>) => Object.fromEntries((await get<{ items: Study[] }>('/studies')).items.map((s) => [s.code, s.id]));

  it('gives each study an effective, signed protocol with structured criteria, its ethics approval, registrations and consent documents in both languages', async () => {
    const get = await as('coordinator');
    const ids = await studyIds(get);
    for (const s of DEMO_STUDIES) {
      const [protocol, ...older] = (await get<{ items: Protocol[] }>(`/clinical/studies/${ids[s.code]}/protocols`)).items;
      expect(older).toEqual([]);
      expect(protocol).toMatchObject({ version: 1, status: 'effective' });
      expect(protocol!.summary?.length).toBeGreaterThan(100);
      expect(protocol!.signatures).toEqual([expect.objectContaining({ valid: true })]);
      expect(Date.now() - Date.parse(protocol!.approvedAt!)).toBeGreaterThan(180 * DAY);
      const types = new Set(protocol!.criteria.map((c) => c.rule.type));
      for (const t of ['age', 'child_pugh', 'meld', 'lab', 'prior_therapy', 'checklist']) expect(types, `${s.code} ${t}`).toContain(t);
      expect(protocol!.criteria.filter((c) => c.rule.type === 'lab').every((c) => typeof c.rule.unit === 'string')).toBe(true);
      const registrations = (await get<{ items: { kind: string; number: string; filedOn: string | null; status: string }[] }>(`/clinical/studies/${ids[s.code]}/registrations`)).items;
      const numbers = demoRegistrations(s);
      expect(Object.fromEntries(registrations.map((r) => [r.kind, r.number]))).toEqual(numbers);
      expect(registrations.find((r) => r.kind === 'nhc_iit_filing')?.filedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const ethics = (await get<{ items: { status: string; expired: boolean; protocolVersion: number }[] }>(`/clinical/studies/${ids[s.code]}/ethics-approvals`)).items;
      expect(ethics).toEqual([expect.objectContaining({ status: 'active', expired: false, protocolVersion: 1 })]);
      const documents = (await get<{ items: { language: string; status: string; optionalParts: unknown[] }[] }>(`/clinical/studies/${ids[s.code]}/consent-documents`)).items;
      expect(documents.filter((d) => d.status === 'approved').map((d) => d.language).sort()).toEqual(['en', 'zh-CN']);
    }
    const hcc = (await get<{ items: Protocol[] }>(`/clinical/studies/${ids['HEP-GPC3-CART-01']}/protocols`)).items[0]!;
    expect(hcc.criteria.map((c) => c.rule.type)).toContain('bclc');
    expect(hcc.criteria.map((c) => c.rule.type)).toContain('ecog');
    const msc = (await get<{ items: Protocol[] }>(`/clinical/studies/${ids['HEP-UCMSC-02']}/protocols`)).items[0]!;
    expect(msc.arms.map((a) => a.code)).toEqual(['A', 'B']);
  });

  it("shows the HCC study's screening log: the Child-Pugh C screen failure with its reason, a screening still incomplete, enrolled subjects", async () => {
    const get = await as('coordinator');
    const ids = await studyIds(get);
    const log = await get<Log>(`/clinical/studies/${ids['HEP-GPC3-CART-01']}/screening-log`);
    const failed = log.items.find((i) => i.mrn === CLINICAL_MRN.screenFailure)!;
    expect(failed).toMatchObject({ status: 'screen_failed', eligibility: 'ineligible', screenFailureReason: SCREEN_FAILURE_REASON, decidedBy: { code: 'I03', outcome: 'not_met' } });
    expect(log.items.find((i) => i.mrn === CLINICAL_MRN.hccScreening)).toMatchObject({ status: 'screening', eligibility: 'incomplete', decidedBy: { code: 'I06', outcome: 'unknown' } });
    expect(log.items.find((i) => i.mrn === CLINICAL_MRN.infused)).toMatchObject({ status: 'enrolled', eligibility: 'eligible', armCode: 'A' });
    expect(log.counts).toMatchObject({ failed: 1, screening: 1 });
    // Demo patients 1, 2 and 5 (the orders and the release journey) and the infused subject, each screened and eligible.
    expect(log.counts.enrolled).toBe(4);
    const enrolled = log.items.filter((i) => i.status === 'enrolled');
    expect(enrolled.map((i) => i.mrn).sort()).toEqual(['BJH2026001', 'BJH2026002', 'BJH2026005', CLINICAL_MRN.infused]);
    expect(enrolled.every((i) => i.eligibility === 'eligible')).toBe(true);
    expect(enrolled.map((i) => i.subjectNumber).sort()).toEqual(['HEP-GPC3-CART-01-001', 'HEP-GPC3-CART-01-002', 'HEP-GPC3-CART-01-003', 'HEP-GPC3-CART-01-004']);
    const wilson = await get<Log>(`/clinical/studies/${ids['HEP-AAV-WD-03']}/screening-log`);
    expect(wilson.items.find((i) => i.mrn === CLINICAL_MRN.wilsonScreening)).toMatchObject({ status: 'screening', eligibility: 'incomplete', decidedBy: { code: 'E01' } });
  });

  it("gives the infused CAR-T subject's casebook its product chain, CRS course, liver-score trend, mRECIST response and a running SAE clock", async () => {
    const get = await as('coordinator');
    const ids = await studyIds(get);
    const log = await get<Log>(`/clinical/studies/${ids['HEP-GPC3-CART-01']}/screening-log`);
    const book = await get<Casebook>(`/clinical/subjects/${log.items.find((i) => i.mrn === CLINICAL_MRN.infused)!.id}/casebook`);
    expect(book.consent.status).toBe('valid');

    const [order] = book.product.orders;
    expect(order).toMatchObject({ status: 'infused', batches: [{ status: 'released' }], shipments: [{ status: 'infused' }] });
    expect(order!.coi).toMatch(/^CHA9999\d{8}$/);
    const din = order!.collections[0]!.din;
    expect(din).toMatch(/^A9999\d{8}$/);
    expect(order!.infusions).toEqual([expect.objectContaining({ din, cellsPerKg: 3e6 })]);
    const infusedDaysAgo = (Date.now() - Date.parse(order!.infusions[0]!.startedAt)) / DAY;
    expect(infusedDaysAgo).toBeGreaterThan(41);
    expect(infusedDaysAgo).toBeLessThan(43);

    expect(book.crsIcans.infusion?.din).toBe(din);
    const days = book.crsIcans.days;
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(days.map((d) => d.crs.grade)).toEqual([0, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(days.every((d) => d.icans.grade === 0)).toBe(true);
    expect(days[3]!.treatments.map((t) => t.kind)).toEqual(['tocilizumab']);
    const crs = book.adverseEvents.find((e) => e.ctcaeTerm === 'cytokine_release_syndrome');
    expect(crs).toMatchObject({ grade: 2, status: 'resolved', serious: false, outcome: 'recovered' });

    const scored = book.labs.filter((p) => p.scores.childPugh && p.scores.meld).sort((a, b) => Date.parse(a.collectedAt) - Date.parse(b.collectedAt));
    expect(scored.map((p) => p.visitCode)).toEqual(['SCR', 'D0', 'CRS.3', 'CRS.7', 'CRS.14', 'M1']);
    expect(scored.map((p) => p.scores.childPugh!.class)).toEqual(['A', 'A', 'B', 'A', 'A', 'A']);
    const meld = scored.map((p) => p.scores.meld!.score);
    expect(Math.max(...meld)).toBe(meld[2]);
    expect(meld[2]! - meld[0]!).toBeGreaterThanOrEqual(5);
    expect(meld.at(-1)).toBeLessThanOrEqual(meld[0]!);

    expect(book.response.timepoints.map((t) => t.response)).toEqual([null, 'PR']);
    expect(book.response.timepoints[1]!.changeFromBaselinePct).toBe(-44.6);

    const fn = book.adverseEvents.find((e) => e.ctcaeTerm === 'febrile_neutropenia');
    expect(fn).toMatchObject({ grade: 3, serious: true, status: 'open' });
    expect(book.saeClocks).toHaveLength(1);
    const clock = book.saeClocks[0]!;
    expect(clock).toMatchObject({ kind: 'sponsor_initial', status: 'running', reports: [] });
    expect(Date.now() - Date.parse(clock.startsAt)).toBeGreaterThan(2.9 * 3_600_000);
    expect(clock.msLeft).toBeGreaterThan(20 * 3_600_000);
    expect(clock.msLeft).toBeLessThan(21.1 * 3_600_000);

    const status = Object.fromEntries(book.visits.items.map((v) => [v.code, v.status]));
    expect(status).toMatchObject({ SCR: 'done', LD: 'done', D0: 'done', 'CRS.1': 'done', 'CRS.14': 'done', M1: 'done', 'WK.3': 'done', 'WK.4': 'in_window', M3: 'upcoming' });
    expect(book.visits.items.filter((v) => v.phase === 'ltfu')).toHaveLength(14);
    expect(book.visits.ltfu).toMatchObject({ years: 15, basis: 'integrating_vector' });
  });

  it('lists the running SAE clock for the director', async () => {
    const get = await as('director');
    const clocks = (await get<{ items: { kind: string; status: string; term: string }[] }>('/clinical/sae-clocks?status=running')).items;
    expect(clocks).toEqual([expect.objectContaining({ kind: 'sponsor_initial', term: 'febrile_neutropenia' })]);
  });

  it('has the cirrhosis subject randomized and on visits, some done, month 3 overdue', async () => {
    const get = await as('coordinator');
    const ids = await studyIds(get);
    const log = await get<Log>(`/clinical/studies/${ids['HEP-UCMSC-02']}/screening-log`);
    const subject = log.items.find((i) => i.mrn === CLINICAL_MRN.cirrhosis)!;
    expect(subject).toMatchObject({ status: 'enrolled', eligibility: 'eligible' });
    expect(['A', 'B']).toContain(subject.armCode);
    const visits = (await get<{ items: Visit[] }>(`/clinical/subjects/${subject.id}/visits`)).items;
    expect(Object.fromEntries(visits.map((v) => [v.code, v.status]))).toEqual({ SCR: 'done', D0: 'done', W1: 'done', M1: 'done', M3: 'overdue', M6: 'upcoming', M12: 'upcoming' });
    const scores = (await get<{ items: { meld: { score: number } | null }[] }>(`/clinical/subjects/${subject.id}/scores`)).items;
    expect(scores.map((s) => s.meld?.score)).toHaveLength(3);
    expect(scores.at(-1)!.meld!.score).toBeLessThan(scores[0]!.meld!.score);
  });

  it("has no visit overdue on any enrolled subject but the cirrhosis subject's month 3", async () => {
    const get = await as('coordinator');
    const overdue: string[] = [];
    for (const id of Object.values(await studyIds(get))) {
      for (const s of (await get<Log>(`/clinical/studies/${id}/screening-log`)).items.filter((i) => i.status === 'enrolled')) {
        const visits = (await get<{ items: Visit[] }>(`/clinical/subjects/${s.id}/visits`)).items;
        overdue.push(...visits.filter((v) => v.status === 'overdue').map((v) => `${s.mrn} ${v.code}`));
      }
    }
    expect(overdue).toEqual([`${CLINICAL_MRN.cirrhosis} M3`]);
  });

  it('schedules 5 years of yearly follow-up after the AAV infusion, awaiting it for the enrolled Wilson patient', async () => {
    const get = await as('coordinator');
    const ids = await studyIds(get);
    const protocol = (await get<{ items: { id: string }[] }>(`/clinical/studies/${ids['HEP-AAV-WD-03']}/protocols`)).items[0]!;
    const schedule = await get<{ ltfu: { years: number; basis: string } | null; visits: { code: string }[] }>(`/clinical/protocols/${protocol.id}/visit-schedule`);
    expect(schedule.ltfu).toEqual({ years: 5, basis: 'aav' });
    expect(schedule.visits.map((v) => v.code)).toEqual(['SCR', 'D0', 'WK', 'M1', 'M3', 'M6', 'M12', 'LTFU']);
  });
});
