/**
 * The one write path. write() opens a transaction and hands the service a Writer whose every
 * method changes rows and records the matching audit event in that same transaction: either
 * both are stored or neither is. Services never call insert/update on the database directly.
 */
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client';
import { appendAudit, lockAuditChain, type AuditEntry } from './audit';
import { notFound, unprocessable } from './errors';

type TableWithId = PgTable & { id: PgColumn };

/**
 * Records whose changes GMP requires to be justified (EU GMP Annex 11 §9, 21 CFR 11.10(e)): an
 * update of one of these without a reason is refused before anything is written.
 */
export const GMP_RECORDS = new Set([
  'site', 'study', 'patient', 'order', 'collection', 'custody_event', 'custody_exception', 'signature',
  // Training records: who was taught what, by whom, when, is evidence of qualification.
  'training_course', 'training_curriculum', 'training_learner', 'training_session', 'training_enrollment',
  'training_assessment', 'training_qualification', 'training_certificate', 'training_target',
  // Cleanrooms and environmental monitoring, deviations: the evidence a batch was made in control.
  'room', 'em_limit', 'em_sample', 'deviation',
  // Materials, lots, genealogy and equipment: what went into a batch and whether it was fit to use.
  'material', 'material_lot', 'genealogy_edge', 'equipment', 'equipment_event',
  // Executed batch records: each step as performed, signed and witnessed.
  'batch', 'batch_step',
  // Review and release: the QA review, the QP's decisions, their notification duties, issued CoAs.
  'batch_review', 'batch_release', 'release_notification', 'coa_version',
  // Quality control: specifications, samples, results and OOS investigations decide whether a product conforms.
  'specification', 'qc_sample', 'qc_result', 'oos_investigation',
  // Shipment to the bedside: the product's custody, temperatures, identity checks and administration.
  'shipment', 'shipment_logger_upload', 'bedside_verification', 'infusion',
  // Quality events: CAPA with its actions and effectiveness checks, change controls, deviation closure periods.
  'capa', 'capa_action', 'capa_effectiveness_check', 'change_control', 'deviation_due_rule',
  // Clinical safety and response (issue 11): adverse events, CRS/ICANS assessments, SAE clocks and reports, tumour assessments.
  'adverse_event', 'crs_assessment', 'icans_assessment', 'sae_clock', 'sae_report', 'tumour_assessment',
  // Clinical protocols and enrollment (issue 11): protocol versions, arms, criteria, registrations, ethics, subjects, screening data, deviations, allocations.
  'protocol_version', 'protocol_arm', 'eligibility_criterion', 'regulatory_registration', 'ethics_approval', 'study_subject', 'screening_data', 'protocol_deviation', 'randomization_slot',
  // Informed consent (issue 11): consent documents, consent records, withdrawals, re-consent flags.
  'consent_document', 'consent_record', 'consent_withdrawal', 'consent_reconsent_flag',
  // Laboratory results (issue 11): panels and results (corrected by supersession), imports.
  'lab_panel', 'lab_result', 'lab_import',
]);
type Row<T extends PgTable> = T['$inferSelect'];
type NewRow<T extends PgTable> = T['$inferInsert'];

export class Writer {
  constructor(readonly tx: Tx) {}

  /** Inserts one row and audits its creation. */
  async insert<T extends TableWithId>(table: T, entityType: string, values: NewRow<T>): Promise<Row<T>> {
    const rows = (await this.tx.insert(table).values(values as never).returning()) as Row<T>[];
    const row = rows[0]!;
    await appendAudit(this.tx, { action: 'create', entityType, entityId: String(row.id), after: row });
    return row;
  }

  /** Updates one row by id, auditing before and after; `reason` is required for GMP records. */
  async update<T extends TableWithId>(
    table: T,
    entityType: string,
    id: string,
    patch: Partial<NewRow<T>>,
    reason: string | null,
    action = 'update',
  ): Promise<Row<T>> {
    if (GMP_RECORDS.has(entityType) && !reason?.trim()) {
      throw unprocessable(`A reason is required to change a ${entityType.replaceAll('_', ' ')} record.`, {
        code: 'gmp.reason_required',
        errors: [{ path: 'body.reason', message: 'Required' }],
      });
    }
    const before = await this.lockById(table, id, entityType);
    const rows = (await this.tx
      .update(table)
      .set(patch as never)
      .where(eq(table.id, id))
      .returning()) as Row<T>[];
    const after = rows[0]!;
    await appendAudit(this.tx, { action, entityType, entityId: id, before, after, reason });
    return after;
  }

  /** Reads a row and locks it until the transaction ends (prevents lost updates). */
  async lockById<T extends TableWithId>(table: T, id: string, entityType: string): Promise<Row<T>> {
    const rows = (await this.tx.select().from(table as PgTable).where(eq(table.id, id)).for('update')) as Row<T>[];
    if (!rows[0]) throw notFound(entityType);
    return rows[0];
  }

  /** Records an event that is not a row change of its own (a login, a refused scan). */
  async event(entry: AuditEntry): Promise<void> {
    await appendAudit(this.tx, entry);
  }
}

/**
 * A refusal that must leave a trace although the transaction it stops is rolled back: a wrong
 * signature password signs nothing, yet counts toward the signer's lockout (signatures.ts). Thrown
 * inside write(); write() lets the transaction roll back, then runs `afterRollback` in a transaction
 * of its own and throws the error that returns (the refusal as the client should see it).
 */
export abstract class RefusalWithTrace extends Error {
  abstract afterRollback(db: Db): Promise<Error>;
}

/**
 * Runs fn in one transaction with an auditing Writer. The audit-chain lock is taken first, before
 * any row lock, so writers queue in one order and can never deadlock on the chain.
 */
export async function write<T>(db: Db, fn: (w: Writer) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await lockAuditChain(tx);
      return fn(new Writer(tx));
    });
  } catch (error) {
    if (error instanceof RefusalWithTrace) throw await error.afterRollback(db);
    throw error;
  }
}
