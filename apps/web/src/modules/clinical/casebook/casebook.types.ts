/** The casebook document (`GET /clinical/subjects/{id}/casebook`, docs/clinical/safety-response-api.md). */
import type { AdverseEvent, CrsIcansBoard, SaeClock } from '../safety/safety.types';

export type SectionState = 'ready' | 'not_available';

export interface TargetLesion {
  lesionId: string;
  organ: string;
  viableDiameterMm: number;
  location?: string;
  series?: string;
  image?: string;
}

export interface NonTargetLesion {
  lesionId: string;
  organ?: string;
  status: 'absent' | 'present' | 'unequivocal_progression';
}

export interface Timepoint {
  id: string;
  assessedAt: string;
  modality: string;
  isBaseline: boolean;
  targetLesions: TargetLesion[];
  nonTargetLesions: NonTargetLesion[];
  newLesions: boolean;
  sum: number;
  nadirSum: number | null;
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
  nonTarget: NonTargetLesion['status'] | null;
  response: string | null;
  notes: string | null;
  recordedBy: string;
}

export interface ResponseView {
  baseline: Timepoint | null;
  timepoints: Timepoint[];
  nadir: { sum: number; assessedAt: string } | null;
  bestOverallResponse: string | null;
}

export interface ProductOrder {
  id: string;
  coi: string;
  coiCheckCharacter: string;
  status: string;
  createdAt: string;
  collections: { id: string; din: string; type: string; collectedAt: string; status: string }[];
  batches: { id: string; batchNumber: string; din: string | null; status: string; startedAt: string; completedAt: string | null }[];
  shipments: { id: string; number: string; din: string; status: string; departedAt: string; receivedAt: string | null; expiresAt: string }[];
  infusions: {
    id: string;
    din: string;
    startedAt: string;
    endedAt: string;
    carPositiveCells: number;
    weightKg: number;
    cellsPerKg: number;
    volumeMl: number | null;
    recordedBy: string;
  }[];
}

export interface Casebook {
  generatedAt: string;
  subject: {
    id: string;
    subjectCode: string;
    subjectNumber: string | null;
    screeningNumber: string;
    status: string;
    screenedAt: string;
    enrolledAt: string | null;
    sex: string;
    birthDate: string;
    armCode?: string | null;
    name?: string | null;
    mrn?: string | null;
  };
  study: { id: string; code: string; title: string; indication: string };
  protocol: { id: string; version: number; title: string; status: string };
  consent: { status?: string } | null;
  visits: unknown;
  labs: unknown;
  labGrades: unknown;
  adverseEvents: AdverseEvent[];
  saeClocks: SaeClock[];
  crsIcans: CrsIcansBoard;
  response: ResponseView;
  product: { orders: ProductOrder[] };
  sections: Record<string, SectionState>;
}
