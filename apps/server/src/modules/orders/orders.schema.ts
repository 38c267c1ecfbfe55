import { ORDER_STATUSES } from '@hepatica/core';
import { z } from 'zod';

export const orderView = z.object({
  id: z.string(),
  patientId: z.string(),
  subjectCode: z.string(),
  studyId: z.string(),
  studyCode: z.string(),
  coi: z.string(),
  coiCheckCharacter: z.string(),
  status: z.enum(ORDER_STATUSES),
  createdAt: z.string(),
});

export const createOrderBody = z.object({
  patientId: z.uuid('Not a valid patient id'),
  studyId: z.uuid('Not a valid study id'),
});

export const orderQuery = z.object({ patientId: z.uuid().optional() });

export const timelineItem = z.object({
  at: z.string(),
  kind: z.enum(['order_created', 'collection', 'custody', 'custody_exception']),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});
