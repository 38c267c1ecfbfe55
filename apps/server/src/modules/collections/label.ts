/**
 * Collection bag label: turns the identifiers of one apheresis collection into a 100 mm × 100 mm PDF
 * laid out in the spirit of the ISBT 128 label design (ICCBBA ST-001 / ST-005): the DIN as Code 128
 * with its eye-readable text, flags and boxed check character in the upper left quadrant, product in
 * the upper right, identity of the therapy (subject code, COI) and collection in the lower left, the
 * ISBT 128 compound message as DataMatrix in the lower right and the expiry across the bottom.
 *
 * It is a pure function (no database, no clock, no file system beyond the PDF library's own font
 * metrics): the same input always yields the same bytes, so a reprint is byte-identical.
 */
// The explicit Node entry: the bare 'bwip-js' export map only has platform conditions, which
// TypeScript's "bundler" resolution does not select, so its types would not be found.
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { pdfBuffer } from '../../platform/pdf';

export interface CollectionLabelInput {
  /** ISBT 128 donation identification number, 13 characters (FIN 5 + year 2 + sequence 6). */
  din: string;
  /** The two flag characters of data structure 001. */
  flags: string;
  /** ISO/IEC 7064 MOD 37-2 check character of the DIN, printed boxed and never barcoded. */
  checkCharacter: string;
  /** Data structure 001 exactly as encoded in the linear barcode: "=" + DIN + flags. */
  code128Data: string;
  /** ISBT 128 compound message (starts "=+") encoded in the DataMatrix, built by the caller. */
  dataMatrixMessage: string;
  /** Pseudonymous subject code; the patient's name and MRN never go on a label. */
  subjectCode: string;
  /** Chain-of-identity identifier (ISBT 128 data structure 040 content). */
  coi: string;
  productDescription: string;
  productCode?: string;
  collectionType: string;
  collectedAt: Date;
  expiresAt: Date;
  /** IANA time zone of the collecting site; dates are printed in it, with the zone shown. */
  timeZone: string;
  siteName: string;
  /** ISBT 128 facility identification number of the collecting site. */
  fin: string;
  locale?: 'en' | 'zh-CN';
}

const MM = 72 / 25.4;
const PAGE = 100 * MM;
const INSET = 2 * MM;
const MID_X = PAGE / 2;
const MID_Y = 50 * MM;
const BAND_Y = 84 * MM;
const PAD = 2.5 * MM;
const COL_W = MID_X - INSET - 2 * PAD;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const CAPTION_SIZE = 5.5;
/** Cap height of Helvetica and Helvetica-Bold (AFM CapHeight 718), as a fraction of the font size. */
const CAP_HEIGHT = 0.718;

type Doc = PDFKit.PDFDocument;

/** Renders the label as a one-page PDF. Throws RangeError when the input cannot be printed faithfully. */
export async function renderCollectionLabel(input: CollectionLabelInput): Promise<Buffer> {
  assertPrintable(input);
  const [linear, matrix] = await Promise.all([
    code128Png(input.code128Data),
    dataMatrixPng(input.dataMatrixMessage),
  ]);
  const doc = new PDFDocument({
    size: [PAGE, PAGE],
    margin: 0,
    autoFirstPage: true,
    // A fixed creation date keeps the output deterministic (pdfkit derives the file ID from it).
    info: { Title: `Collection label ${input.din}`, Producer: 'Hepatica', CreationDate: input.collectedAt },
  });
  const done = pdfBuffer(doc);
  drawFrame(doc);
  drawDinQuadrant(doc, input, linear);
  drawProductQuadrant(doc, input);
  drawIdentityQuadrant(doc, input);
  drawDataMatrix(doc, matrix);
  drawExpiryBand(doc, input);
  doc.end();
  return done;
}

/**
 * Formats an instant in the site's zone as "2026-11-27 14:30 Asia/Shanghai (UTC+08:00)": a bag
 * travels between facilities in different zones, so the zone must be printed with the time.
 */
export function formatLabelDateTime(at: Date, timeZone: string): string {
  const { local, offset } = zonedParts(at, timeZone);
  return `${local} ${timeZone} (${offset})`;
}

function zonedParts(at: Date, timeZone: string): { local: string; offset: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // longOffset gives "GMT+08:00", or plain "GMT" at offset zero.
  const offset = get('timeZoneName').replace('GMT', 'UTC') || 'UTC';
  return {
    local: `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`,
    offset: offset === 'UTC' ? 'UTC+00:00' : offset,
  };
}

// ---------------------------------------------------------------- input checks

const WIN_ANSI_SAFE = /^[\x20-\x7E\u00A0-\u00FF]*$/;

/**
 * A label is the last line of defence of the chain of identity, so input that would print wrongly is
 * refused instead of being silently altered. Printed text is English/Latin only: labels travel
 * between facilities that may not read Chinese, and the standard PDF fonts have no CJK glyphs; we
 * do not depend on a CJK font being installed on the server (locale therefore does not change the label).
 */
function assertPrintable(input: CollectionLabelInput): void {
  if (!/^[A-Z0-9]{13}$/.test(input.din)) fail('din must be 13 characters A–Z/0–9');
  if (!/^\d{2}$/.test(input.flags)) fail('flags must be 2 digits');
  if (!/^[A-Z0-9*]$/.test(input.checkCharacter)) fail('checkCharacter must be one character A–Z, 0–9 or *');
  // The barcode and the eye-readable DIN must say the same thing, or scan-to-verify checks the wrong bag.
  if (input.code128Data !== `=${input.din}${input.flags}`) fail('code128Data must be "=" + din + flags');
  if (!input.dataMatrixMessage.startsWith('=+')) fail('dataMatrixMessage must be an ISBT 128 compound message ("=+…")');
  if (!input.dataMatrixMessage.includes(input.code128Data)) fail('dataMatrixMessage must carry the DIN data structure');
  if (!isValidDate(input.collectedAt)) fail('collectedAt must be a valid date');
  if (!isValidDate(input.expiresAt)) fail('expiresAt must be a valid date');
  assertTimeZone(input.timeZone);
  const printed = {
    subjectCode: input.subjectCode,
    coi: input.coi,
    productDescription: input.productDescription,
    productCode: input.productCode ?? '',
    collectionType: input.collectionType,
    siteName: input.siteName,
    fin: input.fin,
    dataMatrixMessage: input.dataMatrixMessage,
  };
  for (const [field, value] of Object.entries(printed)) {
    if (!WIN_ANSI_SAFE.test(value)) fail(`${field} contains characters the label cannot print; use Latin text`);
  }
  for (const field of ['subjectCode', 'coi', 'productDescription', 'collectionType', 'siteName', 'fin'] as const) {
    if (input[field].trim() === '') fail(`${field} must not be empty`);
  }
}

function isValidDate(value: Date): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    fail(`timeZone "${timeZone}" is not an IANA time zone`);
  }
}

function fail(message: string): never {
  throw new RangeError(`Collection label: ${message}`);
}

// ---------------------------------------------------------------- barcodes

/**
 * Code 128 at 4 px per module with a 12-module quiet zone each side (the symbology asks for 10):
 * integer pixels keep bar edges sharp, and the wide quiet zone keeps scanners from clipping the start bar.
 */
function code128Png(data: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text: data,
    scale: 4,
    height: 10,
    paddingwidth: 12,
    paddingheight: 0,
    includetext: false,
    backgroundcolor: 'FFFFFF',
  });
}

/** DataMatrix (ECC 200) at 8 px per module with a 2-module quiet zone (the symbology asks for 1). */
function dataMatrixPng(message: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'datamatrix',
    text: message,
    scale: 8,
    padding: 2,
    backgroundcolor: 'FFFFFF',
  });
}

// ---------------------------------------------------------------- layout

function drawFrame(doc: Doc): void {
  doc.lineWidth(0.8).strokeColor('black');
  doc.rect(INSET, INSET, PAGE - 2 * INSET, PAGE - 2 * INSET).stroke();
  doc.lineWidth(0.5);
  doc.moveTo(MID_X, INSET).lineTo(MID_X, BAND_Y).stroke();
  doc.moveTo(INSET, MID_Y).lineTo(PAGE - INSET, MID_Y).stroke();
  doc.moveTo(INSET, BAND_Y).lineTo(PAGE - INSET, BAND_Y).stroke();
}

/** Upper left: DIN barcode, then "G1234 17 654321", flags rotated, check character boxed (ST-001). */
function drawDinQuadrant(doc: Doc, input: CollectionLabelInput, linear: Buffer): void {
  const x = INSET + PAD;
  caption(doc, 'Donation Identification Number', x, 4 * MM);
  // The image includes its quiet zone, so it may use the full column width.
  doc.image(linear, INSET + 1 * MM, 7 * MM, { width: MID_X - INSET - 2 * MM, height: 13 * MM });
  drawEyeReadableDin(doc, input, 22 * MM);
  caption(doc, 'Collected at', x, 29.5 * MM);
  fitText(doc, input.siteName, x, 32.3 * MM, COL_W, 3, BOLD, 8, 5.5);
  // FIN sits on the quadrant's last line, so a three-line site name never runs into it.
  caption(doc, 'FIN', x, 47 * MM, { baseline: 'alphabetic' });
  doc.font(BOLD).fontSize(9).text(input.fin, x + 5 * MM, 47 * MM, { baseline: 'alphabetic', lineBreak: false });
}

function drawEyeReadableDin(doc: Doc, input: CollectionLabelInput, y: number): void {
  const din = `${input.din.slice(0, 5)} ${input.din.slice(5, 7)} ${input.din.slice(7)}`;
  const dinSize = 12;
  const flagSize = 7;
  const boxPad = 1.8;
  const gap = 2;
  // pdfkit places text by the top of its line box; for Helvetica that is the cap height line.
  const capHeight = CAP_HEIGHT * dinSize;
  doc.font(BOLD).fontSize(dinSize);
  const dinWidth = doc.widthOfString(din);
  const checkWidth = doc.widthOfString(input.checkCharacter);
  doc.font(REGULAR).fontSize(flagSize);
  const flagsExtent = doc.currentLineHeight(); // rotated, the flags' line height becomes their width
  const flagsLength = doc.widthOfString(input.flags);
  const boxWidth = Math.max(checkWidth, capHeight) + 2 * boxPad;
  const total = dinWidth + gap + flagsExtent + gap + boxWidth;
  let x = INSET + (MID_X - INSET - total) / 2;

  doc.font(BOLD).fontSize(dinSize).text(din, x, y, { lineBreak: false });
  x += dinWidth + gap;
  // Flags are printed rotated 90° clockwise so nobody reads them as part of the DIN.
  const flagsTop = y + (capHeight - flagsLength) / 2;
  doc.save();
  doc.rotate(90, { origin: [x + flagsExtent, flagsTop] });
  doc.font(REGULAR).fontSize(flagSize).text(input.flags, x + flagsExtent, flagsTop, { lineBreak: false });
  doc.restore();
  x += flagsExtent + gap;
  doc.lineWidth(1).rect(x, y - boxPad, boxWidth, capHeight + 2 * boxPad).stroke();
  doc.font(BOLD).fontSize(dinSize).text(input.checkCharacter, x + (boxWidth - checkWidth) / 2, y, { lineBreak: false });
}

/** Upper right: what is in the bag and that it may only go back to the same patient. */
function drawProductQuadrant(doc: Doc, input: CollectionLabelInput): void {
  const x = MID_X + PAD;
  caption(doc, 'Product', x, 4 * MM);
  fitText(doc, input.productDescription, x, 7 * MM, COL_W, 3, BOLD, 10, 6.5);
  if (input.productCode) labelled(doc, 'Product code', input.productCode, x, 22 * MM);
  labelled(doc, 'Collection type', input.collectionType, x, 30.5 * MM);
  autologousBand(doc, MID_X + 1.5 * MM, 40.5 * MM, MID_X - INSET - 3 * MM, 7 * MM);
}

function autologousBand(doc: Doc, x: number, y: number, width: number, height: number): void {
  doc.rect(x, y, width, height).fill('black');
  const text = 'For autologous use only';
  doc.font(BOLD).fontSize(8.5).fillColor('white');
  const textY = y + (height - doc.currentLineHeight()) / 2 + 0.8;
  doc.text(text, x, textY, { width, align: 'center', lineBreak: false });
  doc.fillColor('black');
}

/** Lower left: pseudonymous identity of the therapy and when the material was collected. */
function drawIdentityQuadrant(doc: Doc, input: CollectionLabelInput): void {
  const x = INSET + PAD;
  caption(doc, 'Subject code', x, MID_Y + 2 * MM);
  fitText(doc, input.subjectCode, x, MID_Y + 5 * MM, COL_W, 1, BOLD, 13, 7);
  caption(doc, 'Chain of identity (COI)', x, MID_Y + 12.5 * MM);
  fitText(doc, input.coi, x, MID_Y + 15.5 * MM, COL_W, 1, BOLD, 10, 6);
  const collected = zonedParts(input.collectedAt, input.timeZone);
  caption(doc, 'Collected', x, MID_Y + 22 * MM);
  fitText(doc, `${collected.local} (${collected.offset})`, x, MID_Y + 25 * MM, COL_W, 1, BOLD, 9, 6);
}

/** Lower right: the compound message, centred in its quadrant. */
function drawDataMatrix(doc: Doc, matrix: Buffer): void {
  const size = 26 * MM;
  const cellH = BAND_Y - MID_Y;
  const x = MID_X + (PAGE - INSET - MID_X - size) / 2;
  const y = MID_Y + (cellH - size) / 2;
  doc.image(matrix, x, y, { fit: [size, size], align: 'center', valign: 'center' });
}

/** Bottom band: expiry on one line, full width, so the zone is never split from the time. */
function drawExpiryBand(doc: Doc, input: CollectionLabelInput): void {
  const x = INSET + PAD;
  caption(doc, 'Expires', x, BAND_Y + 1.8 * MM);
  const width = PAGE - 2 * INSET - 2 * PAD;
  fitText(doc, formatLabelDateTime(input.expiresAt, input.timeZone), x, BAND_Y + 5 * MM, width, 1, BOLD, 12, 7);
}

// ---------------------------------------------------------------- text helpers

function caption(doc: Doc, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.font(REGULAR).fontSize(CAPTION_SIZE).fillColor('black');
  doc.text(text.toUpperCase(), x, y, { ...options, lineBreak: false });
}

function labelled(doc: Doc, label: string, value: string, x: number, y: number): void {
  caption(doc, label, x, y);
  fitText(doc, value, x, y + 2.8 * MM, COL_W, 1, BOLD, 9, 6);
}

/**
 * Prints text at the largest size (down to minSize) that fits within maxLines of the given width.
 * Text that does not fit even then is refused: clipping an identifier on a bag label is not acceptable.
 */
function fitText(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  maxLines: number,
  font: string,
  maxSize: number,
  minSize: number,
): void {
  for (let size = maxSize; size >= minSize; size -= 0.5) {
    doc.font(font).fontSize(size);
    const fits =
      maxLines === 1
        ? doc.widthOfString(text) <= width
        : doc.heightOfString(text, { width }) <= doc.currentLineHeight(true) * maxLines + 0.01;
    if (fits) {
      doc.fillColor('black').text(text, x, y, maxLines === 1 ? { lineBreak: false } : { width, lineGap: 0 });
      return;
    }
  }
  fail(`"${text}" is too long for the label`);
}
