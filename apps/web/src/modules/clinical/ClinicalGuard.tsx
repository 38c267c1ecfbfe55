/** A clinical page behind its permission (the reader without it sees the forbidden page). */
import type { ReactNode } from 'react';
import type { Permission } from '../../api/types';
import { ForbiddenPage } from '../../app/NotFoundPage';
import { useSession } from '../../app/session';

export function ClinicalGuard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

export const guard = (permission: Permission, page: ReactNode) => (
  <ClinicalGuard permission={permission}>{page}</ClinicalGuard>
);
