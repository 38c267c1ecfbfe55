/** Routes of shipments and the bedside; each page sits behind the permission that opens it. */
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '../../api/types';
import { ForbiddenPage, NotFoundPage } from '../../app/NotFoundPage';
import { useSession } from '../../app/session';
import { BedsidePage } from './BedsidePage';
import { ShipmentDetailPage } from './ShipmentDetailPage';
import { ShipmentsPage } from './ShipmentsPage';

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

export function BedsideRoutes() {
  return (
    <Routes>
      <Route
        path="shipments"
        element={
          <Guard permission="shipments:read">
            <ShipmentsPage />
          </Guard>
        }
      />
      <Route
        path="shipments/:id"
        element={
          <Guard permission="shipments:read">
            <ShipmentDetailPage />
          </Guard>
        }
      />
      <Route
        path="shipments/:id/bedside"
        element={
          <Guard permission="infusions:write">
            <BedsidePage />
          </Guard>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
