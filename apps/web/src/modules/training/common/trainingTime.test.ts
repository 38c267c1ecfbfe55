import { describe, expect, it } from 'vitest';
import { addMonths, daysUntil, localDay, monthGrid } from './trainingTime';

describe('training calendar dates', () => {
  it('places an instant on its local day in the site zone', () => {
    // 17:30 UTC on 31 May is already 1 June in Shanghai.
    expect(localDay('2026-05-31T17:30:00.000Z', 'Asia/Shanghai')).toBe('2026-06-01');
    expect(localDay('2026-05-31T17:30:00.000Z', 'UTC')).toBe('2026-05-31');
  });

  it('builds Monday-first weeks covering the whole month', () => {
    const weeks = monthGrid('2026-02');
    expect(weeks[0]?.[0]).toBe('2026-01-26');
    expect(weeks.at(-1)?.at(-1)).toBe('2026-03-01');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid('2026-06')[0]?.[0]).toBe('2026-06-01');
  });

  it('steps months across the year and counts days left in the site zone', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(daysUntil('2026-06-30T16:00:00.000Z', 'Asia/Shanghai', new Date('2026-06-01T04:00:00.000Z'))).toBe(30);
  });
});
