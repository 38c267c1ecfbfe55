/**
 * The deviation lifecycle: opened (by a rule or a person) → classified by QA (severity, whether a
 * CAPA is needed, who investigates; signed) → investigation (description, root cause and its
 * category, the impact on each affected batch) → closed by QA with a signature, refused while any of
 * that is missing. Every change is audited; changing what was already written needs a reason.
 */
import { dueDateAfter } from '@hepatica/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { rooms } from '../facility/facility.tables';
import { homeSite } from '../sites/sites.service';
import { closeDaysOf } from './deviations.due';
import type { AddBatchBody, ClassifyDeviationBody, CloseDeviationBody, CreateDeviationBody, ImpactBody, InvestigationBody } from './deviations.lifecycle.schema';
import { closureGaps, describeGaps } from './deviations.closure';
import { capasOfDeviation, DEVIATION_ENTITY, getDeviation, openDeviation, type Deviation } from './deviations.service';
import { CLASSIFICATION_ENTITY, classifiedContent, closedContent, CLOSURE_ENTITY } from './deviations.signed';
import { requireOwner, requireStatus } from './quality.common';
import { deviationBatches, deviations } from './quality.tables';

const STARTED = 'Investigation started';

/** 422 naming the field when a referenced batch or room does not exist. */
async function requireRefs(w: Writer, input: { batchIds: string[]; roomId?: string | undefined }) {
  for (const [i, id] of input.batchIds.entries()) {
    const [b] = await w.tx.select({ id: batches.id }).from(batches).where(eq(batches.id, id));
    if (!b) throw unprocessable('There is no such batch; pick the batch from the list.', { code: 'deviation.unknown_batch', errors: [{ path: i === 0 ? 'body.batchId' : `body.batchIds.${i - 1}`, message: 'Unknown batch' }] });
  }
  if (input.roomId) {
    const [r] = await w.tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, input.roomId));
    if (!r) throw unprocessable('There is no such room; pick the room from the list.', { code: 'deviation.unknown_room', errors: [{ path: 'body.roomId', message: 'Unknown room' }] });
  }
}

/** A deviation reported by a person (operator, QC or QA); source `manual`. */
export async function reportDeviation(db: Db, body: CreateDeviationBody) {
  const row = await write(db, async (w) => {
    await requireRefs(w, { batchIds: [...(body.batchId ? [body.batchId] : []), ...(body.batchIds ?? [])], roomId: body.roomId });
    return openDeviation(w, { ...body, source: 'manual' });
  });
  return getDeviation(db, row.id);
}

/** QA classifies (or reclassifies during the investigation): severity, CAPA needed, owner; the due date follows the severity. */
export async function classifyDeviation(db: Db, id: string, body: ClassifyDeviationBody) {
  await write(db, async (w) => {
    const d = await w.lockById(deviations, id, 'Deviation');
    requireStatus('deviation', d, ['open', 'classified', 'investigation'], 'classified');
    await requireOwner(w.tx, body.owner, 'body.owner');
    const { timeZone } = await homeSite(w.tx);
    const after = await w.update(
      deviations,
      DEVIATION_ENTITY,
      id,
      {
        severity: body.severity,
        capaRequired: body.capaRequired,
        owner: body.owner,
        status: d.status === 'open' ? 'classified' : d.status,
        classifiedAt: new Date(),
        classifiedBy: requireUserActor().username,
        dueDate: dueDateAfter(d.openedAt, await closeDaysOf(w.tx, body.severity), timeZone),
      },
      `Classified as ${body.severity}: ${body.signature.meaning}`,
      'classify',
    );
    await sign(w, body.signature, CLASSIFICATION_ENTITY, id, classifiedContent(after));
  });
  return getDeviation(db, id);
}

/** The first entry starts the investigation; changing what was written needs a reason. */
export async function recordInvestigation(db: Db, id: string, body: InvestigationBody) {
  await write(db, async (w) => {
    const d = await w.lockById(deviations, id, 'Deviation');
    requireStatus('deviation', d, ['classified', 'investigation'], 'investigated');
    const patch: Partial<Deviation> = {};
    if (body.investigation !== undefined) patch.investigation = body.investigation;
    if (body.rootCause !== undefined) patch.rootCause = body.rootCause;
    if (body.rootCauseCategory !== undefined) patch.rootCauseCategory = body.rootCauseCategory;
    if (!Object.keys(patch).length) {
      throw unprocessable('Nothing to record: give the investigation, the root cause or its category.', { code: 'deviation.nothing_to_record' });
    }
    if (d.status === 'classified') patch.status = 'investigation';
    const rewrites = (Object.keys(patch) as (keyof Deviation)[]).some((k) => k !== 'status' && d[k] !== null && d[k] !== patch[k]);
    // Filling in what was blank needs no reason of the user's; rewriting does (null makes write() refuse).
    const ownReason = d.status === 'classified' ? STARTED : 'Investigation completed further';
    await w.update(deviations, DEVIATION_ENTITY, id, patch, body.reason ?? (rewrites ? null : ownReason), 'investigate');
  });
  return getDeviation(db, id);
}

/** Moves a classified deviation into investigation (impact assessment and batch links are investigation work). */
async function startInvestigation(w: Writer, d: Deviation) {
  if (d.status === 'classified') await w.update(deviations, DEVIATION_ENTITY, d.id, { status: 'investigation' }, STARTED, 'investigate');
}

/** The assessed impact of the deviation on one affected batch; reassessing needs a reason. */
export async function assessImpact(db: Db, id: string, batchId: string, body: ImpactBody) {
  await write(db, async (w) => {
    const d = await w.lockById(deviations, id, 'Deviation');
    requireStatus('deviation', d, ['classified', 'investigation'], 'assessed');
    const [link] = await w.tx.select().from(deviationBatches).where(and(eq(deviationBatches.deviationId, id), eq(deviationBatches.batchId, batchId)));
    if (!link) throw notFound('Affected batch');
    if (link.impact !== null && !body.reason) {
      throw unprocessable('The impact on this batch was already assessed; give a reason to change it.', { code: 'gmp.reason_required', errors: [{ path: 'body.reason', message: 'Required' }] });
    }
    const after = { impact: body.impact, impactRationale: body.rationale, assessedBy: requireUserActor().username, assessedAt: new Date() };
    await w.tx.update(deviationBatches).set(after).where(and(eq(deviationBatches.deviationId, id), eq(deviationBatches.batchId, batchId)));
    const before = { batchId, impact: link.impact, impactRationale: link.impactRationale, assessedBy: link.assessedBy };
    await w.event({ action: 'assess_impact', entityType: DEVIATION_ENTITY, entityId: id, before, after: { batchId, ...after }, reason: body.reason ?? null });
    await startInvestigation(w, d);
  });
  return getDeviation(db, id);
}

/** A further batch the investigation found affected. */
export async function addAffectedBatch(db: Db, id: string, body: AddBatchBody) {
  await write(db, async (w) => {
    const d = await w.lockById(deviations, id, 'Deviation');
    requireStatus('deviation', d, ['open', 'classified', 'investigation'], 'linked to a batch');
    await requireRefs(w, { batchIds: [body.batchId] });
    const [linked] = await w.tx.select().from(deviationBatches).where(and(eq(deviationBatches.deviationId, id), eq(deviationBatches.batchId, body.batchId)));
    if (linked) throw conflict(`This batch is already listed as affected by ${d.number}.`, { code: 'deviation.batch_linked', params: { number: d.number } });
    await w.tx.insert(deviationBatches).values({ deviationId: id, batchId: body.batchId });
    await w.event({ action: 'link_batches', entityType: DEVIATION_ENTITY, entityId: id, after: { batchIds: [body.batchId] }, reason: body.reason });
  });
  return getDeviation(db, id);
}

/** QA closes with a signature once classification, investigation, root cause, every batch's impact and any required CAPA are there. */
export async function closeDeviation(db: Db, id: string, body: CloseDeviationBody) {
  await write(db, async (w) => {
    const d = await w.lockById(deviations, id, 'Deviation');
    requireStatus('deviation', d, ['open', 'classified', 'investigation'], 'closed');
    const affected = await w.tx
      .select({ id: deviationBatches.batchId, batchNumber: batches.batchNumber, impact: deviationBatches.impact, impactRationale: deviationBatches.impactRationale })
      .from(deviationBatches)
      .innerJoin(batches, eq(batches.id, deviationBatches.batchId))
      .where(eq(deviationBatches.deviationId, id));
    const capas = await capasOfDeviation(w.tx, id);
    const gaps = closureGaps(d, affected, capas.length);
    if (gaps.length) {
      throw conflict(`${d.number} cannot be closed yet: ${describeGaps(gaps)}.`, {
        code: 'deviation.closure_incomplete',
        params: { number: d.number, missing: gaps.map((g) => (g.batchNumber ? `${g.kind} ${g.batchNumber}` : g.kind)).join(', ') },
        extensions: { missing: gaps },
      });
    }
    const actor = requireUserActor();
    const after = await w.update(
      deviations,
      DEVIATION_ENTITY,
      id,
      { status: 'closed', closedAt: new Date(), closedBy: actor.username, conclusion: body.conclusion },
      `Closed: ${body.signature.meaning}`,
      'close',
    );
    await sign(w, body.signature, CLOSURE_ENTITY, id, closedContent(after, affected, capas));
  });
  return getDeviation(db, id);
}
