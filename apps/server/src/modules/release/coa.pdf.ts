/**
 * The certificate of analysis as a PDF: batch and product identity, the specification version, one
 * row per test (method, acceptance criterion, reviewed result, conformity), the release decisions
 * with the physician's request and the QP's justification of an exceptional release, every
 * signature, and the version history with each amendment's reason. A pure function of the frozen
 * content and the version facts: the same version always prints the same certificate.
 */
import PDFDocument from 'pdfkit';
import { pdfBuffer } from '../../platform/pdf';
import { registerCjkFonts } from '../../platform/pdf-fonts';
import { ALERT, documentTitle, Flow, INK, labelledPairs, LEFT, MM, MUTED, OK, PAGE_H, RIGHT, WIDTH, table, type Column } from '../batches/record.layout';
import { formatRecordTime } from '../batches/record.pdf';
import type { CoaContent, CoaSignature, CoaTest } from './coa.content';

export interface CoaIssue {
  version: number;
  reason: string;
  issuedAt: Date;
  issuedBy: string;
  /** The signatures on this version (an amendment is signed by whoever issued it). */
  signatures: CoaSignature[];
  /** Every version up to this one, oldest first. */
  history: { version: number; reason: string; issuedAt: Date; issuedBy: string }[];
}

const CONFORMITY_TEXT = { conforms: 'Conforms', does_not_conform: 'DOES NOT CONFORM', pending: 'Pending' } as const;
const DECISION_TEXT: Record<string, string> = { release: 'Released', conditional_release: 'Conditionally released (results pending)', reject: 'Rejected' };

export async function renderCoa(content: CoaContent, issue: CoaIssue): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    info: { Title: `Certificate of analysis ${content.batch.batchNumber} v${issue.version}`, Producer: 'Hepatica', CreationDate: issue.issuedAt },
  });
  const done = pdfBuffer(doc);
  registerCjkFonts(doc);
  const flow = new Flow(doc);
  const time = (at: string | Date) => formatRecordTime(new Date(at), content.timeZone);
  drawTitle(flow, content, issue, time);
  drawTests(flow, content.tests);
  drawDecisions(flow, content, time);
  drawSignatures(flow, content, issue, time);
  drawHistory(flow, issue, time);
  drawFurniture(doc, content, issue);
  doc.end();
  return done;
}

type Time = (at: string | Date) => string;

function drawTitle(flow: Flow, c: CoaContent, issue: CoaIssue, time: Time): void {
  documentTitle(flow, { kind: 'CERTIFICATE OF ANALYSIS', note: `VERSION ${issue.version}`, batchNumber: c.batch.batchNumber, product: c.batch.product });
  const pairs: [string, string][] = [
    ['Specification', c.specification ? `${c.specification.product} version ${c.specification.version}` : 'None'],
    ['Process', c.batch.process],
    ['Product DIN', c.batch.din ?? '—'],
    ['Product type', c.batch.productType],
    ['Batch completed', c.batch.completedAt ? time(c.batch.completedAt) : '—'],
    ...(c.batch.expiresAt ? ([['Expiry', time(c.batch.expiresAt)]] as [string, string][]) : []),
    ['Issued', `${time(issue.issuedAt)} by ${issue.issuedBy}`],
  ];
  if (c.batch.coi) pairs.push(['Chain of identity (COI)', c.batch.coi], ['Subject code', c.batch.subjectCode ?? '—']);
  labelledPairs(flow, pairs, 8.2 * MM);
  if (issue.version > 1) flow.paragraph(`Amended: ${issue.reason}`, { size: 9, bold: true, color: ALERT });
  flow.gap(3 * MM);
}

const TEST_COLUMNS: Column[] = [
  { title: 'Test', share: 0.22 },
  { title: 'Method', share: 0.24 },
  { title: 'Acceptance criterion', share: 0.19 },
  { title: 'Result', share: 0.18 },
  { title: 'Conformity', share: 0.17 },
];

function drawTests(flow: Flow, tests: CoaTest[]): void {
  flow.paragraph('Results', { size: 12, bold: true });
  flow.gap(1.5 * MM);
  if (!tests.length) {
    flow.paragraph('No specification applies to this batch: nothing can be certified.', { size: 9, color: ALERT });
    return;
  }
  table(flow, TEST_COLUMNS, tests.map((t) => {
    const bad = t.conformity === 'does_not_conform';
    return {
      cells: [`${t.code} ${t.name}`, t.method ?? '—', t.criterion, `${t.result ?? '—'}${t.retest ? ' (retest)' : ''}`, CONFORMITY_TEXT[t.conformity]],
      alert: bad,
      styles: [undefined, undefined, undefined, { bold: true, color: bad ? ALERT : INK }, { bold: true, color: bad ? ALERT : t.conformity === 'conforms' ? OK : MUTED }],
    };
  }));
  flow.gap(1.5 * MM);
  flow.paragraph('Only results verified by a second analyst are certified; a test without one is shown as pending.', { size: 7, color: MUTED });
  flow.gap(3 * MM);
}

function drawDecisions(flow: Flow, c: CoaContent, time: Time): void {
  flow.paragraph('Release decision', { size: 12, bold: true });
  flow.gap(1.5 * MM);
  if (!c.decisions.length) flow.paragraph('No release decision has been taken.', { size: 9, color: MUTED });
  for (const d of c.decisions) {
    flow.paragraph(`${DECISION_TEXT[d.decision] ?? d.decision} by ${d.certifier}, ${time(d.at)}`, { size: 9.5, bold: true, color: d.decision === 'reject' ? ALERT : INK });
    if (d.pendingTests.length) flow.paragraph(`Released before these results: ${d.pendingTests.join(', ')}. A later non-conforming result is notified to the treating physician.`, { size: 8.5 });
    if (d.exceptional) {
      flow.paragraph('EXCEPTIONAL RELEASE of an out-of-specification product', { size: 8.5, bold: true, color: ALERT });
      flow.paragraph(`Requested by ${d.exceptional.requestedBy} on ${time(d.exceptional.requestedAt)}: ${d.exceptional.text}`, { size: 8.5 });
      flow.paragraph(`QP justification: ${d.exceptional.justification}`, { size: 8.5 });
    }
    flow.gap(1.5 * MM);
  }
  flow.gap(2 * MM);
}

const SIGNATURE_COLUMNS: Column[] = [
  { title: 'Electronic signature', share: 0.4 },
  { title: 'Meaning', share: 0.3 },
  { title: 'Signed at', share: 0.3 },
];

function drawSignatures(flow: Flow, c: CoaContent, issue: CoaIssue, time: Time): void {
  const all = [...(c.review?.signatures ?? []), ...c.decisions.flatMap((d) => d.signatures), ...issue.signatures];
  flow.paragraph('Signatures', { size: 12, bold: true });
  flow.gap(1.5 * MM);
  if (!all.length) {
    flow.paragraph('Not signed.', { size: 9, color: MUTED });
    return;
  }
  table(flow, SIGNATURE_COLUMNS, all.map((s) => ({ cells: [`${s.printedName} (${s.signer})`, s.meaning, time(s.at)] })));
  flow.gap(3 * MM);
}

function drawHistory(flow: Flow, issue: CoaIssue, time: Time): void {
  flow.paragraph('Versions', { size: 12, bold: true });
  flow.gap(1.5 * MM);
  table(flow, [{ title: 'Version', share: 0.12 }, { title: 'Issued', share: 0.3 }, { title: 'By', share: 0.2 }, { title: 'Reason', share: 0.38 }],
    issue.history.map((h) => ({ cells: [String(h.version), time(h.issuedAt), h.issuedBy, h.reason], styles: h.version === issue.version ? [{ bold: true }] : [] })));
}

function drawFurniture(doc: PDFKit.PDFDocument, c: CoaContent, issue: CoaIssue): void {
  const { start, count } = doc.bufferedPageRange();
  const flow = new Flow(doc);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    flow.textAt(`${c.siteName}  ·  Certificate of analysis ${c.batch.batchNumber}  ·  version ${issue.version}`, LEFT, 11 * MM, WIDTH, { size: 7.5, color: MUTED });
    doc.lineWidth(0.5).strokeColor(MUTED).moveTo(LEFT, 15.5 * MM).lineTo(RIGHT, 15.5 * MM).stroke();
    const footY = PAGE_H - 14 * MM;
    doc.lineWidth(0.5).strokeColor(MUTED).moveTo(LEFT, footY - 2 * MM).lineTo(RIGHT, footY - 2 * MM).stroke();
    flow.textAt(`Times are in ${c.timeZone}.`, LEFT, footY, WIDTH / 2, { size: 7.5, color: MUTED });
    flow.textAt(`Page ${i - start + 1} of ${count}`, LEFT + WIDTH / 2, footY, WIDTH / 2, { size: 7.5, bold: true, align: 'right' });
  }
}
