/** Casebook routes: the subject's casebook. */
import { Route } from 'react-router';
import { guard } from '../ClinicalGuard';
import { SubjectCasebookPage } from './SubjectCasebookPage';

export const casebookRoutes = (
  <>
    <Route path="subjects/:id" element={guard('clinical:read', <SubjectCasebookPage />)} />
  </>
);
