/** Test data and a fetch router for the manufacturing screens (happy-dom component tests). */
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { Permission } from '../../../api/types';
import '../../../i18n';
import { jsonResponse, renderRoute } from '../../../test/render';
import type { Batch } from '../batches.types';
import type { Equipment } from '../equipment.types';
import type { Lot } from '../materials.types';
import type { Process } from '../processes.types';

export const OPERATOR: Permission[] = ['batches:read', 'batches:execute', 'materials:read', 'equipment:read'];

/** Renders `ui` at `path` matched by `pattern`, inside the app's providers with a signed-in operator. */
export function renderAt(ui: ReactElement, pattern: string, path: string, permissions: Permission[] = OPERATOR) {
  return renderRoute(ui, pattern, path, { id: 'u-op', username: 'operator', displayName: 'Op One', roles: ['operator'] }, permissions);
}

type Handler = (url: URL, body: unknown) => Response;

/** Answers `METHOD /path` (under /api/v1, query ignored) from `routes`; anything else is a 404 problem. */
export function mockApi(routes: Record<string, Handler>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const key = `${init?.method ?? 'GET'} ${url.pathname.replace(/^\/api\/v1/, '')}`;
    const handler = routes[key];
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    if (handler) return handler(url, body);
    return jsonResponse(
      404,
      { title: 'Not Found', status: 404, detail: `no mock for ${key}` },
      'application/problem+json',
    );
  });
}

/** The requests sent to `METHOD /path`, with their query and body. */
export function sent(fetchMock: ReturnType<typeof mockApi>, method: string, path: string) {
  return fetchMock.mock.calls
    .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), init }))
    .filter(({ url, init }) => (init?.method ?? 'GET') === method && url.pathname === `/api/v1${path}`)
    .map(({ url, init }) => ({
      query: Object.fromEntries(url.searchParams),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    }));
}

const FIELD = {
  key: 'temperature',
  label: 'Water bath temperature',
  type: 'number' as const,
  unit: '°C',
  min: 36,
  max: 38,
};

export const PROCESS: Process = {
  id: 'p1',
  code: 'DEMO-SHORT',
  version: 1,
  name: 'Short demonstration process',
  product: 'Demo cells',
  productType: 'allogeneic',
  status: 'effective',
  createdBy: 'qa',
  effectiveAt: '2026-11-01T00:00:00.000Z',
  signatures: [],
  steps: [
    {
      title: 'Thaw and wash',
      instructions: 'Thaw the vial in the water bath, then wash twice.',
      requiredQualification: 'ASEP-201',
      fields: [FIELD],
      materials: ['WASH-BUF'],
      equipmentTypes: ['biosafety_cabinet'],
    },
    {
      title: 'Count',
      fields: [{ key: 'viable', label: 'Viable cells', type: 'number', unit: '%', min: 70 }],
      witness: true,
    },
    { title: 'Fill', fields: [{ key: 'bags', label: 'Bags filled', type: 'number' }] },
  ],
};

export const BATCH: Batch = {
  id: 'b1',
  batchNumber: 'B-2026-0001',
  processId: 'p1',
  processCode: 'DEMO-SHORT',
  processVersion: 1,
  product: 'Demo cells',
  orderId: null,
  coi: null,
  subjectCode: null,
  roomId: 'r1',
  roomCode: 'CR-B-01',
  status: 'in_progress',
  startedAt: '2026-11-25T01:00:00.000Z',
  completedAt: null,
  productExpiresAt: null,
  deviations: [],
  // The API addresses steps by index from 0; people count them from 1.
  steps: PROCESS.steps.map((s, index) => ({
    index,
    number: index + 1,
    title: s.title,
    instructions: s.instructions ?? null,
    status: 'pending',
    fields: s.fields,
    values: null,
    outOfRange: null,
    materialLots: [],
    equipment: [],
    performedBy: null,
    performedAt: null,
    witnessedBy: null,
    signatures: [],
    requiredQualification: s.requiredQualification ?? null,
    witness: !!s.witness,
    materials: s.materials ?? [],
    equipmentTypes: s.equipmentTypes ?? [],
    samples: [],
    producesLot: null,
  })),
};

export const LOT: Lot = {
  id: 'lot1',
  materialId: 'm1',
  materialCode: 'WASH-BUF',
  materialName: 'Wash buffer',
  kind: 'reagent',
  lotNumber: 'WB-2026-001',
  expiresAt: '2099-12-31T15:59:59.999Z',
  quantityReceived: 20,
  quantityOnHand: 18,
  unit: 'bottle',
  status: 'released',
  usable: true,
  receivedAt: '2026-11-01T01:00:00.000Z',
  producedByBatchId: null,
  signatures: [],
};

export const UNIT: Equipment = {
  id: 'e1',
  code: 'BSC-01',
  name: 'Biosafety cabinet 1',
  type: 'biosafety_cabinet',
  location: 'CR-B-01',
  status: 'available',
  calibrationDueAt: '2099-06-30T15:59:59.999Z',
  maintenanceDueAt: null,
  inUseByBatchId: null,
};

/** The routes the execution view reads: the batch, its process, lots and equipment (as lists, unfiltered). */
export function executionRoutes(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'GET /batches/b1': () => jsonResponse(200, BATCH),
    'GET /processes/p1': () => jsonResponse(200, PROCESS),
    'GET /lots': () => jsonResponse(200, { items: [{ ...LOT, id: 'lot0', lotNumber: 'WB-2026-000' }, LOT] }),
    'GET /equipment': () => jsonResponse(200, { items: [UNIT] }),
    ...extra,
  };
}
