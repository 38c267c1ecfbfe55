/** Routes of the training academy under /training, each behind its permission (`self` for one's own record). */
import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { Permission } from '../../api/types';
import { ForbiddenPage, NotFoundPage } from '../../app/NotFoundPage';
import { useSession } from '../../app/session';
import { AssessmentsPage } from './assessments/AssessmentsPage';
import { CataloguePage } from './catalogue/CataloguePage';
import { CourseDetailPage } from './catalogue/CourseDetailPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { LearnerDetailPage } from './learners/LearnerDetailPage';
import { LearnerPrintPage } from './learners/LearnerPrintPage';
import { LearnersPage } from './learners/LearnersPage';
import { MyTrainingPage } from './learners/MyTrainingPage';
import { QualificationsPage } from './qualifications/QualificationsPage';
import { SessionDetailPage } from './sessions/SessionDetailPage';
import { SessionsPage } from './sessions/SessionsPage';

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

/** /training itself opens the first page the user may see. */
function TrainingHome() {
  const { can } = useSession();
  if (can('training:dashboard')) return <Navigate to="/training/dashboard" replace />;
  if (can('training:read')) return <Navigate to="/training/courses" replace />;
  return <Navigate to="/training/me" replace />;
}

export function TrainingRoutes() {
  const guard = (permission: Permission, page: ReactNode) => <Guard permission={permission}>{page}</Guard>;
  return (
    <Routes>
      <Route index element={<TrainingHome />} />
      <Route path="dashboard" element={guard('training:dashboard', <DashboardPage />)} />
      <Route path="courses" element={guard('training:read', <CataloguePage />)} />
      <Route path="courses/:id" element={guard('training:read', <CourseDetailPage />)} />
      <Route path="sessions" element={guard('training:read', <SessionsPage />)} />
      <Route path="sessions/:id" element={guard('training:read', <SessionDetailPage />)} />
      <Route path="learners" element={guard('training:read', <LearnersPage />)} />
      <Route path="learners/:id" element={guard('training:read', <LearnerDetailPage />)} />
      <Route path="learners/:id/print" element={guard('training:read', <LearnerPrintPage />)} />
      <Route path="assessments" element={guard('training:read', <AssessmentsPage />)} />
      <Route path="qualifications" element={guard('training:read', <QualificationsPage />)} />
      <Route path="me" element={guard('self', <MyTrainingPage />)} />
      <Route path="me/print/:id" element={guard('self', <LearnerPrintPage backTo="/training/me" />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
