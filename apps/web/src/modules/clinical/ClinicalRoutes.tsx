/**
 * Routes of the clinical module (its own lazy chunk, `/clinical/*`). Each part declares its routes in
 * `<part>/<part>.routes.tsx` as a fragment of `<Route>`s, so the parts are built side by side without
 * editing this file: set-up and screening and consent (studies, protocol versions, the screening log) and the
 * casebook, safety and labs (subjects, visits due, SAE clocks).
 *
 * Loading this chunk adds the module's translations (i18n/*.json) to i18next before anything renders.
 */
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import i18n from '../../i18n';
import { casebookRoutes } from './casebook/casebook.routes';
import { registerClinicalTranslations } from './i18n';
import { labsRoutes } from './labs/labs.routes';
import { safetyRoutes } from './safety/safety.routes';
import { screeningRoutes } from './screening/screening.routes';
import { setupRoutes } from './setup/setup.routes';

registerClinicalTranslations(i18n);

export function ClinicalRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="studies" replace />} />
      {setupRoutes}
      {screeningRoutes}
      {casebookRoutes}
      {safetyRoutes}
      {labsRoutes}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
