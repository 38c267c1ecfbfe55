/** Gathers what a collection's label shows and renders it (the layout lives in label.ts). */
import { buildCompoundMessage, formatCoiDataStructure, formatDinDataStructure, formatExpiryDataStructure } from '@hepatica/core';
import type { Executor } from '../../db/client';
import { homeSite } from '../sites/sites.service';
import { getCollection } from './collections.service';
import { renderCollectionLabel } from './label';

const PRODUCT_DESCRIPTION: Record<string, string> = {
  apheresis: 'Apheresis mononuclear cells, autologous (starting material)',
  tissue: 'Tissue, autologous (starting material)',
  bone_marrow: 'Bone marrow, autologous (starting material)',
  cord: 'Umbilical cord tissue (starting material)',
};

export async function collectionLabelPdf(db: Executor, id: string): Promise<{ din: string; buffer: Buffer }> {
  const { collection: c, subjectCode, coi } = await getCollection(db, id);
  const site = await homeSite(db);
  const code128Data = formatDinDataStructure(c.din, c.flags);
  const dataMatrixMessage = buildCompoundMessage([
    code128Data,
    formatCoiDataStructure(coi),
    formatExpiryDataStructure(c.expiresAt, site.timeZone),
  ]);
  const buffer = await renderCollectionLabel({
    din: c.din,
    flags: c.flags,
    checkCharacter: c.checkCharacter,
    code128Data,
    dataMatrixMessage,
    subjectCode,
    coi,
    productDescription: PRODUCT_DESCRIPTION[c.type] ?? c.type,
    collectionType: c.type,
    collectedAt: c.collectedAt,
    expiresAt: c.expiresAt,
    timeZone: site.timeZone,
    siteName: site.name,
    fin: site.fin,
  });
  return { din: c.din, buffer };
}
