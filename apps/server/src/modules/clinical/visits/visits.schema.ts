/** Request and response shapes of visit schedules, a subject's visits and follow-up, and the due list. */
import { REPEAT_UNITS, VISIT_ANCHORS, VISIT_ASSESSMENTS, VISIT_PHASES, VISIT_STATUSES } from '@hepatica/core';
import { z } from 'zod';
import { instant, reason, text } from '../../../platform/schemas';

export const LTFU_BASES = ['integrating_vector', 'genetically_modified_cells', 'aav', 'other'] as const;
const days = (min: number, message: string) => z.number(message).int(message).min(min, message).max(36_500, 'At most 36500 days');
const calendarDay = z.iso.date('Use a calendar day, e.g. 2026-05-12');

export const visitDefinitionInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,24}$/, 'Use 1-24 letters, digits, _ or -, e.g. M3'),
  name: z.object({ en: text(1, 120), zh: text(1, 120) }),
  phase: z.enum(VISIT_PHASES, 'Use screening, treatment, follow_up or ltfu'),
  anchor: z.enum(VISIT_ANCHORS, 'Use consent, enrollment or infusion'),
  dayOffset: z.number('Enter a whole number of days').int('Enter a whole number of days').min(-3650).max(36_500),
  windowBefore: days(0, 'Enter 0 or more days'),
  windowAfter: days(0, 'Enter 0 or more days'),
  assessments: z.array(z.enum(VISIT_ASSESSMENTS, 'Not a known assessment')).max(VISIT_ASSESSMENTS.length).default([]),
  repeat: z
    .object({
      every: z.number('Enter a whole number').int().min(1, 'At least 1').max(1000),
      unit: z.enum(REPEAT_UNITS, 'Use day, week, month or year'),
      count: z.number('Enter a whole number').int().min(1, 'At least 1').max(10_000).nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type VisitDefinitionInput = z.infer<typeof visitDefinitionInput>;

const ltfu = z.object({ years: z.number('Enter years').int().min(1, 'At least 1 year').max(30, 'At most 30 years'), basis: z.enum(LTFU_BASES).optional() });

export const visitScheduleBody = z.object({
  ltfu: ltfu.nullable().optional(),
  visits: z.array(visitDefinitionInput).max(200, 'At most 200 visits'),
  reason: reason.optional(),
});
export type VisitScheduleBody = z.infer<typeof visitScheduleBody>;

const name = z.object({ en: z.string(), zh: z.string() });
const repeatView = z.object({ every: z.number(), unit: z.enum(REPEAT_UNITS), count: z.number().nullable().optional() }).nullable();

export const visitDefinitionView = z.object({
  id: z.string(), code: z.string(), name, phase: z.enum(VISIT_PHASES), anchor: z.enum(VISIT_ANCHORS),
  dayOffset: z.number(), windowBefore: z.number(), windowAfter: z.number(), assessments: z.array(z.string()),
  repeat: repeatView, position: z.number(),
});

export const visitScheduleView = z.object({
  protocolVersionId: z.string(),
  protocolStatus: z.string(),
  editable: z.boolean(),
  ltfu: z.object({ years: z.number(), basis: z.string().nullable() }).nullable(),
  visits: z.array(visitDefinitionView),
  updatedAt: z.string().nullable(),
});

export const visitView = z.object({
  code: z.string(), definitionId: z.string(), definitionCode: z.string(), occurrence: z.number().nullable(), name,
  phase: z.enum(VISIT_PHASES), anchor: z.enum(VISIT_ANCHORS), dayOffset: z.number(),
  targetDate: z.string(), windowStart: z.string(), windowEnd: z.string(), assessments: z.array(z.string()),
  status: z.enum(VISIT_STATUSES), occurredAt: z.string().nullable(), outOfWindow: z.boolean(),
  notes: z.string().nullable(), missedReason: z.string().nullable(), recordedBy: z.string().nullable(), recordedAt: z.string().nullable(),
});

const ltfuWindow = { startsOn: z.string().nullable(), years: z.number().nullable(), basis: z.string().nullable(), endsOn: z.string().nullable() };

export const subjectVisitsView = z.object({
  subjectId: z.string(),
  timeZone: z.string(),
  today: z.string(),
  anchors: z.object({ consent: z.string().nullable(), enrollment: z.string().nullable(), infusion: z.string().nullable() }),
  ltfu: z.object({ years: z.number(), basis: z.string().nullable(), startsOn: z.string().nullable(), endsOn: z.string().nullable() }).nullable(),
  items: z.array(visitView),
  awaiting: z.array(z.object({ code: z.string(), name, phase: z.enum(VISIT_PHASES), anchor: z.enum(VISIT_ANCHORS) })),
});

export const followUpView = z.object({ ...ltfuWindow, items: z.array(visitView) });

export const dueVisitView = visitView.extend({
  subjectId: z.string(), studyId: z.string(), studyCode: z.string(), subjectNumber: z.string().nullable(), patientCode: z.string(),
  patientName: z.string().nullable().optional(), mrn: z.string().nullable().optional(),
});
export const dueListView = z.object({ from: z.string(), to: z.string(), timeZone: z.string(), items: z.array(dueVisitView) });

export const visitParams = z.object({ id: z.uuid('Not a valid id'), code: z.string().min(1).max(40) });
export const completeBody = z.object({ occurredAt: instant, notes: text(1, 2000).optional() });
export const missedBody = z.object({ reason });
export const dueQuery = z.object({ from: calendarDay.optional(), to: calendarDay.optional() });
