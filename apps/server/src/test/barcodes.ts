/**
 * Reads a PDF the way a scanner sees it: MuPDF rasterises the page and ZXing decodes its barcodes,
 * so a label that looks right but does not scan fails its test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as mupdf from 'mupdf';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

export type { ReadResult };

/** Rendering resolution of the test; 300 dpi is a common label printer resolution. */
export const DPI = 300;
/** The coarsest common thermal label printer; the barcodes must still scan when printed there. */
export const LOW_DPI = 203;

export interface Rendered {
  text: string;
  png: Uint8Array;
  image: { data: Uint8ClampedArray; width: number; height: number };
}

/** Rasterises page 0 on white paper, as ImageData-shaped RGBA for ZXing, and extracts its text. */
export function renderPage(pdf: Buffer, dpi = DPI): Rendered {
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
export function loadZXingFromNodeModules(): void {
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
export function decode(image: Rendered['image']): Promise<ReadResult[]> {
  return readBarcodes(image, { formats: ['Code128', 'DataMatrix'], tryHarder: true, maxNumberOfSymbols: 8 });
}
