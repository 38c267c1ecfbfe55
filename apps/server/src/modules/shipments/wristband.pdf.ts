/**
 * The patient's wristband: a strip 25 mm × 250 mm (the common adult wristband label) with the
 * Code 128 of the subject code (@hepatica/core wristband.ts) beside what a nurse reads aloud at the
 * bedside: name, MRN, date of birth and subject code. The name and MRN are for the eye only; the
 * barcode carries the pseudonymous subject code that the product label also carries.
 * A pure function: the same input gives the same bytes. Chinese names print in Noto Sans SC.
 */
import { formatWristbandData } from '@hepatica/core';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { pdfBuffer } from '../../platform/pdf';
import { CJK, CJK_BOLD, fontFor, registerCjkFonts } from '../../platform/pdf-fonts';

export interface WristbandInput {
  subjectCode: string;
  name: string | null;
  mrn: string | null;
  birthDate: string;
  sex: string;
  siteName: string;
  /** Fixes the PDF's creation date so a reprint is byte-identical. */
  printedAt: Date;
}

const MM = 72 / 25.4;
const WIDTH = 250 * MM;
const HEIGHT = 25 * MM;
/** The part of the strip that closes the band around the wrist carries nothing. */
const CLASP = 40 * MM;

function code128(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 9,
    paddingwidth: 10,
    includetext: false,
    backgroundcolor: 'FFFFFF',
  });
}

export async function renderWristband(input: WristbandInput): Promise<Buffer> {
  const data = formatWristbandData(input.subjectCode);
  const barcode = await code128(data);
  const doc = new PDFDocument({
    size: [WIDTH, HEIGHT],
    margin: 0,
    info: { Title: `Wristband ${input.subjectCode}`, Producer: 'Hepatica', CreationDate: input.printedAt },
  });
  const done = pdfBuffer(doc);
  registerCjkFonts(doc);
  const x = CLASP;
  doc.image(barcode, x, 3 * MM, { height: 15 * MM, width: 55 * MM });
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .text(input.subjectCode, x, 19.5 * MM, { width: 55 * MM, align: 'center', lineBreak: false });
  const textX = x + 60 * MM;
  const name = input.name ?? input.subjectCode;
  doc
    .font(fontFor(name, 'Helvetica-Bold', CJK_BOLD))
    .fontSize(14)
    .text(name, textX, 3 * MM, { width: 90 * MM, lineBreak: false, ellipsis: true });
  const line2 = `MRN ${input.mrn ?? '—'}    DOB ${input.birthDate}    ${input.sex === 'female' ? 'F' : 'M'}`;
  doc
    .font(fontFor(line2, 'Helvetica', CJK))
    .fontSize(9)
    .text(line2, textX, 11 * MM, { width: 90 * MM, lineBreak: false });
  doc
    .font(fontFor(input.siteName, 'Helvetica', CJK))
    .fontSize(7)
    .text(input.siteName, textX, 17 * MM, { width: 90 * MM, lineBreak: false, ellipsis: true });
  doc
    .font('Helvetica')
    .fontSize(7)
    .text(`Subject ${input.subjectCode}`, textX, 20.5 * MM, { width: 90 * MM, lineBreak: false });
  doc.end();
  return done;
}
