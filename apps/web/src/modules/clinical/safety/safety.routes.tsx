/** Safety routes: the SAE reporting clocks board. */
import { Route } from 'react-router';
import { guard } from '../ClinicalGuard';
import { SaeClocksPage } from './SaeClocksPage';

export const safetyRoutes = (
  <>
    <Route path="sae-clocks" element={guard('clinical:read', <SaeClocksPage />)} />
  </>
);
