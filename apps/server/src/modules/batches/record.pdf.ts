/**
 * The executed batch record as QA reads it: a header with the batch, process version, product and,
 * for an autologous batch, the patient's chain of identity; then every step with its values, units
 * and ranges (out-of-range values marked), materials with lot numbers and quantities, equipment,
 * who did it and when, signatures with their meaning; then deviations. "Page n of m" on every page.
 *
 * A pure function like the bag label (collections/label.ts) and the certificate: no database, no
 * clock; the same input yields the same bytes. Layout primitives are in record.layout.ts.
 */
import PDFDocument from 'pdfkit';
import { pdfBuffer } from '../../platform/pdf';
import { registerCjkFonts } from '../../platform/pdf-fonts';
import { ALERT, documentTitle, Flow, INK, labelledPairs, LEFT, MM, MUTED, OK, PAGE_H, RIGHT, SHADE, WIDTH, table, type Column, type Row } from './record.layout';

export interface RecordField {
  label: string;
  type: 'number' | 'text' | 'boolean';
  unit?: string | undefined;
  /** "2–8 °C" or "" */
  range: string;
  value: number | string | boolean | null;
  outOfRange: boolean;
}

export interface RecordSignature {
  printedName: string;
  signer: string;
  meaning: string;
  at: Date;
  valid: boolean;
}

export interface RecordStep {
  index: number;
  title: string;
  instructions: string | null;
  status: 'pending' | 'completed';
  requiredQualification: string | null;
  witness: boolean;
  fields: RecordField[];
  materialLots: { materialCode: string; lotNumber: string; quantity: number; unit: string }[];
  equipment: { code: string; name: string }[];
  samples: { name: string; test: string }[];
  performedBy: string | null;
  performedAt: Date | null;
  witnessedBy: string | null;
  signatures: RecordSignature[];
}

export interface BatchRecordInput {
  siteName: string;
  /** IANA zone of the site; every time prints in it with its offset. */
  timeZone: string;
  printedAt: Date;
  printedBy: string;
  batchNumber: string;
  status: 'in_progress' | 'completed' | 'aborted' | 'released' | 'conditionally_released' | 'rejected';
  process: { code: string; version: number; name: string; product: string; productType: string };
  room: { code: string; name: string };
  startedAt: Date;
  startedBy: string;
  completedAt: Date | null;
  /** Autologous batches: whose cells these are (pseudonymous; never the name or MRN). */
  patient: { coi: string; subjectCode: string; din: string | null } | null;
  steps: RecordStep[];
  outputLots: { materialCode: string; lotNumber: string; quantity: number; unit: string; status: string }[];
  deviations: { number: string; title: string; severity: string; status: string; openedAt: Date }[];
}

const STATUS_TEXT = {
  in_progress: 'In progress',
  completed: 'Completed',
  aborted: 'Aborted',
  released: 'Released',
  conditionally_released: 'Conditionally released',
  rejected: 'Rejected',
} as const;

/** Renders the record as a multi-page A4 PDF. */
export async function renderBatchRecord(input: BatchRecordInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    // A fixed creation date keeps the output deterministic (pdfkit derives the file ID from it).
    info: { Title: `Batch record ${input.batchNumber}`, Subject: `${input.process.code} v${input.process.version}`, Producer: 'Hepatica', CreationDate: input.printedAt },
  });
  const done = pdfBuffer(doc);
  registerCjkFonts(doc);
  const flow = new Flow(doc);
  drawTitle(flow, input);
  drawSummary(flow, input);
  for (const step of input.steps) drawStep(flow, step, input);
  drawDeviations(flow, input);
  flow.gap(4 * MM);
  flow.paragraph(`End of record. ${input.steps.length} steps, ${input.steps.filter((s) => s.status === 'completed').length} completed.`, { size: 8, color: MUTED, align: 'center' });
  drawPageFurniture(doc, input);
  doc.end();
  return done;
}

/** "2026-11-25 14:30 (UTC+08:00)" in the site's zone. */
export function formatRecordTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace('GMT', 'UTC');
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} (${offset === 'UTC' ? 'UTC+00:00' : offset})`;
}

// ---------------------------------------------------------------- header of the record

function drawTitle(flow: Flow, input: BatchRecordInput): void {
  const status = STATUS_TEXT[input.status].toUpperCase();
  documentTitle(flow, { kind: 'EXECUTED BATCH RECORD', note: status, noteColor: input.status === 'completed' ? OK : MUTED, batchNumber: input.batchNumber, product: input.process.name });
}

function drawSummary(flow: Flow, input: BatchRecordInput): void {
  const time = (at: Date | null) => (at ? formatRecordTime(at, input.timeZone) : '—');
  const pairs: [string, string][] = [
    ['Process', `${input.process.code} version ${input.process.version}`],
    ['Product', input.process.product],
    ['Room', `${input.room.code} ${input.room.name}`],
    ['Product type', input.process.productType],
    ['Started', `${time(input.startedAt)} by ${input.startedBy}`],
    // An aborted batch ends too: its end is when QA aborted it (batches.abort.ts).
    [input.status === 'aborted' ? 'Aborted' : 'Completed', time(input.completedAt)],
  ];
  if (input.patient) {
    pairs.push(['Chain of identity (COI)', input.patient.coi], ['Subject code', input.patient.subjectCode], ['Starting material DIN', input.patient.din ?? '—']);
  }
  pairs.push(['Deviations', input.deviations.length ? input.deviations.map((d) => d.number).join(', ') : 'None']);
  labelledPairs(flow, pairs);
  if (input.outputLots.length) {
    flow.gap(1 * MM);
    flow.paragraph('OUTPUT LOTS', { size: 6.5, color: MUTED });
    flow.gap(0.8 * MM);
    table(flow, [{ title: 'Material', share: 0.3 }, { title: 'Lot', share: 0.3 }, { title: 'Quantity', share: 0.2, align: 'right' }, { title: 'Status', share: 0.2 }],
      input.outputLots.map((l) => ({ cells: [l.materialCode, l.lotNumber, `${formatNumber(l.quantity)} ${l.unit}`, l.status] })));
  }
  flow.gap(2 * MM);
  flow.paragraph(`Times are in ${input.timeZone}. A step's signatures are bound to the step as recorded; "changed" means the record was altered after signing.`, { size: 7, color: MUTED });
  flow.gap(3 * MM);
}

// ---------------------------------------------------------------- steps

function drawStep(flow: Flow, step: RecordStep, input: BatchRecordInput): void {
  flow.ensure(30 * MM);
  drawStepHeading(flow, step, input.steps.length);
  flow.continuation = `Step ${step.index} of ${input.steps.length}  ·  ${step.title} (continued)`;
  const indent = 2 * MM;
  const needs = [step.requiredQualification ? `Qualification ${step.requiredQualification}` : null, step.witness ? 'Witness required' : null].filter(Boolean);
  if (needs.length) flow.paragraph(needs.join('  ·  '), { size: 7.5, bold: true, color: MUTED }, indent);
  if (step.instructions) flow.paragraph(step.instructions, { size: 8, color: MUTED }, indent);
  flow.gap(1.5 * MM);
  if (step.fields.length) {
    table(flow, VALUE_COLUMNS, step.fields.map(valueRow), indent);
    flow.gap(1.5 * MM);
  }
  if (step.materialLots.length) {
    table(flow, MATERIAL_COLUMNS, step.materialLots.map((m) => ({ cells: [m.materialCode, m.lotNumber, `${formatNumber(m.quantity)} ${m.unit}`] })), indent);
    flow.gap(1.5 * MM);
  }
  if (step.equipment.length) flow.paragraph(`Equipment: ${step.equipment.map((e) => `${e.code} (${e.name})`).join(', ')}`, { size: 8.5 }, indent);
  if (step.samples.length) flow.paragraph(`In-process samples: ${step.samples.map((s) => `${s.name} (${s.test})`).join(', ')}`, { size: 8.5 }, indent);
  drawExecution(flow, step, input, indent);
  flow.continuation = null;
  flow.gap(4 * MM);
}

function drawStepHeading(flow: Flow, step: RecordStep, total: number): void {
  const height = Math.max(7.5 * MM, flow.measure(step.title, WIDTH - 60 * MM, { size: 10.5, bold: true }) + 3 * MM);
  flow.doc.rect(LEFT, flow.y, WIDTH, height).fill(SHADE);
  flow.textAt(`Step ${step.index} of ${total}`, LEFT + 2 * MM, flow.y + 2.6 * MM, 22 * MM, { size: 7.5, color: MUTED });
  flow.textAt(step.title, LEFT + 24 * MM, flow.y + 1.4 * MM, WIDTH - 60 * MM, { size: 10.5, bold: true });
  const done = step.status === 'completed';
  flow.textAt(done ? 'COMPLETED' : 'NOT PERFORMED', RIGHT - 36 * MM, flow.y + 2.6 * MM, 34 * MM, { size: 7.5, bold: true, color: done ? OK : MUTED, align: 'right' });
  flow.y += height + 1.5 * MM;
}

const VALUE_COLUMNS: Column[] = [
  { title: 'Parameter', share: 0.31 },
  { title: 'Value', share: 0.2 },
  { title: 'Unit', share: 0.14 },
  { title: 'Range', share: 0.19 },
  { title: 'Check', share: 0.16 },
];

const MATERIAL_COLUMNS: Column[] = [
  { title: 'Material', share: 0.4 },
  { title: 'Lot number', share: 0.35 },
  { title: 'Quantity used', share: 0.25, align: 'right' },
];

function valueRow(f: RecordField): Row {
  const recorded = f.value !== null;
  const check = !recorded ? '—' : f.outOfRange ? 'OUT OF RANGE' : f.range ? 'Within' : '';
  return {
    cells: [f.label, formatValue(f.value), f.unit ?? '', f.range, check],
    alert: f.outOfRange,
    styles: [undefined, { bold: true, color: f.outOfRange ? ALERT : INK }, undefined, undefined, f.outOfRange ? { bold: true, color: ALERT } : { color: MUTED }],
  };
}

function drawExecution(flow: Flow, step: RecordStep, input: BatchRecordInput, indent: number): void {
  if (step.status !== 'completed') {
    flow.paragraph('Not performed yet.', { size: 8.5, color: MUTED }, indent);
    return;
  }
  const at = step.performedAt ? formatRecordTime(step.performedAt, input.timeZone) : '—';
  flow.paragraph(`Performed by ${step.performedBy ?? '—'} at ${at}${step.witnessedBy ? `; witnessed by ${step.witnessedBy}` : ''}`, { size: 8.5 }, indent);
  flow.gap(1 * MM);
  if (!step.signatures.length) return;
  table(flow, SIGNATURE_COLUMNS, step.signatures.map((s) => ({
    cells: [`${s.printedName} (${s.signer})`, s.meaning, formatRecordTime(s.at, input.timeZone), s.valid ? 'Valid' : 'Changed after signing'],
    alert: !s.valid,
    styles: [undefined, { bold: true }, undefined, { color: s.valid ? OK : ALERT, bold: !s.valid }],
  })), indent);
}

const SIGNATURE_COLUMNS: Column[] = [
  { title: 'Electronic signature', share: 0.36 },
  { title: 'Meaning', share: 0.2 },
  { title: 'Signed at', share: 0.26 },
  { title: 'Status', share: 0.18 },
];

// ---------------------------------------------------------------- deviations and page furniture

function drawDeviations(flow: Flow, input: BatchRecordInput): void {
  flow.ensure(20 * MM);
  flow.paragraph('Deviations', { size: 12, bold: true });
  flow.gap(1.5 * MM);
  if (!input.deviations.length) {
    flow.paragraph('No deviation has been recorded against this batch.', { size: 8.5, color: MUTED });
    return;
  }
  table(flow, [{ title: 'Number', share: 0.15 }, { title: 'Title', share: 0.37 }, { title: 'Severity', share: 0.1 }, { title: 'Status', share: 0.1 }, { title: 'Opened', share: 0.28 }],
    input.deviations.map((d) => ({ cells: [d.number, d.title, d.severity, d.status, formatRecordTime(d.openedAt, input.timeZone)] })));
}

/** Running header and "Page n of m" footer, drawn once the page count is known. */
function drawPageFurniture(doc: PDFKit.PDFDocument, input: BatchRecordInput): void {
  const { start, count } = doc.bufferedPageRange();
  const flow = new Flow(doc);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const header = `${input.siteName}  ·  Batch record ${input.batchNumber}  ·  ${input.process.code} v${input.process.version}`;
    flow.textAt(header, LEFT, 11 * MM, WIDTH, { size: 7.5, color: MUTED });
    doc.lineWidth(0.5).strokeColor(MUTED).moveTo(LEFT, 15.5 * MM).lineTo(RIGHT, 15.5 * MM).stroke();
    const footY = PAGE_H - 14 * MM;
    doc.lineWidth(0.5).strokeColor(MUTED).moveTo(LEFT, footY - 2 * MM).lineTo(RIGHT, footY - 2 * MM).stroke();
    flow.textAt(`Printed ${formatRecordTime(input.printedAt, input.timeZone)} by ${input.printedBy}`, LEFT, footY, WIDTH / 2, { size: 7.5, color: MUTED });
    flow.textAt(`Page ${i - start + 1} of ${count}`, LEFT + WIDTH / 2, footY, WIDTH / 2, { size: 7.5, bold: true, color: INK, align: 'right' });
  }
}

function formatValue(value: number | string | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

/** Numbers print as entered (no rounding hides a digit the operator typed). */
function formatNumber(value: number): string {
  return String(value);
}
