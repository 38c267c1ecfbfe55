/** Routes of the signed-in app; each module page sits behind its read permission. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useSearchParams } from 'react-router';
import type { Permission } from '../api/types';
import { PageLoader } from '../components/states';
import { AuditPage } from '../modules/audit/AuditPage';
import { CollectionDetailPage } from '../modules/collections/CollectionDetailPage';
import { CollectionsPage } from '../modules/collections/CollectionsPage';
import { BedsideRoutes } from '../modules/bedside/BedsideRoutes';
import { CustodyPage } from '../modules/custody/CustodyPage';
import { OrderDetailPage } from '../modules/orders/OrderDetailPage';
import { OrdersPage } from '../modules/orders/OrdersPage';
import { PatientDetailPage } from '../modules/patients/PatientDetailPage';
import { PatientsPage } from '../modules/patients/PatientsPage';
import { QcRoutes } from '../modules/qc/QcRoutes';
import { TrainingRoutes } from '../modules/training/TrainingRoutes';
import { UsersPage } from '../modules/users/UsersPage';
import { HomePage } from './HomePage';
import { ForbiddenPage, NotFoundPage } from './NotFoundPage';
import { useSession } from './session';

// GMP manufacturing (charts, designer, execution view) is loaded when first opened: its own chunk.
const ManufacturingRoutes = lazy(() =>
  import('../modules/manufacturing/ManufacturingRoutes').then((m) => ({ default: m.ManufacturingRoutes })),
);

// Quality events (deviations, CAPA, change control): its own chunk.
const QualityRoutes = lazy(() =>
  import('../modules/quality/QualityRoutes').then((m) => ({ default: m.QualityRoutes })),
);

// Review and release (checklist, audit trail, CoA): its own chunk too.
const ReleaseRoutes = lazy(() =>
  import('../modules/release/ReleaseRoutes').then((m) => ({ default: m.ReleaseRoutes })),
);

// Clinical studies (set-up, screening, consent, casebook, safety): its own chunk with its own translations.
const ClinicalRoutes = lazy(() =>
  import('../modules/clinical/ClinicalRoutes').then((m) => ({ default: m.ClinicalRoutes })),
);

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

/** After sign-in, go back to the page that sent the user to /login (same-origin paths only). */
function AfterLogin() {
  const [params] = useSearchParams();
  const next = params.get('next');
  return <Navigate to={next && next.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
}

export function AppRoutes() {
  const guard = (permission: Permission, page: ReactNode) => <Guard permission={permission}>{page}</Guard>;
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route path="/login" element={<AfterLogin />} />
      <Route path="/patients" element={guard('patients:read', <PatientsPage />)} />
      <Route path="/patients/:id" element={guard('patients:read', <PatientDetailPage />)} />
      <Route path="/orders" element={guard('orders:read', <OrdersPage />)} />
      <Route path="/orders/:id" element={guard('orders:read', <OrderDetailPage />)} />
      <Route path="/collections" element={guard('collections:read', <CollectionsPage />)} />
      <Route path="/collections/:id" element={guard('collections:read', <CollectionDetailPage />)} />
      <Route path="/custody" element={guard('custody:read', <CustodyPage />)} />
      <Route
        path="/manufacturing/*"
        element={
          <Suspense fallback={<PageLoader />}>
            <ManufacturingRoutes />
          </Suspense>
        }
      />
      <Route
        path="/quality/*"
        element={
          <Suspense fallback={<PageLoader />}>
            <QualityRoutes />
          </Suspense>
        }
      />
      <Route
        path="/release/*"
        element={
          <Suspense fallback={<PageLoader />}>
            <ReleaseRoutes />
          </Suspense>
        }
      />
      <Route
        path="/clinical/*"
        element={
          <Suspense fallback={<PageLoader />}>
            <ClinicalRoutes />
          </Suspense>
        }
      />
      <Route path="/training/*" element={<TrainingRoutes />} />
      <Route path="/qc/*" element={<QcRoutes />} />
      <Route path="/bedside/*" element={<BedsideRoutes />} />
      <Route path="/users" element={guard('users:read', <UsersPage />)} />
      <Route path="/audit" element={guard('audit:read', <AuditPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
