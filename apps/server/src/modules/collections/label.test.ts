/**
 * Proves the collection label the way a scanner sees it: the PDF is rasterised with MuPDF at 300 dpi
 * and both barcodes are decoded with ZXing, so a label that looks right but does not scan fails here.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode, loadZXingFromNodeModules, LOW_DPI, renderPage, type ReadResult, type Rendered } from '../../test/barcodes';
import { formatLabelDateTime, renderCollectionLabel, type CollectionLabelInput } from './label';

const sample: CollectionLabelInput = {
  din: 'G123417654321',
  flags: '00',
  checkCharacter: 'A',
  code128Data: '=G12341765432100',
  dataMatrixMessage: '=+02000=G12341765432100&>0263321430',
  subjectCode: 'HCC-001-0042',
  coi: 'CHG123426000001',
  productDescription: 'Apheresis mononuclear cells, for CAR-T manufacture',
  productCode: 'S1234V00',
  collectionType: 'Autologous apheresis',
  collectedAt: new Date('2026-11-20T00:15:00Z'),
  expiresAt: new Date('2026-11-27T06:30:00Z'),
  timeZone: 'Asia/Shanghai',
  siteName: 'Hepatica Liver CGT Center',
  fin: 'G1234',
};

describe('collection bag label', () => {
  let pdf: Buffer;
  let rendered: Rendered;
  let symbols: ReadResult[];

  beforeAll(async () => {
    loadZXingFromNodeModules();
    pdf = await renderCollectionLabel(sample);
    rendered = renderPage(pdf);
    symbols = await decode(rendered.image);
    if (process.env.HEPATICA_KEEP_LABEL_PNG === '1') {
      const file = path.join(os.tmpdir(), `hepatica-label-${sample.din}.png`);
      writeFileSync(file, rendered.png);
      console.info(`label PNG written to ${file}`);
    }
  });

  it('is a one-page 100 mm square PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
    expect(doc.countPages()).toBe(1);
    const [x0, y0, x1, y1] = doc.loadPage(0).getBounds();
    expect((x1 - x0) / (72 / 25.4)).toBeCloseTo(100, 1);
    expect((y1 - y0) / (72 / 25.4)).toBeCloseTo(100, 1);
  });

  it('carries the DIN data structure as a decodable Code 128', () => {
    const linear = symbols.filter((s) => s.format === 'Code128');
    expect(linear.map((s) => s.text)).toEqual([sample.code128Data]);
    expect(linear[0]?.isValid).toBe(true);
  });

  it('carries the compound message as a decodable DataMatrix', () => {
    const matrix = symbols.filter((s) => s.format === 'DataMatrix');
    expect(matrix.map((s) => s.text)).toEqual([sample.dataMatrixMessage]);
    expect(matrix[0]?.isValid).toBe(true);
  });

  it('still scans when rasterised at 203 dpi', async () => {
    const coarse = await decode(renderPage(pdf, LOW_DPI).image);
    expect(coarse.map((s) => `${s.format} ${s.text}`).sort()).toEqual([
      `Code128 ${sample.code128Data}`,
      `DataMatrix ${sample.dataMatrixMessage}`,
    ]);
  });

  it('prints the eye-readable DIN, flags, check character, subject code and zoned expiry', () => {
    const text = rendered.text;
    expect(text).toContain('G1234 17 654321');
    expect(text).toMatch(/^A$/m); // the boxed check character stands alone
    expect(text).toMatch(/^00$/m); // the rotated flags
    expect(text).toContain(sample.subjectCode);
    expect(text).toContain(sample.coi);
    expect(text).toContain('2026-11-27 14:30 Asia/Shanghai (UTC+08:00)');
    expect(text).toContain('For autologous use only');
    expect(text).toContain(sample.siteName);
    expect(text).toContain(sample.fin);
  });

  it('is deterministic, so a reprint is byte-identical', async () => {
    expect((await renderCollectionLabel(sample)).equals(pdf)).toBe(true);
  });

  it('refuses a barcode that disagrees with the eye-readable DIN', async () => {
    await expect(renderCollectionLabel({ ...sample, code128Data: '=G12341765432200' })).rejects.toThrow(RangeError);
  });

  it('refuses text the standard fonts cannot print instead of printing it wrongly', async () => {
    await expect(renderCollectionLabel({ ...sample, siteName: '肝病细胞治疗中心' })).rejects.toThrow(/Latin/);
  });
});

describe('formatLabelDateTime', () => {
  it('shows local time with the IANA zone and its offset', () => {
    expect(formatLabelDateTime(new Date('2026-11-27T06:30:00Z'), 'Asia/Shanghai')).toBe(
      '2026-11-27 14:30 Asia/Shanghai (UTC+08:00)',
    );
  });

  it('follows daylight saving time and prints UTC as +00:00', () => {
    expect(formatLabelDateTime(new Date('2026-07-01T10:00:00Z'), 'Europe/Berlin')).toBe(
      '2026-07-01 12:00 Europe/Berlin (UTC+02:00)',
    );
    expect(formatLabelDateTime(new Date('2026-01-01T10:00:00Z'), 'Europe/Berlin')).toBe(
      '2026-01-01 11:00 Europe/Berlin (UTC+01:00)',
    );
    expect(formatLabelDateTime(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01 00:00 UTC (UTC+00:00)');
  });
});
