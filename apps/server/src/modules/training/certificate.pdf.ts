/**
 * Training certificate: one A4 landscape page saying who achieved which qualification, when, until
 * when it is valid, and how anyone can check that it is genuine (the verification code, the public
 * verification path and a QR code of that path).
 *
 * A pure function like the bag label (label.ts): no database, no clock; the same input yields the
 * same bytes, so a reprint is identical. Names and the Chinese course title print in Noto Sans SC
 * (platform/pdf-fonts.ts) where the standard fonts have no glyphs.
 */
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { pdfBuffer } from '../../platform/pdf';
import { CJK, CJK_BOLD, fontFor, registerCjkFonts } from '../../platform/pdf-fonts';

export interface CertificateInput {
  learnerName: string;
  institution: string;
  courseCode: string;
  courseTitle: string;
  /** Printed under the English title when it differs from it. */
  courseTitleZh?: string | null;
  /** Hours of instruction, printed with the course. */
  durationHours: number;
  sopCode: string | null;
  sopVersion: string | null;
  achievedAt: Date;
  /** null when the qualification does not expire. */
  validUntil: Date | null;
  issuedAt: Date;
  /** 12 characters from the unambiguous alphabet; printed in groups of four. */
  verificationCode: string;
  /** Path of the public verification endpoint for this code. */
  verifyPath: string;
  /** Who assessed the learner (printed name), when the qualification came from an assessment. */
  assessorName: string | null;
  siteName: string;
  /** IANA zone of the site; dates are printed in it. */
  timeZone: string;
}

/** Thrown when the input cannot be printed faithfully (an empty name, text too long for its place). */
export class CertificateInputError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`Certificate: ${message}`);
  }
}

const MM = 72 / 25.4;
const WIDTH = 297 * MM;
const HEIGHT = 210 * MM;
const CENTER_W = 200 * MM;
const CENTER_X = (WIDTH - CENTER_W) / 2;

const PAPER = '#fbfaf6';
const INK = '#1c2b39';
const ACCENT = '#1f5f74';
const MUTED = '#5b6770';
const SERIF = 'Times-Roman';
const SERIF_BOLD = 'Times-Bold';
const SERIF_ITALIC = 'Times-Italic';
const SANS = 'Helvetica';
const SANS_BOLD = 'Helvetica-Bold';

type Doc = PDFKit.PDFDocument;

/** Renders the certificate as a one-page PDF. Throws CertificateInputError when it cannot print the input. */
export async function renderCertificate(input: CertificateInput): Promise<Buffer> {
  assertPrintable(input);
  const qr = await qrPng(input.verifyPath);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    // A fixed creation date keeps the output deterministic (pdfkit derives the file ID from it).
    info: {
      Title: `Training certificate ${input.courseCode} ${input.learnerName}`,
      Subject: `Verification code ${input.verificationCode}`,
      Producer: 'Hepatica',
      CreationDate: input.issuedAt,
    },
  });
  const done = pdfBuffer(doc);
  registerCjkFonts(doc);
  drawFrame(doc);
  drawHeading(doc, input);
  drawLearner(doc, input);
  drawCourse(doc, input);
  drawDates(doc, input);
  drawFooter(doc, input, qr);
  doc.end();
  return done;
}

/** "ABCDEFGHJKLM" → "ABCD-EFGH-JKLM": groups of four are easier to read out and type. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** "14 March 2026" in the site's zone. */
export function formatCertificateDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/** "09:30 Asia/Shanghai (UTC+08:00)": the time of day a qualification starts and ends, with its zone. */
export function formatCertificateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace('GMT', 'UTC');
  return `${get('hour')}:${get('minute')} ${timeZone} (${offset === 'UTC' ? 'UTC+00:00' : offset})`;
}

// ---------------------------------------------------------------- input checks

const ASCII = /^[\x20-\x7E]*$/;

function assertPrintable(input: CertificateInput): void {
  // Identifiers are typed and read back by people checking the certificate: keep them plain ASCII.
  const identifiers: Record<string, string> = { courseCode: input.courseCode, verifyPath: input.verifyPath, sopCode: input.sopCode ?? '', sopVersion: input.sopVersion ?? '' };
  for (const [field, value] of Object.entries(identifiers)) {
    if (!ASCII.test(value)) throw new CertificateInputError(field, `${field} must be plain ASCII`);
  }
  for (const field of ['learnerName', 'institution', 'courseCode', 'courseTitle', 'siteName'] as const) {
    if (input[field].trim() === '') throw new CertificateInputError(field, `${field} must not be empty`);
  }
  if (!/^[A-Z0-9]{12}$/.test(input.verificationCode)) throw new CertificateInputError('verificationCode', 'the verification code must be 12 characters A–Z/0–9');
  if (!input.verifyPath.includes(input.verificationCode)) throw new CertificateInputError('verifyPath', 'the verification path must carry the code');
  for (const field of ['achievedAt', 'issuedAt'] as const) {
    if (Number.isNaN(input[field].getTime())) throw new CertificateInputError(field, `${field} must be a valid date`);
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: input.timeZone });
  } catch {
    throw new CertificateInputError('timeZone', `"${input.timeZone}" is not an IANA time zone`);
  }
}

/** QR code (BWIPP's default error correction, M) at 6 px per module with the 4-module quiet zone the symbology asks for. */
function qrPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'qrcode', text, scale: 6, padding: 4, backgroundcolor: PAPER.slice(1) });
}

// ---------------------------------------------------------------- layout

function drawFrame(doc: Doc): void {
  doc.rect(0, 0, WIDTH, HEIGHT).fill(PAPER);
  doc.lineWidth(2.5).strokeColor(ACCENT).rect(9 * MM, 9 * MM, WIDTH - 18 * MM, HEIGHT - 18 * MM).stroke();
  doc.lineWidth(0.6).strokeColor(ACCENT).rect(12 * MM, 12 * MM, WIDTH - 24 * MM, HEIGHT - 24 * MM).stroke();
  // A band across the top carries the issuing center, as on a letterhead.
  doc.rect(12 * MM, 12 * MM, WIDTH - 24 * MM, 2 * MM).fill(ACCENT);
}

function drawHeading(doc: Doc, input: CertificateInput): void {
  doc.font(SANS_BOLD).fontSize(10).fillColor(ACCENT);
  const heading = `${input.siteName.toUpperCase()}  ·  TRAINING ACADEMY`;
  doc.font(fontFor(heading, SANS_BOLD, CJK_BOLD));
  centred(doc, heading, 24 * MM, { characterSpacing: 1.5 });
  doc.font(SERIF_BOLD).fontSize(34).fillColor(INK);
  centred(doc, 'Certificate of Qualification', 33 * MM);
  rule(doc, 50 * MM, 60 * MM);
}

function drawLearner(doc: Doc, input: CertificateInput): void {
  doc.font(SERIF_ITALIC).fontSize(14).fillColor(MUTED);
  centred(doc, 'This is to certify that', 58 * MM);
  fitCentred(doc, input.learnerName, 66 * MM, fontFor(input.learnerName, SERIF_BOLD, CJK_BOLD), 30, 16);
  fitCentred(doc, input.institution, 80 * MM, fontFor(input.institution, SERIF, CJK), 14, 9, MUTED);
  doc.font(SERIF_ITALIC).fontSize(14).fillColor(MUTED);
  centred(doc, 'has completed the course below and met its assessment requirements', 91 * MM);
}

function drawCourse(doc: Doc, input: CertificateInput): void {
  doc.font(SANS_BOLD).fontSize(15).fillColor(ACCENT);
  centred(doc, input.courseCode, 101 * MM, { characterSpacing: 1 });
  const zh = input.courseTitleZh && input.courseTitleZh !== input.courseTitle ? input.courseTitleZh : null;
  fitCentred(doc, input.courseTitle, 109 * MM, fontFor(input.courseTitle, SERIF_BOLD, CJK_BOLD), 20, 11, INK, zh ? 1 : 2);
  if (zh) fitCentred(doc, zh, 118 * MM, fontFor(zh, SERIF, CJK), 14, 9, INK);
  const details = [`${formatHours(input.durationHours)} of instruction`];
  if (input.sopCode) {
    const sop = /^SOP/i.test(input.sopCode) ? input.sopCode : `SOP ${input.sopCode}`;
    details.push(`${sop}${input.sopVersion ? ` version ${input.sopVersion}` : ''}`);
  }
  doc.font(SANS).fontSize(9.5).fillColor(MUTED);
  centred(doc, details.join('   ·   '), 128 * MM);
}

/** Achieved and valid-until side by side, each a date with its time and zone underneath. */
function drawDates(doc: Doc, input: CertificateInput): void {
  const top = 137 * MM;
  const boxW = 70 * MM;
  const gap = 14 * MM;
  const left = (WIDTH - 2 * boxW - gap) / 2;
  dateBox(doc, left, top, boxW, 'Achieved', formatCertificateDate(input.achievedAt, input.timeZone), formatCertificateTime(input.achievedAt, input.timeZone));
  const until = input.validUntil
    ? [formatCertificateDate(input.validUntil, input.timeZone), formatCertificateTime(input.validUntil, input.timeZone)] as const
    : (['Does not expire', 'No requalification interval'] as const);
  dateBox(doc, left + boxW + gap, top, boxW, 'Valid until', until[0], until[1]);
}

function dateBox(doc: Doc, x: number, y: number, width: number, label: string, date: string, time: string): void {
  doc.lineWidth(0.5).strokeColor('#b9c4ca').roundedRect(x, y, width, 19 * MM, 2 * MM).stroke();
  doc.font(SANS).fontSize(7.5).fillColor(MUTED).text(label.toUpperCase(), x, y + 2.5 * MM, { width, align: 'center', characterSpacing: 1, lineBreak: false });
  doc.font(SERIF_BOLD).fontSize(16).fillColor(INK).text(date, x, y + 6.5 * MM, { width, align: 'center', lineBreak: false });
  doc.font(SANS).fontSize(7.5).fillColor(MUTED).text(time, x, y + 13.5 * MM, { width, align: 'center', lineBreak: false });
}

/** Signature line on the left, verification in the middle, QR code on the right. */
function drawFooter(doc: Doc, input: CertificateInput, qr: Buffer): void {
  const baseY = 174 * MM;
  const left = 24 * MM;
  const colW = 70 * MM;
  doc.lineWidth(0.6).strokeColor(INK).moveTo(left, baseY).lineTo(left + colW, baseY).stroke();
  const signer = input.assessorName ?? 'Training Academy';
  doc.font(fontFor(signer, SANS_BOLD, CJK_BOLD)).fontSize(9).fillColor(INK).text(signer, left, baseY + 2 * MM, { width: colW, lineBreak: false, ellipsis: true });
  doc.font(SANS).fontSize(7.5).fillColor(MUTED).text(input.assessorName ? 'Assessor' : 'Issuing body', left, baseY + 6.5 * MM, { width: colW, lineBreak: false });
  doc.text(`Issued ${formatCertificateDate(input.issuedAt, input.timeZone)}`, left, baseY + 10 * MM, { width: colW, lineBreak: false });

  const midX = (WIDTH - 100 * MM) / 2;
  doc.font(SANS).fontSize(7.5).fillColor(MUTED).text('VERIFICATION CODE', midX, 164 * MM, { width: 100 * MM, align: 'center', characterSpacing: 1, lineBreak: false });
  doc.font('Courier-Bold').fontSize(17).fillColor(INK).text(formatVerificationCode(input.verificationCode), midX, 168.5 * MM, { width: 100 * MM, align: 'center', lineBreak: false });
  doc.font(SANS).fontSize(7.5).fillColor(MUTED).text('Check that this certificate is genuine and current at', midX, 177 * MM, { width: 100 * MM, align: 'center', lineBreak: false });
  fitCentredIn(doc, input.verifyPath, midX, 181 * MM, 100 * MM, 'Courier', 8, 5.5);

  const qrSize = 26 * MM;
  doc.image(qr, WIDTH - 24 * MM - qrSize, 160 * MM, { width: qrSize, height: qrSize });
}

// ---------------------------------------------------------------- text helpers

function centred(doc: Doc, text: string, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.text(text, CENTER_X, y, { width: CENTER_W, align: 'center', lineBreak: false, ...options });
}

function rule(doc: Doc, y: number, width: number): void {
  const x = (WIDTH - width) / 2;
  doc.lineWidth(0.8).strokeColor(ACCENT).moveTo(x, y).lineTo(x + width, y).stroke();
}

/** Centred text at the largest size (down to minSize) that fits within maxLines of the centre column. */
function fitCentred(doc: Doc, text: string, y: number, font: string, maxSize: number, minSize: number, color = INK, maxLines = 1): void {
  for (let size = maxSize; size >= minSize; size -= 0.5) {
    doc.font(font).fontSize(size);
    const fits = maxLines === 1 ? doc.widthOfString(text) <= CENTER_W : doc.heightOfString(text, { width: CENTER_W }) <= doc.currentLineHeight(true) * maxLines + 0.01;
    if (fits) {
      doc.fillColor(color).text(text, CENTER_X, y, { width: CENTER_W, align: 'center', ...(maxLines === 1 ? { lineBreak: false } : {}) });
      return;
    }
  }
  throw new CertificateInputError('text', `"${text}" is too long for the certificate`);
}

function fitCentredIn(doc: Doc, text: string, x: number, y: number, width: number, font: string, maxSize: number, minSize: number): void {
  for (let size = maxSize; size >= minSize; size -= 0.5) {
    doc.font(font).fontSize(size);
    if (doc.widthOfString(text) <= width) {
      doc.fillColor(INK).text(text, x, y, { width, align: 'center', lineBreak: false });
      return;
    }
  }
  throw new CertificateInputError('verifyPath', 'the verification path is too long for the certificate');
}

function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'hour' : 'hours'}`;
}
