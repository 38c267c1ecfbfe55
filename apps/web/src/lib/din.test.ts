import { describe, expect, it } from 'vitest';
import { checkCharacter, dinParts, normalizeDinScan } from './din';

describe('normalizeDinScan', () => {
  it('strips = and the flags of a scanned data structure 001 (ICCBBA ST-001 example)', () => {
    expect(normalizeDinScan('=G12341765432100')).toEqual({ din: 'G123417654321' });
  });
  it('accepts a bare DIN, lower case and surrounding blanks', () => {
    expect(normalizeDinScan(' g123417654321 ')).toEqual({ din: 'G123417654321' });
  });
  it('accepts 14 characters when the last is the check character', () => {
    expect(normalizeDinScan('G123417654321A')).toEqual({ din: 'G123417654321' });
    expect(normalizeDinScan('G123417654321B')).toEqual({ din: 'G123417654321', error: 'check' });
  });
  it('strips an AIM symbology identifier', () => {
    expect(normalizeDinScan(']C0=G12341765432100').din).toBe('G123417654321');
  });
  it('flags malformed input', () => {
    expect(normalizeDinScan('hello').error).toBe('format');
  });
});

describe('checkCharacter', () => {
  it('computes ISO 7064 MOD 37-2 as in the ISBT 128 example', () => {
    expect(checkCharacter('G123417654321')).toBe('A');
  });
});

describe('dinParts', () => {
  it('splits FIN, year, sequence', () => {
    expect(dinParts('G123417654321')).toEqual({ fin: 'G1234', year: '17', sequence: '654321' });
  });
});
