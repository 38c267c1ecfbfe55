/**
 * Executing a step of a batch record at the tablet. Everything about one completion happens in one
 * transaction under the batch's row lock, so two operators completing the same step at once end
 * with one success and one 409, and any refusal (a wrong password, an expired lot, a missing
 * qualification) leaves nothing behind: no value, no consumption, no signature.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { currentContext, requireUserActor, runWithContext, type Actor } from '../../platform/context';
import { hasPermission } from '../../platform/access';
import { conflict, notFound, unprocessable, wrongPassword } from '../../platform/errors';
import { PasswordRejected, sign } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { assertEquipmentUsable, holdEquipment } from '../equipment/equipment.service';
import { assertNotLocked } from '../identity/identity.service';
import { users } from '../identity/identity.tables';
import { actorOf } from '../identity/sessions';
import { assertLotUsable, consumeLot } from '../materials/materials.service';
import { getProcess, type Process, type ProcessStep } from '../processes/processes.service';
import { openDeviation } from '../quality/deviations.service';
import { requireQualification } from '../training/training.gate';
import { finishBatch } from './batches.finish';
import { checkStepOrder, checkValues, coverage, formatRange, normaliseLotUses, type LotUse } from './batches.rules';
import { batches, batchSteps } from './batches.tables';
import { signedStep, stepRowsOf, type Batch, type StoredLotUse } from './batches.views';

export interface StepCompletion {
  values: Record<string, unknown>;
  materialLots?: (string | LotUse)[] | undefined;
  equipment?: string[] | undefined;
  signature: { password: string; meaning?: string | undefined };
  witness?: { username: string; password: string } | undefined;
}

type Ctx = { w: Writer; batch: Batch; process: Process; step: ProcessStep; stepNumber: number; actor: Actor & { id: string }; at: Date };

/** Completes step `stepNumber` (1-based) as the current user; the last step completes the batch. */
export async function completeStep(db: Db, batchId: string, stepNumber: number, input: StepCompletion): Promise<void> {
  const actor = requireUserActor();
  await write(db, async (w) => {
    // The batch row lock serialises completions of this batch: the loser sees the step done.
    const batch = await w.lockById(batches, batchId, 'Batch');
    const process = await getProcess(w.tx, batch.processId);
    const step = process.steps[stepNumber - 1];
    if (!step) throw notFound(`Step ${stepNumber} of batch ${batch.batchNumber}`);
    const ctx: Ctx = { w, batch, process, step, stepNumber, actor, at: new Date() };
    const row = await checkState(ctx);
    const { values, outOfRange } = checkStepValues(ctx, input.values);
    if (step.requiredQualification) await requireQualification(w.tx, { userId: actor.id, competency: step.requiredQualification, at: ctx.at });
    const witness = await checkWitness(ctx, input.witness);
    const lots = await checkMaterials(ctx, normaliseLotUses(input.materialLots));
    const units = await checkEquipment(ctx, input.equipment ?? []);
    for (const lot of lots) await consumeLot(w, { lotId: lot.lotId, quantity: lot.quantity, batchId, at: ctx.at });
    for (const unit of units) await holdEquipment(w, unit, batchId);
    for (const key of outOfRange) await openValueDeviation(ctx, key, values[key] as number);
    const done = await w.update(
      batchSteps,
      'batch_step',
      row.id,
      { status: 'completed', values, outOfRange, materialLots: lots, equipmentIds: units, performedBy: actor.username, performedAt: ctx.at, witnessedBy: witness?.username ?? null },
      `Step ${stepNumber} performed`,
      'complete',
    );
    await sign(w, { password: input.signature.password, meaning: input.signature.meaning ?? 'Performed' }, 'batch_step', row.id, signedStep(done));
    if (witness) await signAsWitness(w, witness, input.witness!.password, done);
    if (stepNumber === process.steps.length) await finishBatch(w, batch, process, ctx.at);
  });
}

/** The batch must be in progress, this step pending and every earlier step done. */
async function checkState({ w, batch, stepNumber }: Ctx) {
  if (batch.status !== 'in_progress') {
    throw conflict(`Batch ${batch.batchNumber} is ${batch.status.replace('_', ' ')}; no step can be recorded.`, { code: 'batch.not_in_progress', params: { batchNumber: batch.batchNumber, status: batch.status } });
  }
  const rows = await stepRowsOf(w.tx, batch.id);
  const verdict = checkStepOrder(rows, stepNumber);
  if (!verdict.ok && verdict.reason === 'completed') {
    throw conflict(`Step ${stepNumber} of batch ${batch.batchNumber} has already been completed; a recorded step is not done twice.`, { code: 'batch.step_completed', params: { batchNumber: batch.batchNumber, step: stepNumber } });
  }
  if (!verdict.ok) {
    throw conflict(`Steps are done in order: step ${verdict.next} of batch ${batch.batchNumber} comes next.`, { code: 'batch.step_order', params: { batchNumber: batch.batchNumber, step: stepNumber, next: verdict.next } });
  }
  return rows.find((r) => r.index === stepNumber)!;
}

function checkStepValues({ step, stepNumber }: Ctx, input: Record<string, unknown>) {
  const checked = checkValues(step.fields, input);
  if (checked.errors.length) {
    throw unprocessable(`Some values of step ${stepNumber} are missing or not valid: ${checked.errors.map((e) => e.message).join('; ')}.`, { code: 'batch.invalid_values', params: { step: stepNumber }, errors: checked.errors });
  }
  return checked;
}

/**
 * A witness step needs a second person at the tablet: not the performer, allowed to execute batches,
 * and proving who they are with their password (checked when they sign, after the other checks; a wrong
 * one counts toward the witness's own lockout). A locked-out witness is refused here, before the step is recorded.
 */
async function checkWitness({ w, step, stepNumber, actor }: Ctx, input: StepCompletion['witness']) {
  if (!input) {
    if (!step.witness) return null;
    throw unprocessable(`Step ${stepNumber} must be witnessed: a second person enters their username and password.`, { code: 'batch.witness_required', params: { step: stepNumber }, errors: [{ path: 'body.witness', message: 'Required for this step' }] });
  }
  const [user] = await w.tx.select().from(users).where(eq(users.username, input.username));
  if (user?.id === actor.id) {
    throw conflict('You performed this step, so you cannot also witness it; a second person must witness it.', { code: 'batch.witness_is_performer', params: { step: stepNumber } });
  }
  if (!user || !user.active) throw witnessPasswordWrong();
  if (!hasPermission(user.roles, 'batches:execute')) {
    throw conflict(`${user.displayName} may not witness batch steps; the witness must be someone who executes batch records.`, { code: 'batch.witness_not_permitted', params: { step: stepNumber, name: user.displayName } });
  }
  assertNotLocked(user);
  return user;
}

function witnessPasswordWrong() {
  return wrongPassword("The witness's username or password is not correct; nothing was recorded.", { code: 'batch.witness_wrong_password' });
}

/** The witness signs in their own name: the signature (and its audit event) is theirs, not the performer's. */
async function signAsWitness(w: Writer, witness: typeof users.$inferSelect, password: string, step: typeof batchSteps.$inferSelect): Promise<void> {
  const context = { requestId: currentContext()?.requestId ?? 'batch-witness', actor: actorOf(witness) };
  try {
    await runWithContext(context, () => sign(w, { password, meaning: 'Witnessed' }, 'batch_step', step.id, signedStep(step)));
  } catch (error) {
    // Still counted against the witness's account (after the rollback); only the words change.
    if (error instanceof PasswordRejected) throw error.withRefusal(witnessPasswordWrong());
    throw error;
  }
}

/**
 * Every material the step lists needs a scanned usable lot of that material; nothing unlisted may be
 * consumed. Returns what to store on the step (lot number and material code, for the record).
 */
async function checkMaterials({ w, step, stepNumber, at }: Ctx, uses: LotUse[]): Promise<StoredLotUse[]> {
  const scanned: StoredLotUse[] = [];
  for (const use of uses) {
    const lot = await assertLotUsable(w.tx, use.lotId, at);
    scanned.push({ lotId: lot.id, lotNumber: lot.lotNumber, materialCode: lot.material.code, quantity: use.quantity });
  }
  const { missing, unexpected } = coverage(step.materials, scanned, (l) => l.materialCode);
  if (unexpected.length) {
    const list = unexpected.map((l) => `lot ${l.lotNumber} of ${l.materialCode}`).join(', ');
    throw unprocessable(`Step ${stepNumber} does not use ${list}; scan only the materials the step lists (${step.materials.join(', ') || 'none'}).`, {
      code: 'batch.material_unexpected',
      params: { step: stepNumber, lots: list },
      errors: unexpected.map((l) => ({ path: 'body.materialLots', message: `Lot ${l.lotNumber}: ${l.materialCode} is not a material of this step` })),
    });
  }
  if (missing.length) {
    throw unprocessable(`Scan a lot of ${missing.join(', ')} for step ${stepNumber}.`, { code: 'batch.material_missing', params: { step: stepNumber, materials: missing.join(', ') }, errors: [{ path: 'body.materialLots', message: `Missing ${missing.join(', ')}` }] });
  }
  return scanned;
}

/** One usable unit per listed equipment type (calibrated, not in maintenance, not held by another batch). */
async function checkEquipment({ w, batch, step, stepNumber, at }: Ctx, ids: string[]): Promise<string[]> {
  const units = [];
  for (const id of [...new Set(ids)]) units.push(await assertEquipmentUsable(w.tx, id, { at, batchId: batch.id }));
  const { missing, unexpected } = coverage(step.equipmentTypes, units, (u) => u.type);
  if (unexpected.length) {
    const list = unexpected.map((u) => `${u.code} (${u.type})`).join(', ');
    throw unprocessable(`Step ${stepNumber} does not use ${list}; scan the equipment the step lists (${step.equipmentTypes.join(', ') || 'none'}).`, {
      code: 'batch.equipment_unexpected',
      params: { step: stepNumber, equipment: list },
      errors: [{ path: 'body.equipment', message: `Not used by this step: ${list}` }],
    });
  }
  if (missing.length) {
    throw unprocessable(`Scan a ${missing.join(', ').replaceAll('_', ' ')} for step ${stepNumber}.`, { code: 'batch.equipment_missing', params: { step: stepNumber, types: missing.join(', ') }, errors: [{ path: 'body.equipment', message: `Missing ${missing.join(', ')}` }] });
  }
  return units.map((u) => u.id);
}

/** An out-of-range value is recorded as measured and opens a deviation on the batch, in this transaction. */
async function openValueDeviation({ w, batch, step, stepNumber }: Ctx, key: string, value: number): Promise<void> {
  const field = step.fields.find((f) => f.key === key)!;
  const unit = field.unit ? ` ${field.unit}` : '';
  await openDeviation(w, {
    title: `${field.label} out of range in ${batch.batchNumber}, step ${stepNumber}: ${value}${unit}`,
    description: `Step ${stepNumber} "${step.title}": ${field.label} was recorded as ${value}${unit}, outside the range ${formatRange(field)} of the master batch record. Opened automatically when the value was recorded.`,
    severity: 'major',
    source: 'batch_value',
    roomId: batch.roomId,
    batchId: batch.id,
  });
}
