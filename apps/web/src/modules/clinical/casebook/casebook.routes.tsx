/** Casebook routes (owned by the casebook, safety and labs screens): the subject page. */
import { Route } from 'react-router';
import { guard } from '../ClinicalGuard';
import { Placeholder } from '../Placeholder';

export const casebookRoutes = (
  <>
    <Route path="subjects/:id" element={guard('clinical:read', <Placeholder titleKey="clinical.common.subject" />)} />
  </>
);
