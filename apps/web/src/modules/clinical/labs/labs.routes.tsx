/** Visit and lab routes (owned by the casebook, safety and labs screens): the visits due. */
import { Route } from 'react-router';
import { guard } from '../ClinicalGuard';
import { Placeholder } from '../Placeholder';

export const labsRoutes = (
  <>
    <Route path="visits" element={guard('clinical:read', <Placeholder titleKey="nav.clinicalItems.visitsDue" />)} />
  </>
);
