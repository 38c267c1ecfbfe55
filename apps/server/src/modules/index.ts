/** Every module's routes, in the order they are registered under /api/v1. */
import type { RoutePlugin } from '../platform/app-types';
import { auditRoutes } from './audit/audit.routes';
import { clinicalRoutes } from './clinical';
import { batchesRoutes } from './batches/batches.routes';
import { shipmentsRoutes } from './shipments/shipments.routes';
import { collectionsRoutes } from './collections/collections.routes';
import { custodyRoutes } from './custody/custody.routes';
import { equipmentRoutes } from './equipment/equipment.routes';
import { facilityRoutes } from './facility/facility.routes';
import { identityRoutes } from './identity/identity.routes';
import { isbt128Routes } from './isbt128/isbt128.routes';
import { materialsRoutes } from './materials/materials.routes';
import { ordersRoutes } from './orders/orders.routes';
import { patientsRoutes } from './patients/patients.routes';
import { deviationsRoutes } from './quality/deviations.routes';
import { capaRoutes } from './quality/capa.routes';
import { changeControlRoutes } from './quality/change-control.routes';
import { qualityOverviewRoutes } from './quality/quality.overview';
import { processesRoutes } from './processes/processes.routes';
import { releaseRoutes } from './release/release.routes';
import { qcRoutes, specificationsRoutes } from './qc/qc.routes';
import { healthRoutes } from './sites/health.routes';
import { sitesRoutes } from './sites/sites.routes';
import { studiesRoutes } from './studies/studies.routes';
import { trainingCoursesRoutes } from './training/training.courses.routes';
import { trainingLearnersRoutes } from './training/training.learners.routes';
import { trainingSessionsRoutes } from './training/training.sessions.routes';
import { trainingAssessmentsRoutes } from './training/training.assessments.routes';
import { trainingCertificatesRoutes } from './training/training.certificates.routes';
import { trainingDashboardRoutes } from './training/training.dashboard.routes';
import { trainingQualificationsRoutes } from './training/training.qualifications.routes';

export const moduleRoutes: RoutePlugin[] = [
  healthRoutes,
  identityRoutes,
  sitesRoutes,
  studiesRoutes,
  patientsRoutes,
  ordersRoutes,
  collectionsRoutes,
  custodyRoutes,
  isbt128Routes,
  auditRoutes,
  trainingCoursesRoutes,
  trainingLearnersRoutes,
  trainingSessionsRoutes,
  trainingAssessmentsRoutes,
  trainingQualificationsRoutes,
  trainingCertificatesRoutes,
  trainingDashboardRoutes,
  materialsRoutes,
  equipmentRoutes,
  processesRoutes,
  facilityRoutes,
  deviationsRoutes,
  capaRoutes,
  changeControlRoutes,
  qualityOverviewRoutes,
  batchesRoutes,
  releaseRoutes,
  shipmentsRoutes,
  specificationsRoutes,
  qcRoutes,
  ...clinicalRoutes,
];
