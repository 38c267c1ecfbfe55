import { describe, expect, it } from 'vitest';
import { seededDemoCenter } from './demo.fixtures';
import { DEMO_PROCESSES } from './processes.seed';
import { demoSpecifications, QC_REVIEWER } from './qc.seed';

type Spec = { product: string; version: number; status: string; createdBy: string; tests: { code: string; criterion: string; lateResultAllowed: boolean; qualification?: string }[]; signatures: { signer: string; valid: boolean }[] };

/** The demo center's specifications are effective, approved by another QA person, and both analysts may test and review. */
describe('demo QC seed', () => {
  const as = seededDemoCenter();

  it('has one effective, signed specification for each demo product but the short demonstration process', async () => {
    const get = await as('qc');
    const specs = (await get('/api/v1/specifications?status=effective')).json<{ items: Spec[] }>().items;
    const products = DEMO_PROCESSES.filter((p) => p.code !== 'DEMO-SHORT').map((p) => p.product).sort();
    expect(specs.map((s) => s.product).sort()).toEqual(products);
    for (const s of specs) {
      expect(s.createdBy).toBe('qa');
      expect(s.signatures).toMatchObject([{ signer: 'qahead', valid: true }]);
    }
    const cart = specs.find((s) => s.product === DEMO_PROCESSES.find((p) => p.code === 'CART-GPC3')!.product)!;
    expect(cart.tests.find((t) => t.code === 'VIAB')!.criterion).toBe('≥ 70 %');
    expect(cart.tests.find((t) => t.code === 'VCN')!.criterion).toBe('≤ 5 copies/cell');
    expect(cart.tests.find((t) => t.code === 'ENDOTOXIN')!.criterion).toBe('< 0.5 EU/mL');
    expect(cart.tests.filter((t) => t.lateResultAllowed).map((t) => t.code)).toEqual(['STERILITY']);
    const msc = specs.find((s) => s.product === DEMO_PROCESSES.find((p) => p.code === 'UCMSC')!.product)!;
    expect(msc.tests.filter((t) => ['CD73', 'CD90', 'CD105'].includes(t.code)).map((t) => t.criterion)).toEqual(['≥ 95 %', '≥ 95 %', '≥ 95 %']);
    expect(msc.tests.find((t) => t.code === 'NEG-MARKERS')!.criterion).toBe('≤ 2 %');
  });

  it('qualifies both demo analysts for every course a specification test names', async () => {
    const courses = [...new Set(demoSpecifications().flatMap((s) => s.tests.flatMap((t) => (t.qualification ? [t.qualification] : []))))];
    const get = await as('qa');
    for (const username of ['qc', QC_REVIEWER.username]) {
      const users = (await get('/api/v1/users')).json<{ items: { id: string; username: string }[] }>().items;
      const id = users.find((u) => u.username === username)!.id;
      const held = (await get(`/api/v1/training/qualifications?userId=${id}`)).json<{ items: { courseCode: string; effectiveStatus: string }[] }>().items;
      for (const code of courses) expect(held.some((q) => q.courseCode === code && q.effectiveStatus === 'valid'), `${username} ${code}`).toBe(true);
    }
  });
});
