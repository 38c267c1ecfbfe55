/**
 * The quality overview: what is overdue today in the site's time zone (deviations past their closure
 * date, CAPAs with late actions or checks, change controls past their stage's date) and how many
 * records of each kind are still open (closed, cancelled and withdrawn records are not).
 */
import { localDate } from '@hepatica/core';
import { count, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client';
import type { RoutePlugin } from '../../platform/app-types';
import { homeSite } from '../sites/sites.service';
import { capaView } from './capa.schema';
import { listCapas } from './capa.service';
import { capas } from './capa.tables';
import { CHANGE_DONE_STATUSES, changeView } from './change-control.schema';
import { listChanges } from './change-control.service';
import { changeControls } from './change-control.tables';
import { DEVIATION_DONE_STATUSES, deviationView } from './deviations.schema';
import { listDeviations } from './deviations.service';
import { deviations } from './quality.tables';

export const overviewView = z.object({
  /** Today's date in the site's time zone: what "overdue" was judged against. */
  today: z.string(),
  open: z.object({ deviations: z.number(), capas: z.number(), changeControls: z.number() }),
  overdue: z.object({ deviations: z.array(deviationView), capas: z.array(capaView), changeControls: z.array(changeView) }),
});

/** Records not yet finished: a cancelled deviation or a withdrawn change counts as finished, like a closed one. */
async function openCount(db: Executor, table: typeof deviations | typeof capas | typeof changeControls, done: readonly string[]): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(notInArray(table.status, [...done]));
  return row?.n ?? 0;
}

export async function qualityOverview(db: Executor) {
  return {
    today: localDate(new Date(), (await homeSite(db)).timeZone),
    open: {
      deviations: await openCount(db, deviations, DEVIATION_DONE_STATUSES),
      capas: await openCount(db, capas, ['closed']),
      changeControls: await openCount(db, changeControls, CHANGE_DONE_STATUSES),
    },
    overdue: {
      deviations: await listDeviations(db, { overdue: true }),
      capas: await listCapas(db, { overdue: true }),
      changeControls: await listChanges(db, { overdue: true }),
    },
  };
}

export const qualityOverviewRoutes: RoutePlugin = (app, { database: { db } }) => {
  app.get(
    '/quality/overview',
    { config: { permission: 'quality:read' }, schema: { tags: ['quality'], response: { 200: overviewView } } },
    async () => qualityOverview(db),
  );
};
