/** Study set-up routes: the studies, one study's set-up tabs (protocol versions, arms, criteria, ...). */
import { Route } from 'react-router';
import { guard } from '../ClinicalGuard';
import { StudiesPage } from './StudiesPage';
import { StudyPage } from './StudyPage';

export const setupRoutes = (
  <>
    <Route path="studies" element={guard('clinical:read', <StudiesPage />)} />
    <Route path="studies/:id" element={guard('clinical:read', <StudyPage />)} />
  </>
);
