/**
 * Certificates of analysis: issued with the release from reviewed results only, rendered to pixels
 * and read back; amended as version n+1 with a reason when the results change, earlier versions still
 * retrievable; bad input and roles on every CoA route. The renderer alone prints Chinese, the same
 * bytes for the same version.
 */
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../test/barcodes';
import type { Harness } from '../../test/harness';
import { UNKNOWN, type Plant } from '../batches/batches.fixtures';
import type { CoaContent } from './coa.content';
import { renderCoa } from './coa.pdf';
import { certify, completedCart, conformingResults, result, review, sig, withReleasePlant, type ReleaseCrew } from './release.fixtures';

/** All pages' text squeezed to single spaces, and the first page as PNG. */
function read(pdf: Buffer): { text: string; pages: number; png: Uint8Array } {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const pages = doc.countPages();
  const text = Array.from({ length: pages }, (_, i) => doc.loadPage(i).toStructuredText('preserve-whitespace').asText()).join('\n');
  return { text: text.replace(/\s+/g, ' '), pages, png: renderPage(pdf, 100).png };
}

describe('certificate of analysis', () => {
  let h: Harness;
  let c: ReleaseCrew;
  let p: Plant;
  withReleasePlant((world) => {
    ({ h, c, p } = world);
  });

  const pdf = (batchId: string, query = '', user = c.qa) => h.request(user, 'GET', `/api/v1/batches/${batchId}/coa.pdf${query}`);
  const amend = (batchId: string, body: unknown, user = c.qa) => h.request(user, 'POST', `/api/v1/batches/${batchId}/coa/amendments`, body);

  it('is issued at conditional release from reviewed results, amended with a reason when the late result arrives', async () => {
    const { batch } = await completedCart(h, c, p);
    expect((await pdf(batch.id)).json<{ code: string }>().code).toBe('release.coa_not_issued');
    await conformingResults(h, c, batch.id);
    await review(h, c.qa, batch.id);
    expect((await certify(h, c.qp, batch.id, { decision: 'conditional_release', treatingPhysicianId: c.physician.id })).statusCode).toBe(201);

    const v1 = await pdf(batch.id);
    expect(v1.statusCode).toBe(200);
    expect(v1.headers['content-type']).toBe('application/pdf');
    expect(v1.headers['content-disposition']).toContain(`coa-${batch.batchNumber}-v1.pdf`);
    const first = read(v1.rawPayload);
    expect(first.png.length).toBeGreaterThan(10_000);
    expect(first.text).toContain('CERTIFICATE OF ANALYSIS');
    expect(first.text).toContain('VERSION 1');
    expect(first.text).toContain(batch.batchNumber);
    expect(first.text).toContain('Test autologous product version 1');
    expect(first.text).toContain(batch.din!);
    // The expiry the QP certified: end of manufacture + 270 days, in the site's time zone.
    const expiry = new Date(Date.parse(batch.completedAt!) + 270 * 86_400_000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(expiry);
    expect(first.text).toContain(`EXPIRY ${local} (UTC+08:00)`);
    expect(first.text).toContain('VIAB Viability Flow cytometry, 7-AAD exclusion ≥ 70 % 91.2 % Conforms');
    expect(first.text).toContain('VCN Vector copy number ddPCR ≤ 5 copies/cell 2.1 copies/cell Conforms');
    expect(first.text).toContain('STERILITY Sterility (14 days) Ph. Eur. 2.6.1 Pass — Pending');
    expect(first.text).toContain('Conditionally released (results pending)');
    expect(first.text).toContain('Released before these results: STERILITY');
    expect(first.text).toContain(`Test ${c.qa.username} (${c.qa.username}) Reviewed batch record`);
    expect(first.text).toContain(`Test ${c.qp.username} (${c.qp.username}) Certified for conditional release`);
    expect(first.text).toContain(`Page 1 of ${first.pages}`);

    // Nothing has changed yet: an amendment is refused.
    const unchanged = await amend(batch.id, { reason: 'Sterility result', signature: sig() });
    expect(unchanged.statusCode).toBe(409);
    expect(unchanged.json<{ code: string }>().code).toBe('release.coa_unchanged');

    // A result awaiting its second analyst is not certified: still unchanged.
    const entered = await h.request(c.analyst, 'POST', `/api/v1/batches/${batch.id}/qc-results`, { testCode: 'STERILITY', value: 'fail', signature: sig('Performed') });
    expect(entered.statusCode).toBe(201);
    expect((await amend(batch.id, { reason: 'Sterility result', signature: sig() })).statusCode).toBe(409);
    const reviewed = await h.request(c.analyst2, 'POST', `/api/v1/batches/${batch.id}/qc-results/${entered.json<{ id: string }>().id}/review`, { signature: sig('Reviewed') });
    expect(reviewed.statusCode).toBe(200);

    const versions = async () => (await h.request(c.physician, 'GET', `/api/v1/batches/${batch.id}/coa`)).json<{ items: { version: number; outdated: boolean }[] }>().items;
    expect(await versions()).toMatchObject([{ version: 1, outdated: true }]);
    const amended = await amend(batch.id, { reason: '14-day sterility result reviewed', signature: sig('Amended') }, c.qp);
    expect(amended.statusCode, amended.body).toBe(201);
    expect(amended.json()).toMatchObject({ version: 2, reason: '14-day sterility result reviewed' });
    expect(await versions()).toMatchObject([{ version: 1, outdated: true }, { version: 2, outdated: false }]);

    const second = read((await pdf(batch.id)).rawPayload);
    expect(second.text).toContain('VERSION 2');
    expect(second.text).toContain('Amended: 14-day sterility result reviewed');
    expect(second.text).toContain('STERILITY Sterility (14 days) Ph. Eur. 2.6.1 Pass Fail DOES NOT CONFORM');
    expect(second.text).toContain(`Test ${c.qp.username} (${c.qp.username}) Amended`);
    expect(second.text).toMatch(/1 \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC\+08:00\) Test \S+ Issued at conditional release/);
    // Version 1 is still retrievable as it was issued.
    const again = read((await pdf(batch.id, '?version=1')).rawPayload);
    expect(again.text).toContain('STERILITY Sterility (14 days) Ph. Eur. 2.6.1 Pass — Pending');
    expect(again.text).not.toContain('DOES NOT CONFORM');
  });

  it('answers bad input with 400, unknown versions and batches with 404, other roles with 403', async () => {
    const { batch } = await completedCart(h, c, p);
    await conformingResults(h, c, batch.id);
    await result(h, c, batch.id, 'STERILITY', 'pass');
    await review(h, c.qa, batch.id);
    expect((await certify(h, c.qp, batch.id, { decision: 'release' })).statusCode).toBe(201);
    expect((await pdf(batch.id, '?version=0')).statusCode).toBe(400);
    expect((await pdf(batch.id, '?version=two')).statusCode).toBe(400);
    expect((await pdf(batch.id, '?version=7')).statusCode).toBe(404);
    expect((await pdf(UNKNOWN)).statusCode).toBe(404);
    expect((await h.request(c.qa, 'GET', `/api/v1/batches/${UNKNOWN}/coa`)).statusCode).toBe(404);
    for (const body of [{}, { reason: '', signature: sig() }, { reason: 'x' }]) expect((await amend(batch.id, body)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await amend(UNKNOWN, { reason: 'x', signature: sig() })).statusCode).toBe(404);
    for (const user of [c.nurse, c.physician, c.director]) expect((await pdf(batch.id, '', user)).statusCode).toBe(200);
    for (const user of [c.operator, c.coordinator]) expect((await pdf(batch.id, '', user)).statusCode).toBe(403);
    for (const user of [c.operator, c.analyst, c.physician, c.director]) expect((await amend(batch.id, { reason: 'x', signature: sig() }, user)).statusCode).toBe(403);
  });
});

describe('certificate of analysis (renderer)', () => {
  const content: CoaContent = {
    siteName: '北京肝病细胞与基因治疗中心',
    timeZone: 'Asia/Shanghai',
    batch: { batchNumber: 'B-2026-0042', product: '脐带间充质干细胞 UC-MSC', productType: 'allogeneic', process: 'UCMSC-EXP v3', din: 'A999926000042', coi: null, subjectCode: null, completedAt: '2026-11-25T06:30:00.000Z' },
    specification: { product: '脐带间充质干细胞 UC-MSC', version: 2 },
    tests: [{ code: 'KARYO', name: '核型 Karyotype', method: 'G-banding', criterion: '46,XX or 46,XY', result: '46,XY', conformity: 'conforms', retest: false, testedBy: 'a', reviewedBy: 'b', reviewedAt: '2026-11-26T06:30:00.000Z' }],
    review: { reviewer: '孙丽', at: '2026-11-27T06:30:00.000Z', signatures: [{ printedName: '孙丽', signer: 'sunli', meaning: 'Reviewed batch record', at: '2026-11-27T06:30:00.000Z' }] },
    decisions: [{ decision: 'release', certifier: '王强', at: '2026-11-28T06:30:00.000Z', pendingTests: [], exceptional: null, signatures: [{ printedName: '王强', signer: 'wangqiang', meaning: 'Certified for release', at: '2026-11-28T06:30:00.000Z' }] }],
  };
  const issue = { version: 1, reason: 'Issued at release', issuedAt: new Date('2026-11-28T06:30:00Z'), issuedBy: '王强', signatures: [], history: [{ version: 1, reason: 'Issued at release', issuedAt: new Date('2026-11-28T06:30:00Z'), issuedBy: '王强' }] };

  it('prints Chinese names and times in the site zone, the same bytes every time', async () => {
    const buffer = await renderCoa(content, issue);
    const { text } = read(buffer);
    expect(text).toContain('脐带间充质干细胞 UC-MSC');
    expect(text).toContain('KARYO 核型 Karyotype G-banding 46,XX or 46,XY 46,XY Conforms');
    expect(text).toContain('孙丽 (sunli) Reviewed batch record 2026-11-27 14:30 (UTC+08:00)');
    expect(text).toContain('Released by 王强, 2026-11-28 14:30 (UTC+08:00)');
    expect(Buffer.compare(buffer, await renderCoa(content, issue))).toBe(0);
  });
});
