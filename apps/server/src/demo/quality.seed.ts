/**
 * The demo quality system: a handful of deviations, CAPAs and change controls at every stage, some of
 * them overdue, so the quality overview has something to show. Each record is written through the
 * same services as real work, by the demo user who would do it, and signed with their password; the
 * older ones are entered with the date they were opened (relative to the day the demo starts). Needs
 * only the site and the demo users operator, qc, qa and qahead: no other seed.
 */
import { addDays, localDate } from '@hepatica/core';
import type { Db } from '../db/client';
import { getUserById } from '../modules/identity/identity.service';
import { actorOf } from '../modules/identity/sessions';
import { completeAction, checkEffectiveness } from '../modules/quality/capa.lifecycle';
import { createCapa } from '../modules/quality/capa.service';
import { approveChange, assessChange, closeChange, implementChange, requestChange } from '../modules/quality/change-control.service';
import type { ChangeImpact } from '../modules/quality/change-control.schema';
import { classifyDeviation, closeDeviation, recordInvestigation } from '../modules/quality/deviations.lifecycle';
import { openDeviation } from '../modules/quality/deviations.service';
import { homeSite } from '../modules/sites/sites.service';
import { runWithContext } from '../platform/context';
import { write } from '../platform/write';

const DAY = 86_400_000;
const CLOSED = 'Deviation closed: investigation complete';
const CHANGE_CLOSED = 'Change closed: effectiveness verified';
type Who = 'operator' | 'qc' | 'qa' | 'qahead';

export async function seedQuality(db: Db, userIds: Record<Who, string>, password: string): Promise<void> {
  const as = async <T>(who: Who, fn: () => Promise<T>): Promise<T> =>
    runWithContext({ requestId: 'demo-seed', actor: actorOf(await getUserById(db, userIds[who])) }, fn);
  const sig = (meaning: string) => ({ password, meaning });
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY);
  const { timeZone } = await homeSite(db);
  const today = localDate(new Date(now), timeZone);
  const inDays = (days: number) => addDays(today, days);
  const open = (who: Who, daysAgo: number, title: string, description: string, severity: 'minor' | 'major' | 'critical') =>
    as(who, () => write(db, (w) => openDeviation(w, { title, description, severity, source: 'manual', openedAt: ago(daysAgo) })));

  // Numbered in the order they were opened. 1. A closed deviation with its CAPA: the second-person check missed in media preparation.
  const media = await open('operator', 55, 'Second-person check of media preparation not recorded', 'The weighing of IL-2 for medium lot MED-0425 was performed without the required second-person verification entry.', 'minor');
  await as('qa', () => classifyDeviation(db, media.id, { severity: 'minor', capaRequired: true, owner: 'operator', signature: sig('Deviation classified') }));
  await as('operator', () => recordInvestigation(db, media.id, { investigation: 'The operator was alone at the start of the night shift; the SOP does not say what to do when no second person is available.', rootCause: 'SOP-MFG-022 gives no rule for single-person shifts', rootCauseCategory: 'method' }));
  const mediaCapa = await as('qa', () =>
    createCapa(db, {
      title: 'Single-person shift rule for media preparation',
      description: 'Prevent weighing without verification when only one operator is on shift.',
      source: 'deviation',
      deviationId: media.id,
      owner: 'qa',
      actions: [
        { kind: 'corrective', description: 'Revise SOP-MFG-022: no critical weighing without a second person; defer or call the on-call operator.', owner: 'operator', dueDate: addDays(localDate(ago(50), timeZone), 14) },
        { kind: 'preventive', description: 'Make the verifier field mandatory in the electronic media record.', owner: 'qc', dueDate: addDays(localDate(ago(50), timeZone), 30) },
      ],
      effectivenessCheck: { dueDate: inDays(40), criteria: 'No unverified critical weighing in the next 20 media lots.' },
    }, ago(50)),
  );
  await as('qahead', () => closeDeviation(db, media.id, { conclusion: 'No product impact (medium lot re-verified by retained-sample assay). CAPA raised.', signature: sig(CLOSED) }));
  await as('operator', () => completeAction(db, mediaCapa.id, mediaCapa.actions[0]!.id, { note: 'SOP-MFG-022 v4 effective; all operators read and understood.', signature: sig('CAPA action completed') }));
  // Its second action (QC) is past due: the CAPA shows as overdue.

  // 2. Opened 40 days ago, still under investigation: overdue, a CAPA required but not yet raised.
  const co2 = await open('operator', 40, 'Incubator INC-03 CO₂ alarm during CAR-T expansion', 'INC-03 alarmed at 3.1 % CO₂ (set 5.0 %) for 47 minutes overnight while holding two CAR-T expansions; the alarm was acknowledged at shift start.', 'major');
  await as('qa', () => classifyDeviation(db, co2.id, { severity: 'major', capaRequired: true, owner: 'operator', signature: sig('Deviation classified') }));
  await as('operator', () => recordInvestigation(db, co2.id, { investigation: 'Gas log shows the CO₂ cylinder changeover valve did not switch to the reserve cylinder; the alarm relay to the on-call phone was disconnected during the last service.' }));

  // 3. Reported 6 days ago, waiting for QA to classify it.
  await open('qc', 6, 'Label printer printed expiry as MM/DD/YYYY on intermediate bags', 'Three intermediate bag labels in GMP-B01 showed the expiry date in US format instead of YYYY-MM-DD; found at the QC sample check, relabelled before use.', 'minor');

  // 4. A CAPA from a supplier audit: every action done, waiting for its effectiveness check.
  const audit = await as('qa', () =>
    createCapa(db, {
      title: 'Cryobag supplier: missing bioburden data',
      description: 'Supplier audit SA-2026-03 found no bioburden results on three of ten certificates of analysis.',
      source: 'audit',
      sourceReference: 'SA-2026-03 finding 2',
      owner: 'qahead',
      actions: [{ kind: 'corrective', description: 'Require bioburden on every CoA in the quality agreement (rev. 3).', owner: 'qa', dueDate: inDays(-5) }],
      effectivenessCheck: { dueDate: inDays(20), criteria: 'Bioburden reported on the next 10 incoming CoAs.' },
    }, ago(30)),
  );
  await as('qa', () => completeAction(db, audit.id, audit.actions[0]!.id, { note: 'Quality agreement rev. 3 signed by the supplier.', signature: sig('CAPA action completed') }));

  // 5. An OOS CAPA closed after an effective check.
  const oos = await as('qa', () =>
    createCapa(db, {
      title: 'Endotoxin OOS in AAV lot after membrane change',
      description: 'AAV8 lot V-2026-007 exceeded the endotoxin limit after TFF membranes from a new supplier were introduced.',
      source: 'oos',
      sourceReference: 'OOS on lot V-2026-007, endotoxin',
      owner: 'qa',
      actions: [{ kind: 'corrective', description: 'Add an endotoxin test to TFF membrane incoming inspection.', owner: 'qc', dueDate: inDays(-20) }],
      effectivenessCheck: { dueDate: inDays(-2), criteria: 'No endotoxin OOS in the next 5 AAV lots.' },
    }, ago(28)),
  );
  await as('qc', () => completeAction(db, oos.id, oos.actions[0]!.id, { note: 'Incoming inspection form IQ-TFF rev. 2 in use.', signature: sig('CAPA action completed') }));
  await as('qahead', () => checkEffectiveness(db, oos.id, { result: 'effective', evidence: '5 consecutive AAV lots conforming (0.8–2.1 EU/mL).', signature: sig('Effectiveness verified') }));

  // Change controls, in the order they were requested: an overdue draft, a closed one, one approved and due soon.
  const impact: ChangeImpact = {
    documents: ['SOP-MFG-031 Cryopreservation', 'Master batch record CART-GPC3'],
    processes: ['CART-GPC3 cryopreservation step'],
    specifications: [],
    equipment: ['Controlled-rate freezer CRF-02'],
    validationRequired: true,
    validationNotes: 'Three engineering runs comparing post-thaw viability with the current profile.',
    regulatoryImpact: 'notification',
    regulatoryNotes: 'Report in the IND annual update.',
    risk: 'Lower post-thaw viability; controlled by the three-run comparison before use on patient material.',
  };
  await as('qc', () =>
    requestChange(db, { title: 'Recombinant factor C for endotoxin testing', description: 'Move SOP-QC-012 from the LAL kinetic chromogenic method to recombinant factor C (Ph. Eur. 2.6.32).', justification: 'Animal-free reagent; supply of LAL reagent is unstable.', category: 'specification', implementationDueDate: inDays(-8) }, ago(45)),
  );

  const hepa = await as('operator', () =>
    requestChange(db, { title: 'Replace HEPA filter of BSC-02', description: 'Replace the main HEPA filter of BSC-02 after the failed integrity test.', justification: 'DOP integrity test failed at the annual certification.', category: 'equipment', implementationDueDate: inDays(-25) }, ago(40)),
  );
  await as('qa', () => assessChange(db, hepa.id, { ...impact, documents: ['BSC-02 logbook'], processes: [], equipment: ['BSC-02'], validationNotes: 'Filter integrity and airflow test after replacement.', regulatoryImpact: 'none', regulatoryNotes: undefined, risk: 'None once requalified.' }));
  await as('qahead', () => approveChange(db, hepa.id, sig('Change approved')));
  await as('operator', () => implementChange(db, hepa.id, { note: 'Filter replaced by the service engineer; integrity and airflow tests passed.', effectivenessDueDate: today, signature: sig('Change implemented') }));
  await as('qa', () => closeChange(db, hepa.id, { effectiveness: 'BSC-02 requalified; EM in the work zone within limits for four weeks.', signature: sig(CHANGE_CLOSED) }));

  const freeze = await as('operator', () =>
    requestChange(db, { title: 'Stepped freeze profile for CAR-T cryopreservation', description: 'Replace the linear 1 °C/min profile on CRF-02 with the supplier-recommended stepped profile.', justification: 'Post-thaw viability trended down to 72 % over the last 8 batches.', category: 'process', implementationDueDate: inDays(14) }, ago(20)),
  );
  await as('qc', () => assessChange(db, freeze.id, impact));
  await as('qahead', () => approveChange(db, freeze.id, sig('Change approved')));
}
