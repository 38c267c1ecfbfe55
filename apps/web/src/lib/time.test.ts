import { describe, expect, it } from 'vitest';
import { dayBoundaryIso, formatDateTime, localInputToIso, nowLocalInput } from './time';

describe('site time zone helpers', () => {
  it('formats UTC in the site zone with the zone name', () => {
    expect(formatDateTime('2026-11-25T06:30:00Z', 'Asia/Shanghai')).toBe('2026-11-25 14:30 (Asia/Shanghai)');
  });
  it('reads a datetime-local value as site wall-clock time', () => {
    expect(localInputToIso('2026-11-25T14:30', 'Asia/Shanghai')).toBe('2026-11-25T06:30:00.000Z');
    expect(localInputToIso('nonsense', 'Asia/Shanghai')).toBeNull();
  });
  it('gives now in the site zone for inputs', () => {
    expect(nowLocalInput('Asia/Shanghai', new Date('2026-11-25T20:00:00Z'))).toBe('2026-11-26T04:00');
  });
  it('gives day boundaries in the site zone', () => {
    expect(dayBoundaryIso('2026-11-25', 'Asia/Shanghai')).toBe('2026-11-24T16:00:00.000Z');
    expect(dayBoundaryIso('2026-11-25', 'Asia/Shanghai', true)).toBe('2026-11-25T15:59:59.999Z');
  });
});
