/** Screening routes: the studies to pick a log from, a study's screening log, one subject's screening. */
import { Route } from 'react-router';
import { guard } from '../ClinicalGuard';
import { StudiesPage } from '../setup/StudiesPage';
import { ScreeningLogPage } from './ScreeningLogPage';
import { SubjectScreeningPage } from './SubjectScreeningPage';

export const screeningRoutes = (
  <>
    <Route path="screening" element={guard('clinical:read', <StudiesPage mode="screening" />)} />
    <Route path="studies/:id/screening" element={guard('clinical:read', <ScreeningLogPage />)} />
    <Route path="subjects/:id/screening" element={guard('clinical:read', <SubjectScreeningPage />)} />
  </>
);
