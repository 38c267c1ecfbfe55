import { COLLECTION_TYPES } from '@hepatica/core';
import { z } from 'zod';
import { instant, signatureInput, signatureView } from '../../platform/schemas';

export const collectionView = z.object({
  id: z.string(),
  orderId: z.string(),
  din: z.string(),
  flags: z.string(),
  checkCharacter: z.string(),
  type: z.enum(COLLECTION_TYPES),
  collectedAt: z.string(),
  expiresAt: z.string(),
  volumeMl: z.number().nullable(),
  status: z.string(),
  subjectCode: z.string(),
  coi: z.string(),
  createdAt: z.string(),
  signatures: z.array(signatureView),
});

export const createCollectionBody = z.object({
  type: z.enum(COLLECTION_TYPES, `Type must be one of: ${COLLECTION_TYPES.join(', ')}`),
  collectedAt: instant,
  volumeMl: z.number().positive('Volume must be above 0 mL').max(2000, 'Volume must be at most 2000 mL').optional(),
});

export const collectionQuery = z.object({ orderId: z.uuid().optional() });

export const signBody = z.object({ signature: signatureInput });
