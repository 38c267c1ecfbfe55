/** The casebook document's shape: the sections of the other areas under their own schemas. */
import { z } from 'zod';
import { consentStatusView } from '../consent/consent.schema';
import { responseView } from '../response/response.schema';
import { adverseEventView, clockView } from '../safety/adverse-events.schema';
import { crsIcansBoard } from '../safety/crs-icans.schema';
import { labGradesView } from '../safety/lab-grades.schema';

const section = z.enum(['ready', 'not_available']);

export const casebookView = z.object({
  generatedAt: z.string(),
  subject: z.object({
    id: z.string(),
    subjectCode: z.string(),
    subjectNumber: z.string().nullable(),
    screeningNumber: z.string(),
    status: z.string(),
    screenedAt: z.string(),
    enrolledAt: z.string().nullable(),
    sex: z.string(),
    birthDate: z.string(),
    /** Only for roles with identity:read. */
    name: z.string().nullable().optional(),
    mrn: z.string().nullable().optional(),
  }),
  study: z.object({ id: z.string(), code: z.string(), title: z.string(), indication: z.string() }),
  protocol: z.object({ id: z.string(), version: z.number(), title: z.string(), status: z.string() }),
  consent: consentStatusView,
  visits: z.unknown().nullable(),
  labs: z.unknown().nullable(),
  labGrades: labGradesView.nullable(),
  adverseEvents: z.array(adverseEventView),
  saeClocks: z.array(clockView),
  crsIcans: crsIcansBoard,
  response: responseView,
  product: z.object({
    orders: z.array(
      z.object({
        id: z.string(),
        coi: z.string(),
        coiCheckCharacter: z.string(),
        status: z.string(),
        createdAt: z.string(),
        collections: z.array(z.object({ id: z.string(), din: z.string(), type: z.string(), collectedAt: z.string(), status: z.string() })),
        batches: z.array(z.object({ id: z.string(), batchNumber: z.string(), din: z.string().nullable(), status: z.string(), startedAt: z.string(), completedAt: z.string().nullable() })),
        shipments: z.array(z.object({ id: z.string(), number: z.string(), din: z.string(), status: z.string(), departedAt: z.string(), receivedAt: z.string().nullable(), expiresAt: z.string() })),
        infusions: z.array(
          z.object({
            id: z.string(),
            din: z.string(),
            startedAt: z.string(),
            endedAt: z.string(),
            carPositiveCells: z.number(),
            weightKg: z.number(),
            cellsPerKg: z.number(),
            volumeMl: z.number().nullable(),
            recordedBy: z.string(),
          }),
        ),
      }),
    ),
  }),
  sections: z.record(z.string(), section),
});
