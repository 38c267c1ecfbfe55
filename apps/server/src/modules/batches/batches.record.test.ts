import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/barcodes';
import { TEST_PASSWORD, type Harness } from '../../test/harness';
import { done, lot, startCart, unit, UNKNOWN, withPlant, type Crew, type Plant } from './batches.fixtures';
import { renderBatchRecord, type BatchRecordInput, type RecordStep } from './record.pdf';

/** Text and a PNG of every page (renderPage reads the first page; the record has several). */
function renderPages(pdf: Buffer): { text: string; png: Uint8Array }[] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  return Array.from({ length: doc.countPages() }, (_, i) => {
    const page = doc.loadPage(i);
    const text = page.toStructuredText('preserve-whitespace').asText();
    return { text, png: page.toPixmap(mupdf.Matrix.scale(150 / 72, 150 / 72), mupdf.ColorSpace.DeviceRGB, false).asPNG() };
  });
}

/** Lines of the PDF text squeezed to single spaces, so table cells read as one string per row. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe('batch record PDF (route)', () => {
  let h: Harness;
  let c: Crew;
  let p: Plant;
  withPlant((world) => {
    ({ h, c, p } = world);
  });

  it('prints every step with values, units, ranges, people, signatures, lots and the deviation, page n of m', async () => {
    const { batch, order, bag } = await startCart(h, c, p);
    const cd3 = await lot(h, c, p.materials.cd3);
    const lvv = await lot(h, c, p.materials.lvv);
    const cabinet = await unit(h, c, 'biosafety_cabinet');
    const first = await done(h, c.operator, batch.id, 0, { values: { bagTemperature: 9.5, labelMatches: true } });
    await done(h, c.operator, batch.id, 1, { values: { viability: 91.5 }, materialLots: [{ lotId: cd3.id, quantity: 2.5 }], equipment: [cabinet.id] });
    await done(h, c.operator, batch.id, 2, { values: { moi: 5 }, materialLots: [{ lotId: lvv.id, quantity: 1.2 }], witness: { username: c.operator2.username, password: TEST_PASSWORD } });

    const res = await h.request(c.qa, 'GET', `/api/v1/batches/${batch.id}/record.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`batch-record-${batch.batchNumber}.pdf`);
    const pages = renderPages(res.rawPayload);
    expect(renderPage(res.rawPayload).text).toBe(pages[0]!.text);
    const all = squeeze(pages.map((pg) => pg.text).join('\n'));
    pages.forEach((pg, i) => expect(squeeze(pg.text)).toContain(`Page ${i + 1} of ${pages.length}`));
    for (const title of ['Apheresis receipt check', 'T-cell activation', 'Lentiviral transduction', 'Cryopreservation']) expect(all).toContain(title);
    expect(all).toContain('Bag temperature 9.5 °C 2–8 °C OUT OF RANGE');
    expect(all).toContain('Viability 91.5 % 70–100 % Within');
    expect(all).toContain(`Test ${c.operator.username}`);
    expect(all).toContain(`Test ${c.operator2.username}`);
    expect(all).toMatch(/Performed \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\+08:00\) Valid/);
    expect(all).toContain('Witnessed');
    expect(all).toContain(first.deviations[0]!.number);
    expect(all).toContain(`MAT-CD3CD28 ${cd3.lotNumber} 2.5 mL`);
    expect(all).toContain(`MAT-LVV-GPC3 ${lvv.lotNumber} 1.2 mL`);
    expect(all).toContain(cabinet.code);
    expect(all).toContain(order.coi);
    expect(all).toContain(bag.din);
    expect(all).toContain('NOT PERFORMED');
    expect(all).not.toContain('测试'); // the patient's name never prints: only the subject code
  });

  it('answers 404 for an unknown batch and 403 for a role without batch access', async () => {
    expect((await h.request(c.qa, 'GET', `/api/v1/batches/${UNKNOWN}/record.pdf`)).statusCode).toBe(404);
    expect((await h.request(c.coordinator, 'GET', `/api/v1/batches/${UNKNOWN}/record.pdf`)).statusCode).toBe(403);
  });
});

describe('batch record PDF (renderer)', () => {
  const at = new Date('2026-11-25T06:30:00Z');
  const step = (index: number, done: boolean): RecordStep => ({
    index,
    title: `细胞扩增 Expansion day ${index}`,
    instructions: 'Feed the culture with fresh medium; 补充新鲜培养基。',
    status: done ? 'completed' : 'pending',
    requiredQualification: 'CELL-210',
    witness: false,
    fields: [{ label: 'Viable cells', type: 'number', unit: '×10⁶ cells/mL', range: '1–10 ×10⁶ cells/mL', value: done ? 3.2 : null, outOfRange: false }],
    materialLots: [],
    equipment: [],
    samples: [],
    performedBy: done ? '刘洋' : null,
    performedAt: done ? at : null,
    witnessedBy: null,
    signatures: done ? [{ printedName: '刘洋', signer: 'liuyang', meaning: 'Performed', at, valid: true }] : [],
  });
  const input: BatchRecordInput = {
    siteName: '北京肝病细胞与基因治疗中心',
    timeZone: 'Asia/Shanghai',
    printedAt: at,
    printedBy: 'Sun Li (QA)',
    batchNumber: 'B-2026-0042',
    status: 'in_progress',
    process: { code: 'UCMSC-EXP', version: 3, name: '脐带间充质干细胞扩增 UC-MSC expansion', product: 'UC-MSC (allogeneic)', productType: 'allogeneic' },
    room: { code: 'GMP-B01', name: 'Cell processing suite 1' },
    startedAt: at,
    startedBy: '刘洋',
    completedAt: null,
    patient: null,
    steps: Array.from({ length: 14 }, (_, i) => step(i + 1, i < 6)),
    outputLots: [],
    deviations: [],
  };

  it('prints Chinese text and flows a long record over several numbered pages, the same bytes every time', async () => {
    const pdf = await renderBatchRecord(input);
    const pages = renderPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    const all = squeeze(pages.map((pg) => pg.text).join('\n'));
    expect(all).toContain('脐带间充质干细胞扩增');
    expect(all).toContain('细胞扩增 Expansion day 14');
    expect(all).toContain('刘洋');
    expect(all).toContain('×10^6 cells/mL');
    expect(all).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(all).toContain('No deviation has been recorded against this batch.');
    expect(Buffer.compare(pdf, await renderBatchRecord(input))).toBe(0);
  });
});
