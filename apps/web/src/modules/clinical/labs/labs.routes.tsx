/** Visit routes: the visits due this week across studies (the nav opens `visits`). */
import { Navigate, Route } from 'react-router';
import { VisitsDuePage } from '../casebook/VisitsDuePage';
import { guard } from '../ClinicalGuard';

export const labsRoutes = (
  <>
    <Route path="visits" element={<Navigate to="due" replace />} />
    <Route path="visits/due" element={guard('clinical:read', <VisitsDuePage />)} />
  </>
);
