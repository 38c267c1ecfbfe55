/** Timeline lines of the manufacturing, release and bedside kinds are worded from their details in both languages. */
import { afterAll, describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../api/types';
import i18n from '../../i18n';
import { timelineSummary } from './timelineText';

const item = (kind: string, details: Record<string, unknown>, summary = 'server English'): TimelineItem =>
  ({ at: '2026-11-26T03:00:00Z', kind, summary, details }) as TimelineItem;

describe('timelineSummary', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it.each([
    ['en', item('release', { decision: 'conditional_release', certifier: 'qp' }), 'QP decision: Conditional release, by qp'],
    ['zh-CN', item('release', { decision: 'conditional_release', certifier: 'qp' }), 'QP 决定：有条件放行，签署人 qp'],
    ['en', item('infusion', { carPositiveCells: 140_000_000, cellsPerKg: 2_000_000 }), 'Infused 140 × 10⁶ CAR+ cells (2 × 10⁶/kg)'],
    ['zh-CN', item('infusion', { carPositiveCells: 140_000_000, cellsPerKg: 2_000_000 }), '已回输 140 × 10⁶ 个 CAR 阳性细胞（2 × 10⁶ 个/kg）'],
    ['zh-CN', item('bedside_verification', { verifiedBy: 'nurse', secondVerifier: 'physician' }), 'nurse 与 physician 已核对腕带与产品标签'],
    ['zh-CN', item('manufacturing_started', { batchNumber: 'B-2026-0001', product: 'GPC3 CAR-T' }), '批次 B-2026-0001 开始生产（GPC3 CAR-T）'],
    ['zh-CN', item('temperature_excursion', { number: 'SHP-2026-0001', extremeC: -120, durationMinutes: 25 }), 'SHP-2026-0001 温度偏离：最高 -120 °C，持续 25 分钟'],
  ])('%s: %o', async (lang, it_, expected) => {
    await i18n.changeLanguage(lang);
    expect(timelineSummary(it_, i18n.t)).toBe(expected);
  });

  it("falls back to the server's text when a detail is missing", async () => {
    await i18n.changeLanguage('zh-CN');
    expect(timelineSummary(item('temperature_excursion', { extremeC: -120 }), i18n.t)).toBe('server English');
  });
});
