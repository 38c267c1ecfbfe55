/**
 * Tumour assessments per mRECIST: one row per imaging time point, the first being the baseline. The
 * response of each time point is computed when read, against the baseline and the nadir before it, so a
 * corrected earlier time point can never leave a stale response behind.
 */
import { boolean, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { studySubjects } from '../subjects/subjects.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export interface TargetLesion {
  lesionId: string;
  organ: string;
  viableDiameterMm: number;
  location?: string | undefined;
  series?: string | undefined;
  image?: string | undefined;
}
export interface NonTargetLesion {
  lesionId: string;
  organ?: string | undefined;
  status: 'absent' | 'present' | 'unequivocal_progression';
}

export const tumourAssessments = pgTable(
  'tumour_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    assessedAt: at('assessed_at').notNull(),
    /** ct | mri */
    modality: text('modality').notNull(),
    targetLesions: jsonb('target_lesions').$type<TargetLesion[]>().notNull(),
    nonTargetLesions: jsonb('non_target_lesions').$type<NonTargetLesion[]>().notNull(),
    newLesions: boolean('new_lesions').notNull(),
    /** Sum of the target lesions' viable (enhancing) diameters, mm. */
    targetSumMm: doublePrecision('target_sum_mm').notNull(),
    isBaseline: boolean('is_baseline').notNull(),
    notes: text('notes'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('tumour_assessments_subject_idx').on(t.subjectId, t.assessedAt)],
);
