/** Routes of the quality area under /quality; reading needs quality:read (deviations: deviations:read, the same roles). */
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { Permission } from '../../api/types';
import { ForbiddenPage, NotFoundPage } from '../../app/NotFoundPage';
import { useSession } from '../../app/session';
import { CapaDetailPage } from './CapaDetailPage';
import { CapaNewPage } from './CapaNewPage';
import { CapasPage } from './CapasPage';
import { ChangeControlDetailPage } from './ChangeControlDetailPage';
import { ChangeControlsPage } from './ChangeControlsPage';
import { DeviationDetailPage } from './DeviationDetailPage';
import { DeviationsPage } from './DeviationsPage';
import { QualityNav } from './QualityNav';
import { QualityOverviewPage } from './QualityOverviewPage';

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? (
    <>
      <QualityNav />
      {children}
    </>
  ) : (
    <ForbiddenPage />
  );
}

export function QualityRoutes() {
  const read = (page: ReactNode) => <Guard permission="quality:read">{page}</Guard>;
  return (
    <Routes>
      <Route index element={<Navigate to="overview" replace />} />
      <Route path="overview" element={read(<QualityOverviewPage />)} />
      <Route
        path="deviations"
        element={
          <Guard permission="deviations:read">
            <DeviationsPage />
          </Guard>
        }
      />
      <Route
        path="deviations/:id"
        element={
          <Guard permission="deviations:read">
            <DeviationDetailPage />
          </Guard>
        }
      />
      <Route path="capas" element={read(<CapasPage />)} />
      <Route
        path="capas/new"
        element={
          <Guard permission="quality:write">
            <CapaNewPage />
          </Guard>
        }
      />
      <Route path="capas/:id" element={read(<CapaDetailPage />)} />
      <Route path="change-controls" element={read(<ChangeControlsPage />)} />
      <Route path="change-controls/:id" element={read(<ChangeControlDetailPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
