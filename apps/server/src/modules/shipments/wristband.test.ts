/**
 * The wristband as a scanner sees it: rendered by MuPDF, its Code 128 decoded by ZXing, at the common
 * 300 dpi and the coarse 203 dpi of thermal wristband printers. The barcode must hold exactly what
 * bedside verification reads (@hepatica/core readWristband): the subject code.
 */
import { readWristband } from '@hepatica/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode, loadZXingFromNodeModules, LOW_DPI, renderPage } from '../../test/barcodes';
import { renderWristband, type WristbandInput } from './wristband.pdf';

const INPUT: WristbandInput = {
  subjectCode: 'A9999-000042',
  name: '王小明',
  mrn: 'M20260042',
  birthDate: '1961-03-08',
  sex: 'male',
  siteName: 'Test Liver CGT Center',
  printedAt: new Date('2026-05-01T00:00:00Z'),
};

describe('wristband PDF', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    loadZXingFromNodeModules();
    pdf = await renderWristband(INPUT);
  });

  it.each([300, LOW_DPI])('scans as the subject code at %i dpi', async (dpi) => {
    const symbols = await decode(renderPage(pdf, dpi).image);
    expect(symbols.map((s) => [s.format, s.text])).toEqual([['Code128', 'A9999-000042']]);
    expect(readWristband(symbols[0]!.text)).toEqual({ ok: true, subjectCode: 'A9999-000042' });
  });

  it('prints the name in Chinese, the MRN, the date of birth and the subject code for the eye', () => {
    const { text } = renderPage(pdf);
    for (const part of ['王小明', 'MRN M20260042', 'DOB 1961-03-08', 'A9999-000042', 'Test Liver CGT Center'])
      expect(text).toContain(part);
  });

  it('is the same bytes when printed again, and refuses what is not a subject code', async () => {
    expect((await renderWristband(INPUT)).equals(pdf)).toBe(true);
    await expect(renderWristband({ ...INPUT, subjectCode: '王' })).rejects.toThrow(RangeError);
  });
});
