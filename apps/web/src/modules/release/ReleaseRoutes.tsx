/** Routes of review and release: the queue, one batch's review and release, the physician notifications. */
import { Route, Routes } from 'react-router';
import { useSession } from '../../app/session';
import { ForbiddenPage, NotFoundPage } from '../../app/NotFoundPage';
import type { Permission } from '../../api/types';
import type { ReactNode } from 'react';
import { BatchReleasePage } from './BatchReleasePage';
import { NotificationsPage } from './NotificationsPage';
import { ReleaseQueuePage } from './ReleaseQueuePage';

export function ReleaseRoutes() {
  const { can } = useSession();
  const guard = (permission: Permission, page: ReactNode) => (can(permission) ? page : <ForbiddenPage />);
  return (
    <Routes>
      <Route index element={guard('release:read', <ReleaseQueuePage />)} />
      <Route path="batches/:id" element={guard('release:read', <BatchReleasePage />)} />
      <Route path="notifications" element={guard('notifications:read', <NotificationsPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
