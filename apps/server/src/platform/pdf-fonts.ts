/**
 * Fonts for PDFs that print Chinese (names, course titles). The standard PDF fonts cover Latin only;
 * Noto Sans SC ships as an npm package, so every machine renders the same glyphs without a system
 * font. pdfkit embeds only the glyphs used, so a certificate stays small.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const CJK = 'NotoSansSC';
export const CJK_BOLD = 'NotoSansSC-Bold';

const require = createRequire(import.meta.url);
const fontFiles = {
  [CJK]: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  [CJK_BOLD]: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};
// Each file is ~10 MB: read once per process, not per document.
const cache = new Map<string, Buffer>();

function fontData(name: keyof typeof fontFiles): Buffer {
  let data = cache.get(name);
  if (!data) {
    data = readFileSync(require.resolve(fontFiles[name]));
    cache.set(name, data);
  }
  return data;
}

/** Registers the CJK fonts on a document under the names CJK and CJK_BOLD. */
export function registerCjkFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(CJK, fontData(CJK));
  doc.registerFont(CJK_BOLD, fontData(CJK_BOLD));
}

const WIN_ANSI = /^[\x20-\x7E\u00A0-\u00FF]*$/;

/** The Latin font when the standard fonts can print `text`, else the CJK one. */
export function fontFor(text: string, latin: string, cjk: string): string {
  return WIN_ANSI.test(text) ? latin : cjk;
}
