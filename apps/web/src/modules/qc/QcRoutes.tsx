/** Routes of the QC area; each page sits behind the permission that opens it. */
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '../../api/types';
import { ForbiddenPage, NotFoundPage } from '../../app/NotFoundPage';
import { useSession } from '../../app/session';
import { BatchQcPage } from './BatchQcPage';
import { OosDetailPage, OosListPage } from './OosPages';
import { QcWorklistPage } from './QcWorklistPage';
import { SpecificationEditorPage } from './SpecificationEditorPage';
import { SpecificationDetailPage, SpecificationsPage } from './SpecificationPages';

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

export function QcRoutes() {
  const read = (page: ReactNode) => <Guard permission="qc:read">{page}</Guard>;
  return (
    <Routes>
      <Route index element={read(<QcWorklistPage />)} />
      <Route path="batches/:id" element={read(<BatchQcPage />)} />
      <Route path="oos" element={read(<OosListPage />)} />
      <Route path="oos/:id" element={read(<OosDetailPage />)} />
      <Route path="specifications" element={read(<SpecificationsPage />)} />
      <Route
        path="specifications/new"
        element={
          <Guard permission="specifications:write">
            <SpecificationEditorPage />
          </Guard>
        }
      />
      <Route path="specifications/:id" element={read(<SpecificationDetailPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
