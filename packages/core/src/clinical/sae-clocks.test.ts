/**
 * SAE reporting clocks. Expected deadlines from the sources in sae-clocks.ts: China GCP 2020 Art. 26
 * (investigator → sponsor immediately, read as 24 h), Art. 48 with the CDE 2018 standard and ICH E2A III.A
 * (fatal/life-threatening SUSAR 7 days + follow-up within 8 more; other SUSAR 15 days). Instants worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { isRelated, isSusar, saeClockState, saeClocksFor, type SaeAssessment } from './sae-clocks';

const aware = new Date('2026-03-02T10:00:00.000Z');
const due = (a: SaeAssessment) => Object.fromEntries(saeClocksFor(a, aware).map((c) => [c.kind, c.dueAt.toISOString()]));

describe('saeClocksFor', () => {
  it.each<[string, SaeAssessment, Record<string, string>]>([
    ['non-serious: no clock', { seriousness: [], productRelatedness: 'definite', expectedness: 'unexpected' }, {}],
    [
      'serious, expected (Art. 26 only: 24 h)',
      { seriousness: ['hospitalization'], productRelatedness: 'probable', expectedness: 'expected' },
      { sponsor_initial: '2026-03-03T10:00:00.000Z' },
    ],
    [
      'serious, unexpected, unlikely related: not a SUSAR',
      { seriousness: ['hospitalization'], productRelatedness: 'unlikely', expectedness: 'unexpected' },
      { sponsor_initial: '2026-03-03T10:00:00.000Z' },
    ],
    [
      'SUSAR, not fatal: 15 days (ICH E2A III.A.2)',
      { seriousness: ['hospitalization', 'medically_important'], productRelatedness: 'possible', expectedness: 'unexpected' },
      { sponsor_initial: '2026-03-03T10:00:00.000Z', expedited_regulatory: '2026-03-17T10:00:00.000Z', ethics_notification: '2026-03-17T10:00:00.000Z' },
    ],
    [
      'SUSAR, life-threatening: 7 days, follow-up by day 15 (ICH E2A III.A.1)',
      { seriousness: ['life_threatening'], productRelatedness: 'definite', expectedness: 'unexpected' },
      {
        sponsor_initial: '2026-03-03T10:00:00.000Z',
        expedited_regulatory: '2026-03-09T10:00:00.000Z',
        expedited_followup: '2026-03-17T10:00:00.000Z',
        ethics_notification: '2026-03-09T10:00:00.000Z',
      },
    ],
  ])('%s', (_label, assessment, expected) => expect(due(assessment)).toEqual(expected));

  it('cites its rule version and article on every clock', () => {
    const clocks = saeClocksFor({ seriousness: ['death'], productRelatedness: 'probable', expectedness: 'unexpected' }, aware);
    expect(clocks.every((c) => c.rulesVersion && /GCP|ICH/.test(c.basis))).toBe(true);
  });
});

describe('relatedness and SUSAR', () => {
  it.each([
    ['not_related', false],
    ['unlikely', false],
    ['possible', true],
    ['probable', true],
    ['definite', true],
  ] as const)('%s related: %s', (r, expected) => expect(isRelated(r)).toBe(expected));

  it('an expected serious reaction is no SUSAR', () =>
    expect(isSusar({ seriousness: ['death'], productRelatedness: 'definite', expectedness: 'expected' })).toBe(false));
});

describe('saeClockState', () => {
  const dueAt = new Date('2026-03-03T10:00:00.000Z');
  it.each([
    ['running an hour before', { metAt: null, cancelledAt: null }, '2026-03-03T09:00:00.000Z', { status: 'running', msLeft: 3_600_000, overdueMs: 0, late: false }],
    ['overdue a minute after', { metAt: null, cancelledAt: null }, '2026-03-03T10:01:00.000Z', { status: 'overdue', msLeft: 0, overdueMs: 60_000, late: false }],
    ['met on time', { metAt: new Date('2026-03-03T08:00:00.000Z'), cancelledAt: null }, '2026-03-09T00:00:00.000Z', { status: 'met', msLeft: 0, overdueMs: 0, late: false }],
    ['met late', { metAt: new Date('2026-03-03T12:00:00.000Z'), cancelledAt: null }, '2026-03-09T00:00:00.000Z', { status: 'met', msLeft: 0, overdueMs: 7_200_000, late: true }],
    ['cancelled', { metAt: null, cancelledAt: new Date('2026-03-02T12:00:00.000Z') }, '2026-03-09T00:00:00.000Z', { status: 'cancelled', msLeft: 0, overdueMs: 0, late: false }],
  ])('%s', (_label, facts, now, expected) => expect(saeClockState({ dueAt, ...facts }, new Date(now))).toEqual(expected));
});
