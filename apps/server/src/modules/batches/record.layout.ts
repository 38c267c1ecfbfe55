/**
 * Flowing layout for the batch record PDF: a cursor that moves down A4 pages, wrapped text and
 * tables whose rows never split across pages (a header row is repeated on the next page). Every
 * string prints in Noto Sans SC, so Chinese text, units (µL, °C, ×, ≥) and names all have glyphs.
 */
import { CJK, CJK_BOLD } from '../../platform/pdf-fonts';

export const MM = 72 / 25.4;
export const PAGE_W = 595.28;
export const PAGE_H = 841.89;
export const LEFT = 16 * MM;
export const RIGHT = PAGE_W - 16 * MM;
export const WIDTH = RIGHT - LEFT;
/** The running header and footer live outside [TOP, BOTTOM]. */
export const TOP = 24 * MM;
export const BOTTOM = PAGE_H - 20 * MM;

export const INK = '#1b2631';
export const MUTED = '#5d6d7a';
export const RULE = '#c5ced6';
export const SHADE = '#eef2f5';
export const ALERT = '#b3261e';
export const ALERT_SHADE = '#fbe9e7';
export const OK = '#1e6b3a';

export type Doc = PDFKit.PDFDocument;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
}

/** The cursor: which document, and how far down the current page the next block starts. */
export class Flow {
  y = TOP;
  /** Printed at the top of a page the current block continues on ("Step 3 … (continued)"). */
  continuation: string | null = null;
  constructor(readonly doc: Doc) {}

  /** Starts a new page when `height` points do not fit above the bottom margin. */
  ensure(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.doc.addPage();
    this.y = TOP;
    if (this.continuation) {
      this.y += this.textAt(this.continuation, LEFT, this.y, WIDTH, { size: 7.5, bold: true, color: MUTED }) + 1.5 * MM;
    }
    return true;
  }

  gap(points: number): void {
    this.y += points;
  }

  /** Height a wrapped string takes in `width` in the given style. */
  measure(text: string, width: number, style: TextStyle = {}): number {
    setStyle(this.doc, style);
    return this.doc.heightOfString(printable(text), { width, lineGap: 0 });
  }

  /** Writes wrapped text at (x, y) without moving the cursor; returns its height. */
  textAt(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    setStyle(this.doc, style);
    const value = printable(text);
    const height = this.doc.heightOfString(value, { width, lineGap: 0 });
    this.doc.text(value, x, y, { width, align: style.align ?? 'left', lineGap: 0 });
    return height;
  }

  /** A paragraph across the column at the cursor (moved to the next page if it does not fit). */
  paragraph(text: string, style: TextStyle = {}, indent = 0): void {
    const width = WIDTH - indent;
    const height = this.measure(text, width, style);
    this.ensure(height);
    this.textAt(text, LEFT + indent, this.y, width, style);
    this.y += height;
  }

  rule(color = RULE, weight = 0.5): void {
    this.doc.lineWidth(weight).strokeColor(color).moveTo(LEFT, this.y).lineTo(RIGHT, this.y).stroke();
  }
}

export interface Column {
  title: string;
  /** Fraction of the column width. */
  share: number;
  align?: 'left' | 'right';
}

export interface Row {
  cells: string[];
  /** Marks a row that needs attention (an out-of-range value, an invalid signature). */
  alert?: boolean;
  /** Per-cell style overrides, e.g. a bold red "OUT OF RANGE". */
  styles?: (TextStyle | undefined)[];
}

const CELL_PAD_X = 1.6 * MM;
const CELL_PAD_Y = 1.1 * MM;
const TABLE_SIZE = 8.5;

/** A table at the cursor; rows never break across pages and the header repeats after a break. */
export function table(flow: Flow, columns: Column[], rows: Row[], indent = 0): void {
  const x0 = LEFT + indent;
  const widths = columns.map((c) => c.share * (WIDTH - indent));
  const header: Row = { cells: columns.map((c) => c.title) };
  const headerStyle: TextStyle = { size: 7, bold: true, color: MUTED };
  const heightOf = (row: Row, style: TextStyle) =>
    Math.max(...row.cells.map((cell, i) => flow.measure(cell, widths[i]! - 2 * CELL_PAD_X, { size: TABLE_SIZE, ...style, ...row.styles?.[i] }))) + 2 * CELL_PAD_Y;
  const headerHeight = heightOf(header, headerStyle);
  const drawRow = (row: Row, style: TextStyle, fill: string | null) => {
    const height = heightOf(row, style);
    if (fill) flow.doc.rect(x0, flow.y, WIDTH - indent, height).fill(fill);
    let x = x0;
    row.cells.forEach((cell, i) => {
      const align = columns[i]!.align ?? 'left';
      flow.textAt(cell, x + CELL_PAD_X, flow.y + CELL_PAD_Y, widths[i]! - 2 * CELL_PAD_X, { size: TABLE_SIZE, ...style, align, ...row.styles?.[i] });
      x += widths[i]!;
    });
    flow.y += height;
    flow.doc.lineWidth(0.4).strokeColor(RULE).moveTo(x0, flow.y).lineTo(RIGHT, flow.y).stroke();
  };
  flow.ensure(headerHeight + (rows[0] ? heightOf(rows[0], {}) : 0));
  drawRow(header, headerStyle, SHADE);
  for (const row of rows) {
    if (flow.ensure(heightOf(row, {}))) drawRow(header, headerStyle, SHADE);
    drawRow(row, { color: INK }, row.alert ? ALERT_SHADE : null);
  }
}

/**
 * The heading a printed batch document opens with: what it is (left) and its status or version (right) in
 * small capitals, the batch number large, the product under it and a rule.
 */
export function documentTitle(flow: Flow, t: { kind: string; note: string; noteColor?: string; batchNumber: string; product: string }): void {
  flow.textAt(t.kind, LEFT, flow.y, WIDTH, { size: 8, bold: true, color: MUTED });
  flow.textAt(t.note, LEFT, flow.y, WIDTH, { size: 8, bold: true, color: t.noteColor ?? INK, align: 'right' });
  flow.gap(4.5 * MM);
  flow.textAt(t.batchNumber, LEFT, flow.y, WIDTH, { size: 22, bold: true });
  flow.gap(11 * MM);
  flow.paragraph(t.product, { size: 11, bold: true });
  flow.gap(2 * MM);
  flow.rule(INK, 0.8);
  flow.gap(2.5 * MM);
}

const PAIR_VALUE: TextStyle = { size: 9.5, bold: true };

/**
 * Labelled values two to a row, the label in small capitals over the value. A row is `rowHeight` tall, or
 * without it as tall as its longer value wraps to (a row never splits across pages).
 */
export function labelledPairs(flow: Flow, pairs: [string, string][], rowHeight?: number): void {
  const colW = WIDTH / 2;
  for (let i = 0; i < pairs.length; i += 2) {
    const row = pairs.slice(i, i + 2);
    const rowH = rowHeight ?? Math.max(...row.map(([, v]) => flow.measure(v, colW - 4 * MM, PAIR_VALUE))) + 4.2 * MM;
    flow.ensure(rowH);
    row.forEach(([label, value], j) => {
      const x = LEFT + j * colW;
      flow.textAt(label.toUpperCase(), x, flow.y, colW - 4 * MM, { size: 6.5, color: MUTED });
      flow.textAt(value, x, flow.y + 3 * MM, colW - 4 * MM, PAIR_VALUE);
    });
    flow.y += rowH;
  }
}

function setStyle(doc: Doc, style: TextStyle): void {
  doc.font(style.bold ? CJK_BOLD : CJK).fontSize(style.size ?? 9).fillColor(style.color ?? INK);
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/**
 * Replaces characters the embedded font has no glyph for with their plain spelling, so a value
 * never prints as an empty box: superscript digits (10⁶ → 10^6), subscript digits (CO₂ → CO2)
 * and control characters.
 */
export function printable(text: string): string {
  return text
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (digits) => `^${[...digits].map((d) => SUPERSCRIPT.indexOf(d)).join('')}`)
    .replace(/[₀₁₂₃₄₅₆₇₈₉]/g, (digit) => String(SUBSCRIPT.indexOf(digit)))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}
