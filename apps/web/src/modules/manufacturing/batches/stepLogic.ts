/**
 * What the execution view needs to know about a step: its full definition (the batch answer carries the
 * fields; the process version carries the materials and equipment types too), which values are out of
 * range (to flag before saving: the server records them and opens a deviation), and what is still missing.
 */
import type { BatchStep, FieldValue } from '../batches.types';
import type { Equipment } from '../equipment.types';
import type { Lot } from '../materials.types';
import type { FieldDef, Process, SampleDef } from '../processes.types';

export interface RunnableStep {
  /** The server's step index (used in the step's URL). */
  index: number;
  /** The step's number as shown: its place in the record, from 1. */
  number: number;
  title: string;
  instructions: string | null;
  fields: FieldDef[];
  materials: string[];
  equipmentTypes: string[];
  samples: SampleDef[];
  requiredQualification: string | null;
  witness: boolean;
}

export function runnableStep(step: BatchStep, position: number, process: Process | undefined): RunnableStep {
  const def = process?.steps[position];
  return {
    index: step.index,
    number: position + 1,
    title: step.title || def?.title || '',
    instructions: step.instructions ?? def?.instructions ?? null,
    fields: step.fields?.length ? step.fields : (def?.fields ?? []),
    materials: step.materials ?? def?.materials ?? [],
    equipmentTypes: step.equipmentTypes ?? def?.equipmentTypes ?? [],
    samples: step.samples ?? def?.samples ?? [],
    requiredQualification: step.requiredQualification ?? def?.requiredQualification ?? null,
    witness: step.witness ?? !!def?.witness,
  };
}

/** A value as typed: '' until the operator enters something. */
export type Draft = FieldValue | '';

/** True when a number lies outside the field's [min, max]. */
export function isOutOfRange(field: FieldDef, value: Draft | undefined): boolean {
  if (field.type !== 'number' || typeof value !== 'number' || !Number.isFinite(value)) return false;
  return (typeof field.min === 'number' && value < field.min) || (typeof field.max === 'number' && value > field.max);
}

export function outOfRangeFields(fields: FieldDef[], values: Record<string, Draft>): FieldDef[] {
  return fields.filter((f) => isOutOfRange(f, values[f.key]));
}

export function missingValues(fields: FieldDef[], values: Record<string, Draft>): FieldDef[] {
  return fields.filter((f) => f.required !== false && (values[f.key] === undefined || values[f.key] === ''));
}

/** The entered values to send, typed per field; empty optional fields are left out. */
export function valuesToSend(fields: FieldDef[], values: Record<string, Draft>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === '') continue;
    out[f.key] = f.type === 'text' ? String(v).trim() : v;
  }
  return out;
}

export interface ScannedLot {
  lot: Lot;
  quantity: number | string;
}

/** The step's material codes no scanned lot covers yet. */
export function uncoveredMaterials(materials: string[], lots: ScannedLot[]): string[] {
  return materials.filter((code) => !lots.some((l) => l.lot.materialCode === code));
}

/** The step's equipment types no scanned unit covers yet. */
export function uncoveredTypes(types: string[], units: Equipment[]): string[] {
  return types.filter((type) => !units.some((u) => u.type === type));
}
