import { z } from 'zod';
import { text } from '../../platform/schemas';

export const patientView = z.object({
  id: z.string(),
  subjectCode: z.string(),
  sex: z.enum(['female', 'male']),
  birthDate: z.string(),
  name: z.string().nullable().optional(),
  mrn: z.string().nullable().optional(),
  createdAt: z.string(),
});

export const createPatientBody = z.object({
  sex: z.enum(['female', 'male'], 'Sex must be female or male'),
  birthDate: z.iso
    .date('Use a date like 1968-04-21')
    .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'The birth date must be between 1900 and today'),
  name: text(1, 200).optional(),
  mrn: z.string().trim().regex(/^[A-Za-z0-9-]{1,32}$/, 'An MRN is 1–32 letters, digits or dashes').optional(),
});

export const patientQuery = z.object({ search: z.string().trim().max(100).optional() });
