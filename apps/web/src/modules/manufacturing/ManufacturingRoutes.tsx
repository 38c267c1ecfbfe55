/** Routes of GMP manufacturing under /manufacturing, each behind its read permission. */
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { Permission } from '../../api/types';
import { ForbiddenPage, NotFoundPage } from '../../app/NotFoundPage';
import { useSession } from '../../app/session';
import { BatchesPage } from './batches/BatchesPage';
import { BatchExecutionPage } from './batches/BatchExecutionPage';
import { EquipmentDetailPage } from './equipment/EquipmentDetailPage';
import { EquipmentPage } from './equipment/EquipmentPage';
import { RoomDetailPage } from './facility/RoomDetailPage';
import { RoomsPage } from './facility/RoomsPage';
import { LotDetailPage } from './materials/LotDetailPage';
import { MaterialDetailPage } from './materials/MaterialDetailPage';
import { MaterialsPage } from './materials/MaterialsPage';
import { ProcessDetailPage } from './processes/ProcessDetailPage';
import { ProcessEditorPage } from './processes/ProcessEditorPage';
import { ProcessesPage } from './processes/ProcessesPage';

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

/** /manufacturing itself opens the first area the user may see. */
function ManufacturingHome() {
  const { can } = useSession();
  const first = (
    [
      ['batches', 'batches:read'],
      ['processes', 'processes:read'],
      ['materials', 'materials:read'],
      ['equipment', 'equipment:read'],
      ['rooms', 'facility:read'],
      ['deviations', 'deviations:read'],
    ] as const
  ).find(([, p]) => can(p));
  return first ? <Navigate to={`/manufacturing/${first[0]}`} replace /> : <ForbiddenPage />;
}

export function ManufacturingRoutes() {
  const guard = (permission: Permission, page: ReactNode) => <Guard permission={permission}>{page}</Guard>;
  return (
    <Routes>
      <Route index element={<ManufacturingHome />} />
      <Route path="batches" element={guard('batches:read', <BatchesPage />)} />
      <Route path="batches/:id" element={guard('batches:read', <BatchExecutionPage />)} />
      <Route path="processes" element={guard('processes:read', <ProcessesPage />)} />
      <Route path="processes/new" element={guard('processes:write', <ProcessEditorPage mode="new" />)} />
      <Route path="processes/:id" element={guard('processes:read', <ProcessDetailPage />)} />
      <Route path="processes/:id/edit" element={guard('processes:write', <ProcessEditorPage mode="edit" />)} />
      <Route
        path="processes/:id/new-version"
        element={guard('processes:write', <ProcessEditorPage mode="version" />)}
      />
      <Route path="materials" element={guard('materials:read', <MaterialsPage />)} />
      <Route path="materials/:id" element={guard('materials:read', <MaterialDetailPage />)} />
      <Route path="lots/:id" element={guard('materials:read', <LotDetailPage />)} />
      <Route path="equipment" element={guard('equipment:read', <EquipmentPage />)} />
      <Route path="equipment/:id" element={guard('equipment:read', <EquipmentDetailPage />)} />
      <Route path="rooms" element={guard('facility:read', <RoomsPage />)} />
      <Route path="rooms/:id" element={guard('facility:read', <RoomDetailPage />)} />
      {/* Deviations moved to the quality area; old links and bookmarks land there. */}
      <Route path="deviations" element={<Navigate to="/quality/deviations" replace />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
