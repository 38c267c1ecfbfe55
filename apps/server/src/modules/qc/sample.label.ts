/**
 * QC sample label, 70 mm × 40 mm (a common tube/vial label): the sample number as Code 128 (what the
 * QC bench scans to enter a result against the right sample), the product's DIN as the ISBT 128 data
 * structure 001 in a DataMatrix (so the sample is tied to the product's chain of identity by the
 * standard), and eye-readable sample number, DIN with boxed check character, batch, product, tests
 * and the time the sample was drawn in the site's zone.
 *
 * A pure function, like the collection label: the same input gives the same bytes.
 */
import { formatDinDataStructure } from '@hepatica/core';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { fontFor, registerCjkFonts, CJK, CJK_BOLD } from '../../platform/pdf-fonts';
import { pdfBuffer } from '../../platform/pdf';
import { formatLabelDateTime } from '../collections/label';

export interface SampleLabelInput {
  sampleNumber: string;
  din: string;
  checkCharacter: string;
  batchNumber: string;
  product: string;
  sampleName: string;
  tests: string[];
  takenAt: Date;
  timeZone: string;
}

const MM = 72 / 25.4;
const WIDTH = 70 * MM;
const HEIGHT = 40 * MM;
const PAD = 2 * MM;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

type Doc = PDFKit.PDFDocument;

export async function renderSampleLabel(input: SampleLabelInput): Promise<Buffer> {
  if (!/^[\x20-\x7E]{1,40}$/.test(input.sampleNumber)) throw new RangeError('Sample label: the sample number must be printable ASCII');
  const [linear, matrix] = await Promise.all([
    bwipjs.toBuffer({ bcid: 'code128', text: input.sampleNumber, scale: 4, height: 8, paddingwidth: 10, paddingheight: 0, includetext: false, backgroundcolor: 'FFFFFF' }),
    bwipjs.toBuffer({ bcid: 'datamatrix', text: formatDinDataStructure(input.din), scale: 6, padding: 2, backgroundcolor: 'FFFFFF' }),
  ]);
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: 0,
    info: { Title: `QC sample ${input.sampleNumber}`, Producer: 'Hepatica', CreationDate: input.takenAt },
  });
  registerCjkFonts(doc);
  const done = pdfBuffer(doc);
  doc.lineWidth(0.6).rect(1 * MM, 1 * MM, WIDTH - 2 * MM, HEIGHT - 2 * MM).stroke();
  doc.image(linear, PAD, PAD, { width: 44 * MM, height: 9 * MM });
  line(doc, input.sampleNumber, PAD, 12 * MM, 44 * MM, BOLD, 10);
  drawDin(doc, input, PAD, 17.5 * MM);
  line(doc, `Batch ${input.batchNumber}`, PAD, 23 * MM, 44 * MM, REGULAR, 6.5);
  line(doc, input.product, PAD, 26 * MM, 44 * MM, BOLD, 6.5);
  line(doc, `${input.sampleName}: ${input.tests.join(', ')}`, PAD, 29.5 * MM, WIDTH - 2 * PAD, REGULAR, 6);
  line(doc, `Drawn ${formatLabelDateTime(input.takenAt, input.timeZone)}`, PAD, 33.5 * MM, WIDTH - 2 * PAD, REGULAR, 6);
  doc.image(matrix, 49 * MM, PAD, { fit: [19 * MM, 19 * MM] });
  doc.font(REGULAR).fontSize(4.5).text('ISBT 128 DIN', 49 * MM, 22 * MM, { width: 19 * MM, align: 'center', lineBreak: false });
  doc.end();
  return done;
}

/** "DIN A9999 26 000123 [K]" with the check character boxed, as on the product label. */
function drawDin(doc: Doc, input: SampleLabelInput, x: number, y: number): void {
  const din = `DIN ${input.din.slice(0, 5)} ${input.din.slice(5, 7)} ${input.din.slice(7)}`;
  doc.font(BOLD).fontSize(8).text(din, x, y, { lineBreak: false });
  const boxX = x + doc.widthOfString(din) + 1.5 * MM;
  const size = 8 * 0.718 + 2.4;
  doc.lineWidth(0.6).rect(boxX, y - 1.2, doc.widthOfString(input.checkCharacter) + 2.4, size).stroke();
  doc.text(input.checkCharacter, boxX + 1.2, y, { lineBreak: false });
}

/** One line of text, shrunk (down to 4.5 pt) to fit its width; Chinese text uses the CJK font. */
function line(doc: Doc, text: string, x: number, y: number, width: number, latin: string, size: number): void {
  const font = fontFor(text, latin, latin === BOLD ? CJK_BOLD : CJK);
  let s = size;
  doc.font(font).fontSize(s);
  while (s > 4.5 && doc.widthOfString(text) > width) doc.fontSize((s -= 0.25));
  doc.text(text, x, y, { width, height: s * 1.3, lineBreak: false, ellipsis: true });
}
