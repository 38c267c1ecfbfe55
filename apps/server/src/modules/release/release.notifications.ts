/**
 * Physician notifications of a conditional release, tracked to acknowledgement. A physician sees the
 * notifications addressed to them; QA, the QP and the director see every one (release:read). Only
 * the addressed physician acknowledges, with a signature and what they decided for the patient.
 */
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { hasPermission } from '../../platform/access';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound, Problem } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write } from '../../platform/write';
import type { NotificationStatus } from './release.schema';
import { releaseNotifications } from './release.tables';
import { listNotifications, signedAcknowledgement, type NotificationView } from './release.views';

/** The caller's view: everything for release readers, one's own notifications for a physician. */
export async function notificationsFor(db: Executor, query: { status?: NotificationStatus | undefined; batchId?: string | undefined }) {
  const actor = requireUserActor();
  const seesAll = hasPermission(actor.roles, 'release:read');
  return listNotifications(db, { ...query, ...(seesAll ? {} : { physicianId: actor.id }) });
}

export async function getNotification(db: Executor, id: string): Promise<NotificationView> {
  const actor = requireUserActor();
  const [row] = await db.select({ physicianId: releaseNotifications.physicianId, batchId: releaseNotifications.batchId }).from(releaseNotifications).where(eq(releaseNotifications.id, id));
  // A physician never learns whether someone else's notification exists.
  if (!row || (!hasPermission(actor.roles, 'release:read') && row.physicianId !== actor.id)) throw notFound('Notification');
  return (await listNotifications(db, { batchId: row.batchId })).find((n) => n.id === id)!;
}

export async function acknowledgeNotification(db: Db, id: string, input: { acknowledgement: string; signature: { password: string; meaning?: string | undefined } }): Promise<NotificationView> {
  const actor = requireUserActor();
  await write(db, async (w) => {
    const n = await w.lockById(releaseNotifications, id, 'Notification');
    if (n.physicianId !== actor.id) {
      throw new Problem({
        status: 403,
        slug: 'forbidden',
        title: 'Not allowed',
        detail: 'This notification is addressed to another physician; only they can acknowledge it.',
        code: 'release.not_addressee',
      });
    }
    if (n.status !== 'open') {
      throw conflict('This notification has already been acknowledged.', { code: 'release.already_acknowledged' });
    }
    const updated = await w.update(
      releaseNotifications,
      'release_notification',
      id,
      { status: 'acknowledged', acknowledgedAt: new Date(), acknowledgement: input.acknowledgement },
      `Acknowledged by the treating physician: ${input.acknowledgement}`.slice(0, 500),
      'acknowledge',
    );
    await sign(w, { password: input.signature.password, meaning: input.signature.meaning ?? 'Acknowledged late result' }, 'release_notification', id, signedAcknowledgement(updated));
  });
  return getNotification(db, id);
}
