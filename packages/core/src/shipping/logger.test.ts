/** Logger files and the wristband: what is read, and each malformed input named by its line. */
import { describe, expect, it } from 'vitest';
import { checkReadings, MAX_READINGS, parseLoggerCsv } from './logger';
import { formatWristbandData, readWristband } from './wristband';

describe('parseLoggerCsv', () => {
  it('reads comma, semicolon and tab separated files with any of the accepted headers', () => {
    for (const [header, sep] of [
      ['at,temperatureC', ','],
      ['Time;Temperature', ';'],
      ['timestamp\ttemp_c', '\t'],
    ] as const) {
      const csv = `\uFEFF${header}\r\n2026-05-01T08:00:00+08:00${sep}-180.5\r\n\r\n"2026-05-01T08:05:00+08:00"${sep}"-151"\r\n`;
      expect(parseLoggerCsv(csv)).toEqual({
        readings: [
          { at: '2026-05-01T08:00:00+08:00', temperatureC: -180.5 },
          { at: '2026-05-01T08:05:00+08:00', temperatureC: -151 },
        ],
        errors: [],
      });
    }
  });

  it('names the line of each bad row (the header is line 1)', () => {
    const csv =
      'at,temperatureC\n2026-05-01T08:00:00+08:00,-180\n2026-05-01 08:05,-180\n2026-05-01T08:10:00Z,cold\n2026-05-01T08:15:00Z,-300\n2026-05-01T08:20:00Z,';
    expect(parseLoggerCsv(csv).errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
  });

  it('refuses a file without a header, and a time given twice (by its line)', () => {
    expect(parseLoggerCsv('2026-05-01T08:00:00Z,-180').errors).toEqual([
      { line: 1, message: 'the first line must name the columns, e.g. "at,temperatureC"' },
    ]);
    const twice = parseLoggerCsv('at,temperatureC\n2026-05-01T08:00:00Z,-180\n\n2026-05-01T16:00:00+08:00,-181');
    expect(twice.errors).toEqual([{ line: 4, message: 'time 2026-05-01T16:00:00+08:00 appears twice' }]);
  });

  it('refuses an empty series and one longer than the limit', () => {
    expect(checkReadings([])[0]!.message).toMatch(/no readings/);
    const many = Array.from({ length: MAX_READINGS + 1 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      temperatureC: -180,
    }));
    expect(checkReadings(many)[0]!.message).toMatch(/at most 50000/);
    expect(checkReadings(many.slice(0, MAX_READINGS))).toEqual([]);
  });
});

describe('wristband', () => {
  it.each([
    ['A9999-000001', { ok: true, subjectCode: 'A9999-000001' }],
    [' a9999-000001\r\n', { ok: true, subjectCode: 'A9999-000001' }],
    [']C0A9999-000001', { ok: true, subjectCode: 'A9999-000001' }],
    ['', { ok: false, reason: 'empty' }],
    ['=A99992600000100', { ok: false, reason: 'product_barcode' }],
    ['&/CHA999926000001', { ok: false, reason: 'product_barcode' }],
    ['M123456', { ok: false, reason: 'not_wristband' }],
    ['A9999-00001', { ok: false, reason: 'not_wristband' }],
  ])('reads %j', (raw, expected) => {
    expect(readWristband(raw)).toEqual(expected);
  });

  it('prints only subject codes', () => {
    expect(formatWristbandData('A9999-000001')).toBe('A9999-000001');
    expect(() => formatWristbandData('张三')).toThrow(RangeError);
  });
});
