/** Gathers what the executed batch record PDF shows and renders it (the layout lives in record.pdf.ts). */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { currentActor } from '../../platform/context';
import { equipment } from '../equipment/equipment.tables';
import { rooms } from '../facility/facility.tables';
import { users } from '../identity/identity.tables';
import { materials } from '../materials/materials.tables';
import { homeSite } from '../sites/sites.service';
import { formatRange } from './batches.rules';
import { batchView, type BatchView } from './batches.views';
import { renderBatchRecord, type BatchRecordInput, type RecordStep } from './record.pdf';

export async function batchRecordPdf(db: Executor, id: string): Promise<{ buffer: Buffer; filename: string }> {
  const batch = await batchView(db, id);
  const buffer = await renderBatchRecord(await recordInput(db, batch));
  return { buffer, filename: `batch-record-${batch.batchNumber}.pdf` };
}

async function recordInput(db: Executor, b: BatchView): Promise<BatchRecordInput> {
  const site = await homeSite(db);
  const [room] = await db.select({ name: rooms.name }).from(rooms).where(eq(rooms.id, b.roomId));
  const lookups = await lookupsFor(db, b);
  const name = (username: string | null) => (username ? (lookups.names.get(username) ?? username) : null);
  return {
    siteName: site.name,
    timeZone: site.timeZone,
    printedAt: new Date(),
    printedBy: currentActor().displayName,
    batchNumber: b.batchNumber,
    status: b.status,
    process: { code: b.processCode, version: b.processVersion, name: b.processName, product: b.product, productType: b.productType },
    room: { code: b.roomCode, name: room?.name ?? '' },
    startedAt: new Date(b.startedAt),
    startedBy: name(b.startedBy) ?? b.startedBy,
    completedAt: b.completedAt ? new Date(b.completedAt) : null,
    patient: b.orderId ? { coi: b.coi ?? '', subjectCode: b.subjectCode ?? '', din: b.din } : null,
    steps: b.steps.map((s): RecordStep => ({
      index: s.index,
      title: s.title,
      instructions: s.instructions,
      status: s.status,
      requiredQualification: s.requiredQualification,
      witness: s.witness,
      fields: s.fields.map((f) => ({
        label: f.label,
        type: f.type,
        unit: f.unit,
        range: formatRange(f),
        value: s.values?.[f.key] ?? null,
        outOfRange: s.outOfRange.includes(f.key),
      })),
      materialLots: s.materialLots.map((m) => ({ ...m, unit: lookups.units.get(m.materialCode) ?? '' })),
      equipment: s.equipment.map((e) => ({ code: e.code, name: lookups.equipment.get(e.id) ?? '' })),
      samples: s.samples,
      performedBy: name(s.performedBy),
      performedAt: s.performedAt ? new Date(s.performedAt) : null,
      witnessedBy: name(s.witnessedBy),
      signatures: s.signatures.map((sig) => ({ ...sig, at: new Date(sig.at) })),
    })),
    outputLots: b.outputLots,
    deviations: b.deviations.map((d) => ({ number: d.number, title: d.title, severity: d.severity, status: d.status, openedAt: new Date(d.openedAt) })),
  };
}

/** Printed names of the people, units of the materials and names of the equipment the record mentions. */
async function lookupsFor(db: Executor, b: BatchView) {
  const usernames = [...new Set([b.startedBy, ...b.steps.flatMap((s) => [s.performedBy, s.witnessedBy])].filter((u): u is string => !!u))];
  const codes = [...new Set(b.steps.flatMap((s) => s.materialLots.map((m) => m.materialCode)))];
  const unitIds = [...new Set(b.steps.flatMap((s) => s.equipment.map((e) => e.id)))];
  const [people, mats, units] = await Promise.all([
    usernames.length ? db.select({ username: users.username, name: users.displayName }).from(users).where(inArray(users.username, usernames)) : [],
    codes.length ? db.select({ code: materials.code, unit: materials.unit }).from(materials).where(inArray(materials.code, codes)) : [],
    unitIds.length ? db.select({ id: equipment.id, name: equipment.name }).from(equipment).where(inArray(equipment.id, unitIds)) : [],
  ]);
  return {
    names: new Map(people.map((p) => [p.username, p.name])),
    units: new Map(mats.map((m) => [m.code, m.unit])),
    equipment: new Map(units.map((u) => [u.id, u.name])),
  };
}
