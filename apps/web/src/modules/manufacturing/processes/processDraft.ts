/**
 * The editable form of a master batch record and its conversion to the API body: steps and fields carry a
 * local id (for React keys while they are reordered); empty optional inputs are left out of the body.
 */
import type { FieldType, NewProcess, Process, ProductType, StepDef } from '../processes.types';

export interface FieldForm {
  uid: string;
  key: string;
  label: string;
  type: FieldType;
  unit: string;
  min: number | string;
  max: number | string;
  required: boolean;
}

export interface StepForm {
  uid: string;
  title: string;
  instructions: string;
  requiredQualification: string;
  witness: boolean;
  fields: FieldForm[];
  materials: string[];
  equipmentTypes: string[];
  samples: { uid: string; name: string; test: string }[];
  producesLot: string;
}

export interface ProcessForm {
  code: string;
  name: string;
  product: string;
  productType: ProductType;
  steps: StepForm[];
}

let counter = 0;
export const uid = () => `u${++counter}`;

export const FIELD_KEY = /^[a-z][a-zA-Z0-9_]*$/;

export function newField(): FieldForm {
  return { uid: uid(), key: '', label: '', type: 'number', unit: '', min: '', max: '', required: true };
}

export function newStep(): StepForm {
  return {
    uid: uid(),
    title: '',
    instructions: '',
    requiredQualification: '',
    witness: false,
    fields: [],
    materials: [],
    equipmentTypes: [],
    samples: [],
    producesLot: '',
  };
}

function stepToForm(s: StepDef): StepForm {
  return {
    uid: uid(),
    title: s.title,
    instructions: s.instructions ?? '',
    requiredQualification: s.requiredQualification ?? '',
    witness: !!s.witness,
    fields: s.fields.map((f) => ({
      uid: uid(),
      key: f.key,
      label: f.label,
      type: f.type,
      unit: f.unit ?? '',
      min: f.min ?? '',
      max: f.max ?? '',
      required: f.required !== false,
    })),
    materials: s.materials ?? [],
    equipmentTypes: s.equipmentTypes ?? [],
    samples: (s.samples ?? []).map((x) => ({ uid: uid(), name: x.name, test: x.test })),
    producesLot: s.producesLot ?? '',
  };
}

export function toForm(p?: Process): ProcessForm {
  if (!p) return { code: '', name: '', product: '', productType: 'autologous', steps: [newStep()] };
  return { code: p.code, name: p.name, product: p.product, productType: p.productType, steps: p.steps.map(stepToForm) };
}

const num = (v: number | string): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);

export function toBody(f: ProcessForm): NewProcess {
  return {
    code: f.code.trim(),
    name: f.name.trim(),
    product: f.product.trim(),
    productType: f.productType,
    steps: f.steps.map((s) => {
      const step: StepDef = {
        title: s.title.trim(),
        witness: s.witness,
        fields: s.fields.map((x) => {
          const numeric = x.type === 'number';
          const min = numeric ? num(x.min) : undefined;
          const max = numeric ? num(x.max) : undefined;
          const unit = text(x.unit);
          return {
            key: x.key.trim(),
            label: x.label.trim(),
            type: x.type,
            required: x.required,
            ...(unit ? { unit } : {}),
            ...(min !== undefined ? { min } : {}),
            ...(max !== undefined ? { max } : {}),
          };
        }),
      };
      const instructions = text(s.instructions);
      const qualification = text(s.requiredQualification);
      const produces = text(s.producesLot);
      if (instructions) step.instructions = instructions;
      if (qualification) step.requiredQualification = qualification.toUpperCase();
      if (s.materials.length) step.materials = s.materials;
      if (s.equipmentTypes.length) step.equipmentTypes = s.equipmentTypes;
      const samples = s.samples.filter((x) => x.name.trim() && x.test.trim());
      if (samples.length) step.samples = samples.map((x) => ({ name: x.name.trim(), test: x.test.trim() }));
      if (produces) step.producesLot = produces;
      return step;
    }),
  };
}

/** Moves item `i` one place up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(list: T[], i: number, dir: -1 | 1): T[] {
  const j = i + dir;
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

/** What is wrong with a field before the server is asked (i18n keys under `mfg.process.check`). */
export function fieldProblems(field: FieldForm, siblings: FieldForm[]): { key?: string; range?: string } {
  const out: { key?: string; range?: string } = {};
  if (field.key && !FIELD_KEY.test(field.key)) out.key = 'keyPattern';
  else if (field.key && siblings.filter((s) => s.key === field.key).length > 1) out.key = 'keyDuplicate';
  const min = num(field.min);
  const max = num(field.max);
  if (field.type === 'number' && min !== undefined && max !== undefined && min > max) out.range = 'minAboveMax';
  return out;
}

export function formProblems(f: ProcessForm): number {
  return f.steps.reduce(
    (n, s) => n + s.fields.reduce((m, x) => m + Object.keys(fieldProblems(x, s.fields)).length, 0),
    f.steps.length === 0 ? 1 : 0,
  );
}
