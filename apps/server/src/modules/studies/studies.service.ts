/** Studies: the clinical protocols under which patients are treated. */
import { asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound } from '../../platform/errors';
import { write } from '../../platform/write';
import { homeSite } from '../sites/sites.service';
import { studies } from './studies.tables';

export type Study = typeof studies.$inferSelect;
type Indication = 'hcc' | 'cirrhosis' | 'metabolic';

export function studyView(s: Study) {
  return { id: s.id, code: s.code, title: s.title, indication: s.indication as Indication, phase: s.phase, createdAt: s.createdAt.toISOString() };
}

export async function listStudies(db: Executor): Promise<Study[]> {
  return db.select().from(studies).orderBy(asc(studies.code));
}

export async function getStudy(db: Executor, id: string): Promise<Study> {
  const [row] = await db.select().from(studies).where(eq(studies.id, id));
  if (!row) throw notFound('Study');
  return row;
}

export async function createStudy(
  db: Db,
  input: { code: string; title: string; indication: Indication; phase: string },
): Promise<Study> {
  const [existing] = await db.select({ id: studies.id }).from(studies).where(eq(studies.code, input.code));
  if (existing) throw conflict(`A study with code ${input.code} already exists.`, { code: 'study.code_taken', params: { code: input.code } });
  const site = await homeSite(db);
  return write(db, (w) => w.insert(studies, 'study', { ...input, siteId: site.id }));
}
