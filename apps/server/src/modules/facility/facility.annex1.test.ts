import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { ALERT_FRACTION, classify, defaultLimits } from './facility.annex1';

/*
 * A second copy of EU GMP Annex 1 (2022), typed independently of facility.annex1.ts from the published
 * text (EudraLex Vol. 4 Annex 1, C(2022) 5938; identical in PIC/S PE 009-17 Annexes, pp. 50–53), in a
 * different shape, so a typo in either copy fails here. null: no limit ("not predetermined", "–");
 * 0: "no growth".
 */
// §9.15 Table 5, particles per m³: grade, ≥0.5 µm at rest, ≥0.5 µm in operation, ≥5 µm at rest, ≥5 µm in operation.
const TABLE_5: [string, number, number | null, number, number | null][] = [
  ['A', 3520, 3520, 29, 29],
  ['B', 3520, 352000, 29, 2930],
  ['C', 352000, 3520000, 2930, 29300],
  ['D', 3520000, null, 29300, null],
];
// §9.30 Table 6: grade, air sample cfu/m³, settle plate cfu/4 h (ø90 mm), contact plate cfu/plate (ø55 mm), glove print cfu/glove.
const TABLE_6: [string, number, number, number, number | null][] = [
  ['A', 0, 0, 0, 0],
  ['B', 10, 5, 5, 5],
  ['C', 100, 50, 25, null],
  ['D', 200, 100, 50, null],
];

type Limit = { id: string; grade: string; parameter: string; occupancy: string; alertLimit: number | null; actionLimit: number | null; unit: string; source: string };

/** The expected seed rows, spelled out from the copy above. */
function expectedRows() {
  const rows: Omit<Limit, 'id' | 'source'>[] = [];
  const alert = (action: number | null) => (action === null || action === 0 ? null : Math.floor(action / 2));
  for (const [grade, restFine, opFine, restCoarse, opCoarse] of TABLE_5) {
    rows.push({ grade, parameter: 'particles_0_5', occupancy: 'at_rest', actionLimit: restFine, alertLimit: alert(restFine), unit: 'particles/m³' });
    rows.push({ grade, parameter: 'particles_0_5', occupancy: 'in_operation', actionLimit: opFine, alertLimit: alert(opFine), unit: 'particles/m³' });
    rows.push({ grade, parameter: 'particles_5_0', occupancy: 'at_rest', actionLimit: restCoarse, alertLimit: alert(restCoarse), unit: 'particles/m³' });
    rows.push({ grade, parameter: 'particles_5_0', occupancy: 'in_operation', actionLimit: opCoarse, alertLimit: alert(opCoarse), unit: 'particles/m³' });
  }
  for (const [grade, air, settle, contact, glove] of TABLE_6) {
    for (const occupancy of ['at_rest', 'in_operation']) {
      rows.push({ grade, parameter: 'active_air', occupancy, actionLimit: air, alertLimit: alert(air), unit: 'cfu/m³' });
      rows.push({ grade, parameter: 'settle_plate', occupancy, actionLimit: settle, alertLimit: alert(settle), unit: 'cfu/4 h' });
      rows.push({ grade, parameter: 'contact_plate', occupancy, actionLimit: contact, alertLimit: alert(contact), unit: 'cfu/plate' });
      rows.push({ grade, parameter: 'glove_print', occupancy, actionLimit: glove, alertLimit: alert(glove), unit: 'cfu/glove' });
    }
  }
  return rows;
}

const key = (l: { grade: string; parameter: string; occupancy: string }) => `${l.grade} ${l.parameter} ${l.occupancy}`;

describe('EU GMP Annex 1 limits', () => {
  let h: Harness;
  let limits: Limit[];
  beforeAll(async () => {
    h = await createHarness();
    const director = await h.createTestUser({ roles: ['director'] });
    const res = await h.request(director, 'GET', '/api/v1/em/limits');
    expect(res.statusCode, res.body).toBe(200);
    limits = res.json<{ items: Limit[] }>().items;
  });
  afterAll(() => h.close());

  it('seeds every grade × parameter × state with the Table 5 and Table 6 values of the independent copy', () => {
    const expected = expectedRows();
    expect(limits).toHaveLength(48);
    expect(new Set(limits.map(key)).size).toBe(48);
    const byKey = new Map(limits.map((l) => [key(l), l]));
    for (const row of expected) expect(byKey.get(key(row)), key(row)).toMatchObject(row);
  });

  it('says in the data where a limit comes from and where Annex 1 sets none', () => {
    const find = (grade: string, parameter: string, occupancy: string) => limits.find((l) => key(l) === `${grade} ${parameter} ${occupancy}`)!;
    expect(find('B', 'settle_plate', 'in_operation').source).toMatch(/Annex 1 \(2022\) §9\.30 Table 6, grade B: action limit 5 cfu\/4 h; .*50%/);
    expect(find('C', 'particles_0_5', 'at_rest').source).toMatch(/§9\.15 Table 5, grade C/);
    expect(find('D', 'particles_0_5', 'in_operation').source).toMatch(/not predetermined.*no limit/);
    expect(find('D', 'particles_5_0', 'in_operation').source).toMatch(/not predetermined.*no limit/);
    expect(find('C', 'glove_print', 'in_operation').source).toMatch(/"–".*no limit/);
    expect(find('A', 'active_air', 'in_operation').source).toMatch(/no growth.*action limit 0.*no alert level/);
    expect(find('A', 'particles_5_0', 'in_operation').source).toMatch(/Note 2/);
  });

  it('sets default alert levels at the documented fraction, rounded down', () => {
    expect(ALERT_FRACTION).toBe(0.5);
    for (const row of defaultLimits()) {
      if (Number.isFinite(row.actionLimit) && row.actionLimit > 0) expect(row.alertLimit, key(row)).toBe(Math.floor(row.actionLimit * ALERT_FRACTION));
      else expect(row.alertLimit, key(row)).toBeNull();
    }
  });

  it('installs the defaults once, even when first asked for twice at once', async () => {
    const other = await createHarness();
    try {
      const { ensureEmLimits } = await import('./facility.limits.service');
      await Promise.all([ensureEmLimits(other.database.db), ensureEmLimits(other.database.db)]);
      const [row] = await other.database.query<{ n: number; actor: string }>(
        "SELECT count(*)::int AS n, min(actor) AS actor FROM audit_events WHERE entity_type = 'em_limit'",
      );
      expect(row).toEqual({ n: 48, actor: 'system' });
    } finally {
      await other.close();
    }
  });
});

describe('classification at the limits (limits are maxima: equal is within)', () => {
  const gradeB = { alertLimit: 2, actionLimit: 5 }; // settle plate, cfu/4 h
  const gradeAViable = { alertLimit: null, actionLimit: 0 }; // "no growth"
  const noLimit = { alertLimit: null, actionLimit: Number.POSITIVE_INFINITY }; // grade D in operation

  it.each([
    [0, 'within'],
    [2, 'within'], // equal to the alert level
    [2.01, 'alert'],
    [3, 'alert'],
    [5, 'alert'], // equal to the action limit: within it, still above the alert level
    [5.01, 'action'],
    [6, 'action'],
  ])('grade B settle plate %s → %s', (value, result) => expect(classify(value, gradeB)).toBe(result));

  it.each([
    [0, 'within'],
    [0.5, 'action'],
    [1, 'action'],
  ])('grade A viable %s → %s (any growth is an action excursion)', (value, result) => expect(classify(value, gradeAViable)).toBe(result));

  it('never raises an excursion where Annex 1 sets no limit', () => {
    expect(classify(1e10, noLimit)).toBe('within');
  });
});
