import { ORDER_STATUSES, VEIN_TO_VEIN_LEGS, VEIN_TO_VEIN_MILESTONES, type VeinToVeinLegKey } from '@hepatica/core';
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
  kind: z.enum(['order_created', 'collection', 'custody', 'custody_exception', 'manufacturing_started', 'manufacturing_completed', 'release', 'temperature_excursion', 'bedside_verification', 'infusion']),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});

/** The vein-to-vein path (@hepatica/core veinToVein): legs between milestones, durations in minutes. */
export const veinToVeinView = z.object({
  legs: z.array(
    z.object({
      key: z.enum(VEIN_TO_VEIN_LEGS.map((l) => l.key) as [VeinToVeinLegKey, ...VeinToVeinLegKey[]]),
      from: z.enum(VEIN_TO_VEIN_MILESTONES),
      to: z.enum(VEIN_TO_VEIN_MILESTONES),
      startAt: z.string().nullable(),
      endAt: z.string().nullable(),
      durationMinutes: z.number().nullable(),
    }),
  ),
  totalMinutes: z.number().nullable(),
});

export const orderTimelineView = z.object({ items: z.array(timelineItem), veinToVein: veinToVeinView });
