/**
 * Proves the collection label the way a scanner sees it: the PDF is rasterised with MuPDF at 300 dpi
 * and both barcodes are decoded with ZXing, so a label that looks right but does not scan fails here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';
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

/** Rendering resolution of the test; 300 dpi is a common label printer resolution. */
const DPI = 300;
/** The coarsest common thermal label printer; the barcodes must still scan when printed there. */
const LOW_DPI = 203;

interface Rendered {
  text: string;
  png: Uint8Array;
  image: { data: Uint8ClampedArray; width: number; height: number };
}

/** Rasterises page 0 on white paper, as ImageData-shaped RGBA for ZXing, and extracts its text. */
function renderPage(pdf: Buffer, dpi = DPI): Rendered {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const page = doc.loadPage(0);
  // Opaque RGB: with alpha the unpainted page would be transparent black, i.e. no paper behind the label.
  const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false);
  const image = toRgba(pixmap);
  return { text: page.toStructuredText('preserve-whitespace').asText(), png: pixmap.asPNG(), image };
}

function toRgba(pixmap: mupdf.Pixmap): Rendered['image'] {
  const width = pixmap.getWidth();
  const height = pixmap.getHeight();
  const stride = pixmap.getStride();
  const rgb = pixmap.getPixels();
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = y * stride + x * 3;
      const to = (y * width + x) * 4;
      data[to] = rgb[from]!;
      data[to + 1] = rgb[from + 1]!;
      data[to + 2] = rgb[from + 2]!;
      data[to + 3] = 255;
    }
  }
  return { data, width, height };
}

/** Loads ZXing's WASM from the installed package instead of its default CDN, which tests must not need. */
function loadZXingFromNodeModules(): void {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasm = readFileSync(wasmPath);
  prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer },
  });
}

/**
 * tryHarder scans the whole page: ZXing's fast mode only looks near the image centre (a camera
 * heuristic), while a label scanner is aimed at one symbol.
 */
function decode(image: Rendered['image']): Promise<ReadResult[]> {
  return readBarcodes(image, { formats: ['Code128', 'DataMatrix'], tryHarder: true, maxNumberOfSymbols: 8 });
}

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
