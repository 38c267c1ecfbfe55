/**
 * EU GMP Annex 1 (2022) limits for environmental monitoring, typed from the published text, and the
 * default limits a site starts from. facility.annex1.test.ts checks the seeded rows against a second,
 * independently typed copy of both tables, so a typo in either copy fails the build.
 *
 * Source: EudraLex Volume 4, EU GMP Annex 1 "Manufacture of Sterile Medicinal Products",
 * C(2022) 5938 final, 22 August 2022 (applies from 25 August 2023); the same text is PIC/S PE 009-17
 * (Annexes), 25 August 2023, Annex 1, pp. 50–53.
 *   §9.9   action limits: at most Table 5 (total particle) and Table 6 (viable); "more stringent action
 *          limits may be applied"; alert levels are set by the site from cleanroom qualification and
 *          trend data, and reviewed periodically.
 *   §9.10  alert levels for grade A (total particle only), grades B, C and D.
 *   §9.15  Table 5 "Maximum permitted total particle concentration for monitoring" (particles/m³):
 *
 *          | Grade | ≥0.5 µm at rest | ≥0.5 µm in operation | ≥5 µm at rest | ≥5 µm in operation |
 *          | A     |           3 520 |                3 520 |            29 |                 29 |
 *          | B     |           3 520 |              352 000 |            29 |              2 930 |
 *          | C     |         352 000 |            3 520 000 |         2 930 |             29 300 |
 *          | D     |       3 520 000 | not predetermined (a)|        29 300 | not predetermined (a) |
 *          (a) grade D in operation: the manufacturer sets limits from a risk assessment and routine data.
 *          Note 2: occasional ≥5 µm counts in grade A may be false counts (electronic noise, stray light,
 *          coincidence loss); consecutive or regular low counts should be investigated.
 *   §9.30  Table 6 "Maximum action limits for viable particle contamination":
 *
 *          | Grade | Air sample cfu/m³ | Settle plates ø90 mm cfu/4 h | Contact plates ø55 mm cfu/plate | Glove print cfu/glove |
 *          | A     | no growth (c)     | no growth (c)                | no growth (c)                   | no growth (c)         |
 *          | B     | 10                | 5                            | 5                               | 5                     |
 *          | C     | 100               | 50                           | 25                              | –                     |
 *          | D     | 200               | 100                          | 50                              | –                     |
 *          (c) for grade A, any growth should result in an investigation. Glove prints include the
 *          5 fingers of both hands; routine gown monitoring is not normally required in C and D.
 *
 * Table 5 and the air, settle- and contact-plate columns of Table 6 were also checked against an
 * independent transcription (labox.eu FAQ, "Cleanroom classifications acc. to EU GMP Annex 1 rev. 2022").
 */
import type { EmParameter, EmResult, Occupancy, RoomGrade, ViableParameter } from './facility.schema';
import { EM_UNITS } from './facility.schema';

/** A published cell: a number, or one of the words Annex 1 puts in place of one. */
export type Annex1Cell = number | 'no_growth' | 'not_predetermined' | 'not_applicable';

type ParticleRow = Record<'particles_0_5' | 'particles_5_0', Record<Occupancy, Annex1Cell>>;

export const ANNEX1_TABLE_5: Record<RoomGrade, ParticleRow> = {
  A: { particles_0_5: { at_rest: 3_520, in_operation: 3_520 }, particles_5_0: { at_rest: 29, in_operation: 29 } },
  B: { particles_0_5: { at_rest: 3_520, in_operation: 352_000 }, particles_5_0: { at_rest: 29, in_operation: 2_930 } },
  C: { particles_0_5: { at_rest: 352_000, in_operation: 3_520_000 }, particles_5_0: { at_rest: 2_930, in_operation: 29_300 } },
  D: {
    particles_0_5: { at_rest: 3_520_000, in_operation: 'not_predetermined' },
    particles_5_0: { at_rest: 29_300, in_operation: 'not_predetermined' },
  },
};

/** Table 6 gives one set of limits, not split by occupancy state; they apply in either state (§9.23). */
export const ANNEX1_TABLE_6: Record<RoomGrade, Record<ViableParameter, Annex1Cell>> = {
  A: { active_air: 'no_growth', settle_plate: 'no_growth', contact_plate: 'no_growth', glove_print: 'no_growth' },
  B: { active_air: 10, settle_plate: 5, contact_plate: 5, glove_print: 5 },
  C: { active_air: 100, settle_plate: 50, contact_plate: 25, glove_print: 'not_applicable' },
  D: { active_air: 200, settle_plate: 100, contact_plate: 50, glove_print: 'not_applicable' },
};

/**
 * Default alert levels: half the action limit, rounded down to a whole count. Annex 1 leaves alert
 * levels to the site (§9.9: from qualification and trend data); half is a common starting point until
 * the site has trend data, and each level can be changed (PUT /em/limits/{id}, with a reason).
 */
export const ALERT_FRACTION = 0.5;

/** Stored in the action limit column (which cannot be empty) for "no limit": no value exceeds it. */
export const NO_LIMIT = Number.POSITIVE_INFINITY;

export function annex1Cell(grade: RoomGrade, parameter: EmParameter, occupancy: Occupancy): Annex1Cell {
  if (parameter === 'particles_0_5' || parameter === 'particles_5_0') return ANNEX1_TABLE_5[grade][parameter][occupancy];
  return ANNEX1_TABLE_6[grade][parameter];
}

/** The highest action limit Annex 1 allows for a row ("more stringent limits may be applied"); Infinity when it sets none. */
export function annex1Maximum(grade: RoomGrade, parameter: EmParameter, occupancy: Occupancy): number {
  const cell = annex1Cell(grade, parameter, occupancy);
  if (cell === 'no_growth') return 0;
  return typeof cell === 'number' ? cell : NO_LIMIT;
}

const CITATION = 'EU GMP Annex 1 (2022)';
const table = (parameter: EmParameter) => (parameter.startsWith('particles') ? '§9.15 Table 5' : '§9.30 Table 6');

function sourceText(grade: RoomGrade, parameter: EmParameter, occupancy: Occupancy, cell: Annex1Cell): string {
  const where = `${CITATION} ${table(parameter)}, grade ${grade}`;
  switch (cell) {
    case 'no_growth':
      return `${where}: no growth (note c: any growth is investigated) — action limit 0; no alert level (§9.10: grade A alert levels are for total particles only).`;
    case 'not_predetermined':
      return `${where} ${occupancy.replace('_', ' ')}: not predetermined (note a) — no limit until the site sets one from a risk assessment and routine data.`;
    case 'not_applicable':
      return `${where}: "–" (no glove-print limit for this grade) — no limit until the site sets one.`;
    default: {
      const note = grade === 'A' && parameter === 'particles_5_0' ? ' Note 2: isolated ≥5 µm counts may be false counts; repeated low counts are investigated.' : '';
      return `${where}: action limit ${cell} ${EM_UNITS[parameter]}; alert level is the site default, ${ALERT_FRACTION * 100}% of the action limit rounded down (§9.9: set from trend data).${note}`;
    }
  }
}

export interface DefaultLimit {
  grade: RoomGrade;
  parameter: EmParameter;
  occupancy: Occupancy;
  alertLimit: number | null;
  actionLimit: number;
  unit: string;
  source: string;
}

/** Every grade × parameter × occupancy state, with its Annex 1 action limit and default alert level. */
export function defaultLimits(): DefaultLimit[] {
  const rows: DefaultLimit[] = [];
  for (const grade of ['A', 'B', 'C', 'D'] as const) {
    for (const parameter of Object.keys(EM_UNITS) as EmParameter[]) {
      for (const occupancy of ['at_rest', 'in_operation'] as const) {
        const cell = annex1Cell(grade, parameter, occupancy);
        const actionLimit = annex1Maximum(grade, parameter, occupancy);
        const alertLimit = typeof cell === 'number' ? Math.floor(cell * ALERT_FRACTION) : null;
        rows.push({ grade, parameter, occupancy, alertLimit, actionLimit, unit: EM_UNITS[parameter], source: sourceText(grade, parameter, occupancy, cell) });
      }
    }
  }
  return rows;
}

/**
 * Judges one result. Annex 1 limits are maxima: a value equal to a limit is within it, only a value
 * above it is an excursion. An action limit of 0 (grade A viable, "no growth") makes any growth an
 * action excursion.
 */
export function classify(value: number, limit: { alertLimit: number | null; actionLimit: number }): EmResult {
  if (value > limit.actionLimit) return 'action';
  if (limit.alertLimit !== null && value > limit.alertLimit) return 'alert';
  return 'within';
}
