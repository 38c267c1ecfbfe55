/**
 * The demo center's release specifications, one effective version per demo product, written by the
 * demo QA officer and approved by the head of QA; a second QC analyst (results are reviewed by
 * someone other than the analyst); and the QC method qualifications both analysts hold.
 *
 * Where each acceptance value comes from:
 * - Viability ≥ 70 %: FDA CBER, "Content and Review of Chemistry, Manufacturing, and Control (CMC)
 *   Information for Human Somatic Cell Therapy IND Applications" (2008), which recommends a minimum
 *   release criterion of 70 % viable cells.
 * - Vector copy number ≤ 5 copies per transduced cell: the limit FDA reviewers have applied to
 *   integrating-vector CAR-T products (insertional-mutagenesis risk; FDA "Considerations for the
 *   Development of CAR T Cell Products", 2024, asks for VCN as a release test) and widely used in
 *   approved products' specifications.
 * - Replication-competent lentivirus not detected: FDA "Testing of Retroviral Vector-Based Human Gene
 *   Therapy Products for RCR During Product Manufacture and Patient Follow-up" (2020); EMA
 *   CHMP/BWP "Guideline on quality, non-clinical and clinical aspects of medicinal products
 *   containing genetically modified cells" (EMA/CAT/GTWP/671639/2008 rev. 1).
 * - Sterility: Ph. Eur. 2.6.27 (cell-based preparations) / 2.6.1, ChP 1101; no growth. For the
 *   autologous CAR-T product the 14-day result may follow release (NMPA cell-therapy GMP appendix,
 *   release before complete testing with notification), hence `lateResultAllowed`.
 * - Mycoplasma not detected: Ph. Eur. 2.6.7 (NAT method validated against culture).
 * - Endotoxin: Ph. Eur. 5.1.10 / USP <85> threshold pyrogenic dose K = 5 EU/kg per hour, divided by
 *   the largest dose volume per kg of each product, rounded down to a fixed per-mL limit.
 * - Residual host-cell DNA ≤ 10 ng per dose: WHO TRS 978 Annex 3 (2013) for continuous cell lines
 *   (HEK293-derived vectors).
 * - UC-MSC CD73/CD90/CD105 ≥ 95 % and CD34, CD45, CD14, CD19, HLA-DR ≤ 2 %: ISCT minimal criteria,
 *   Dominici M. et al., Cytotherapy 2006;8(4):315–317.
 * - Karyotype 46,XX or 46,XY (normal, G-banding, ISCN): ISSCR Guidelines for Stem Cell Research and
 *   Clinical Translation (2021) and the NMPA stem-cell product guidance (干细胞制剂质量控制及临床前研究指导原则, 2015).
 * - CAR expression, CD3 purity, dose window, titres, full/empty ratio, potency: the center's own
 *   process-specific limits from development lots and the study protocols (no regulatory value exists).
 * - Shelf life (from the end of manufacture, frozen): the center's own stability data, which no
 *   regulation fixes. For scale, the EU SmPC of Kymriah (section 6.3) gives 9 months at ≤ −120 °C for
 *   a cryopreserved autologous CAR-T product; the demo uses 270 days for CAR-T, 365 days for the
 *   vector lots (≤ −60 °C) and 180 days for the cryopreserved UC-MSC bank.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runWithContext } from '../platform/context';
import { users } from '../modules/identity/identity.tables';
import { actorOf } from '../modules/identity/sessions';
import { createSpecificationBody, type SpecTestInput } from '../modules/qc/specifications.schema';
import { approveSpecification, createSpecification } from '../modules/qc/specifications.service';
import { getCourseByCode } from '../modules/training/training.courses.service';
import { recordQualification } from '../modules/training/training.qualifications.service';
import { DEMO_PROCESSES, PROCESS_APPROVER } from './processes.seed';
import { DEMO_PASSWORD } from './demo-password';

/** The second QC analyst (a demo user), who reviews what the demo `qc` analyst enters (and the other way round). */
export const QC_REVIEWER = { username: 'qc2' };

const FLOW = 'QC-240';
const MICRO = 'QC-250';
const PCR = 'QC-260';
const BIOASSAY = 'QC-270';

const num = (code: string, name: string, method: string, unit: string, bounds: Partial<SpecTestInput>, qualification: string): SpecTestInput => ({
  code, name, kind: 'numeric', method, unit, ...bounds, qualification,
});
const passFail = (code: string, name: string, method: string, qualification: string, lateResultAllowed = false): SpecTestInput => ({
  code, name, kind: 'pass_fail', method, qualification, lateResultAllowed,
});

const sterility = (late: boolean) => passFail('STERILITY', 'Sterility (no growth)', 'Ph. Eur. 2.6.27 / ChP 1101, BacT/ALERT 14 days (SOP-QC-251)', MICRO, late);
const mycoplasma = passFail('MYCOPLASMA', 'Mycoplasma (not detected)', 'Ph. Eur. 2.6.7 NAT (SOP-QC-252)', MICRO);
const endotoxin = (max: number) => num('ENDOTOXIN', 'Bacterial endotoxins', 'Ph. Eur. 2.6.14 kinetic chromogenic LAL (SOP-QC-253)', 'EU/mL', { max, maxInclusive: false }, MICRO);
const viability = num('VIAB', 'Viability', 'Flow cytometry, 7-AAD exclusion (SOP-QC-241)', '%', { min: 70 }, FLOW);
const hostDna = num('HCD', 'Residual host-cell DNA', 'qPCR, HEK293 Alu sequence (SOP-QC-262)', 'ng/dose', { max: 10 }, PCR);

const productOf = (code: string) => DEMO_PROCESSES.find((p) => p.code === code)!.product;

/** A function, not a constant: demo/seed.ts imports this file while processes.seed.ts is still loading. */
export const demoSpecifications = (): { product: string; shelfLifeDays: number; tests: SpecTestInput[] }[] => [
  {
    product: productOf('CART-GPC3'),
    shelfLifeDays: 270,
    tests: [
      viability,
      num('CAR', 'CAR expression (CAR+ of CD3+)', 'Flow cytometry, GPC3-Fc detection reagent (SOP-QC-242)', '%', { min: 20 }, FLOW),
      num('CD3', 'CD3+ T-cell purity', 'Flow cytometry, CD3/CD45 (SOP-QC-243)', '%', { min: 80 }, FLOW),
      num('VCN', 'Vector copy number', 'ddPCR, WPRE / RPP30 (SOP-QC-261)', 'copies/cell', { max: 5 }, PCR),
      endotoxin(0.5),
      mycoplasma,
      sterility(true),
      passFail('RCL', 'Replication-competent lentivirus (not detected)', 'qPCR for VSV-G env on final product (SOP-QC-263)', PCR),
      num('DOSE', 'Dose (viable CAR+ T cells per kg)', 'Calculated: viable count × CAR+ fraction / body weight (SOP-QC-244)', '×10^6 cells/kg', { min: 0.5, max: 5 }, FLOW),
    ],
  },
  {
    product: productOf('AAV8-ATP7B'),
    shelfLifeDays: 365,
    tests: [
      num('VG-TITRE', 'Vector genome titre', 'ddPCR, ATP7B transgene (SOP-QC-264)', 'vg/mL', { min: 1e13 }, PCR),
      num('FULL', 'Full capsids (full/empty ratio)', 'Analytical ultracentrifugation (SOP-QC-271)', '% full', { min: 50 }, BIOASSAY),
      endotoxin(1),
      sterility(false),
      hostDna,
    ],
  },
  {
    product: productOf('LVV-GPC3'),
    shelfLifeDays: 365,
    tests: [
      num('TU-TITRE', 'Functional titre', 'Transduction of HEK293T, flow cytometry (SOP-QC-245)', 'TU/mL', { min: 1e8 }, FLOW),
      num('P24', 'Physical titre (p24)', 'p24 ELISA (SOP-QC-272)', 'ng/mL', {}, BIOASSAY),
      passFail('RCL', 'Replication-competent lentivirus (not detected)', 'Cell-based amplification on C8166, p24 read-out (SOP-QC-263)', PCR),
      endotoxin(1),
      sterility(false),
      mycoplasma,
      hostDna,
    ],
  },
  {
    product: productOf('UCMSC'),
    shelfLifeDays: 180,
    tests: [
      num('CD73', 'CD73+', 'Flow cytometry, ISCT panel (SOP-QC-246)', '%', { min: 95 }, FLOW),
      num('CD90', 'CD90+', 'Flow cytometry, ISCT panel (SOP-QC-246)', '%', { min: 95 }, FLOW),
      num('CD105', 'CD105+', 'Flow cytometry, ISCT panel (SOP-QC-246)', '%', { min: 95 }, FLOW),
      num('NEG-MARKERS', 'CD34/CD45/CD14/CD19/HLA-DR positive', 'Flow cytometry, ISCT negative cocktail (SOP-QC-246)', '%', { max: 2 }, FLOW),
      viability,
      num('POTENCY', 'Potency: inhibition of PBMC proliferation', 'MSC–PBMC co-culture, CFSE dilution (SOP-QC-273)', '% inhibition', { min: 30 }, BIOASSAY),
      { code: 'KARYOTYPE', name: 'Karyotype', kind: 'text', method: 'G-banding, 20 metaphases, ISCN 2020 (SOP-QC-274)', acceptable: ['46,XX', '46,XY'], qualification: BIOASSAY },
      endotoxin(0.5),
      sterility(false),
      mycoplasma,
    ],
  },
];

async function asUser<T>(db: Db, username: string, fn: () => Promise<T>): Promise<T> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} is missing`);
  return runWithContext({ requestId: 'demo-seed', actor: actorOf(user) }, fn);
}

/** Seeds QC; runs as the demo QA officer, who writes the specifications. */
export async function seedQc(db: Db): Promise<void> {
  await asUser(db, 'trainer', () => seedQcQualifications(db));
  for (const spec of demoSpecifications()) {
    const draft = await createSpecification(db, createSpecificationBody.parse(spec));
    await asUser(db, PROCESS_APPROVER, () => approveSpecification(db, draft.id, { password: DEMO_PASSWORD, meaning: 'Approved for release testing' }));
  }
}

const DAY = 86_400_000;

/** Both analysts hold every QC method (the `qc` analyst's flow cytometry comes from the academy seed). */
async function seedQcQualifications(db: Db): Promise<void> {
  const grants: [string, string[]][] = [
    ['qc', [MICRO, PCR, BIOASSAY]],
    [QC_REVIEWER.username, [FLOW, MICRO, PCR, BIOASSAY]],
  ];
  for (const [username, codes] of grants) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
    for (const [i, code] of codes.entries()) {
      const course = await getCourseByCode(db, code);
      const achievedAt = new Date(Date.now() - (60 + 15 * i) * DAY).toISOString();
      await recordQualification(db, { userId: user!.id, courseId: course.id, achievedAt, evidence: `Method qualification record MQ-${code}` });
    }
  }
}
