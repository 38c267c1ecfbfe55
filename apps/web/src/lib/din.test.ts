import { describe, expect, it } from 'vitest';
import { dinParts, normalizeDinScan } from './din';

describe('normalizeDinScan', () => {
  it('strips = and the flags of a scanned data structure 001 (ICCBBA ST-001 example)', () => {
    expect(normalizeDinScan('=G12341765432100')).toEqual({ din: 'G123417654321' });
  });
  it('accepts a bare DIN (marked bare), lower case and surrounding blanks', () => {
    expect(normalizeDinScan(' g123417654321 ')).toEqual({ din: 'G123417654321', bare: true });
  });
  it('accepts 14 characters when the last is the check character', () => {
    expect(normalizeDinScan('G123417654321A')).toEqual({ din: 'G123417654321' });
    expect(normalizeDinScan('G123417654321B').error).toBe('check');
  });
  it("reads the DIN part of a DataMatrix compound message (ICCBBA ST-012 §6.2, Data Matrix symbol 1)", () => {
    const st012Symbol1 = '=+05000=Z54991712345600=%T300=<T0416003&>0183652359&,4PL001499Z549917123456A00T041600320181231';
    expect(normalizeDinScan(st012Symbol1)).toEqual({ din: 'Z549917123456' });
  });
  it('strips an AIM symbology identifier', () => {
    expect(normalizeDinScan(']C0=G12341765432100').din).toBe('G123417654321');
  });
  it('tells a different bar code from a DIN, and flags malformed input', () => {
    expect(normalizeDinScan('&/CHA999926000001').error).toBe('notDin');
    expect(normalizeDinScan('hello').error).toBe('format');
  });
});

describe('dinParts', () => {
  it('splits FIN, year, sequence', () => {
    expect(dinParts('G123417654321')).toEqual({ fin: 'G1234', year: '17', sequence: '654321' });
  });
});
