import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDin } from './din';
import { checkFlags, describeFlags, type3Flags } from './flags';
import { computeCheckCharacter } from './mod37-2';
import { arbitraryDinParts } from './test-arbitraries';

describe('describeFlags (ST-001 v6.2.2 Table 3 [RT004])', () => {
  it.each([
    { flags: '00', type: 'none', checkCharacter: undefined },
    { flags: '01', type: 'type1', checkCharacter: undefined }, // Container 1 of a set
    { flags: '07', type: 'type1', checkCharacter: undefined }, // Test tube label
    { flags: '19', type: 'type1', checkCharacter: undefined }, // Container 9 of a set
    { flags: '14', type: 'reserved', checkCharacter: undefined }, // reserved for future assignment
    { flags: '20', type: 'type2', checkCharacter: undefined }, // 20–59 local
    { flags: '25', type: 'type2', checkCharacter: undefined }, // used on ST-001 Appendix C Figure 23
    { flags: '59', type: 'type2', checkCharacter: undefined },
    { flags: '60', type: 'type3', checkCharacter: '0' }, // 60 + checksum 0
    { flags: '70', type: 'type3', checkCharacter: 'A' }, // ST-001 Appendix A.2
    { flags: '77', type: 'type3', checkCharacter: 'H' }, // UK Red Book Annex 2
    { flags: '96', type: 'type3', checkCharacter: '*' }, // 60 + checksum 36
    { flags: '97', type: 'reserved', checkCharacter: undefined }, // 97–99 reserved
    { flags: 'A1', type: 'reserved', checkCharacter: undefined }, // alphanumeric values reserved
  ])('$flags is $type', ({ flags, type, checkCharacter }) => {
    const description = describeFlags(flags);
    expect(description.type).toBe(type);
    expect(description.checkCharacter).toBe(checkCharacter);
  });

  it('gives the ICCBBA meaning of Type 1 flags', () => {
    expect(describeFlags('01').meaning).toBe('Container 1 of a set');
  });

  // ST-001 §2.4.1: ff is {0–9} or {A–H, J–N, P, R–Y}.
  it.each([
    { flags: '0I', code: 'invalid_character' },
    { flags: 'O0', code: 'invalid_character' },
    { flags: '0Q', code: 'invalid_character' },
    { flags: 'Z0', code: 'invalid_character' },
    { flags: 'a0', code: 'lowercase' },
    { flags: '0', code: 'wrong_length' },
    { flags: '000', code: 'wrong_length' },
  ])('refuses $flags ($code)', ({ flags, code }) => {
    expect(() => describeFlags(flags)).toThrow(expect.objectContaining({ code }));
  });
});

describe('type3Flags', () => {
  it.each([
    { din: 'G123417654321', flags: '70' }, // ST-001 v6.2.2 Appendix A.2
    { din: 'G123498654321', flags: '77' }, // UK Red Book Annex 2, Table A2.2
  ])('$din → $flags', ({ din, flags }) => {
    expect(type3Flags(din)).toBe(flags);
  });
});

describe('checkFlags', () => {
  it('explains a Type 3 flag that disagrees with the DIN', () => {
    const problem = checkFlags('67', 'G123417654321', 'A');
    expect(problem?.code).toBe('type3_flag_mismatch');
    expect(problem?.message).toMatch(/^Type 3 flag 67 says check character 7 but the DIN's check character is A/);
  });

  it('accepts Type 1 and Type 2 flags whatever the DIN', () => {
    expect(checkFlags('01', 'G123417654321', 'A')).toBeNull();
    expect(checkFlags('25', 'G123417654321', 'A')).toBeNull();
  });

  it('property: exactly one Type 3 value (60 + checksum) is accepted for any DIN', () => {
    fc.assert(
      fc.property(arbitraryDinParts, fc.integer({ min: 60, max: 96 }), (parts, flagValue) => {
        const din = formatDin(parts);
        const flags = String(flagValue);
        const problem = checkFlags(flags, din, computeCheckCharacter(din));
        expect(problem === null).toBe(flags === type3Flags(din));
      }),
    );
  });
});
