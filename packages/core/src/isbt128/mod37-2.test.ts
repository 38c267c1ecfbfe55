import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Isbt128Error } from './errors';
import {
  MOD37_2_ALPHABET,
  characterForValue,
  characterValue,
  checkCharacterValue,
  computeCheckCharacter,
  verifyCheckCharacter,
} from './mod37-2';

/**
 * Independent reference: the weighted-sum definition as ST-001 Appendix A.1 (steps 1–6) and the
 * UK Red Book Annex 2 spell it out — each value × 2^n, n = position from the right starting at 1,
 * sum, mod 37, subtract from 38, mod 37. BigInt, so long strings cannot overflow. The code under
 * test uses the recursive (Horner) form instead.
 */
function referenceWeightedSum(data: string): bigint {
  return [...data].reduce(
    (sum, character, index) => sum + BigInt(MOD37_2_ALPHABET.indexOf(character)) * 2n ** BigInt(data.length - index),
    0n,
  );
}
function referenceCheckValue(data: string): number {
  return Number((38n - (referenceWeightedSum(data) % 37n)) % 37n);
}
/** ISO/IEC 7064 pure systems: data + check character, weighted r^(i-1) from the right, is ≡ 1 (mod 37). */
function satisfiesIso7064(dataWithCheck: string): boolean {
  const data = dataWithCheck.slice(0, -1);
  const check = BigInt(MOD37_2_ALPHABET.indexOf(dataWithCheck.slice(-1)));
  return (referenceWeightedSum(data) + check) % 37n === 1n;
}

const DATA_ALPHABET = MOD37_2_ALPHABET.slice(0, 36); // '*' is a check character only
const dataString = (maxLength: number) =>
  fc.array(fc.constantFrom(...DATA_ALPHABET), { minLength: 1, maxLength }).map((chars) => chars.join(''));

describe('MOD 37-2 worked examples with intermediate values', () => {
  // Each row: a published worked example giving the weighted sum (step 3), checksum and K.
  it.each([
    // ICCBBA ST-001 v6.2.2 Appendix A.1 "Example of Calculation": sum 146178, mod 28, checksum 10, K = A.
    { din: 'G123417654321', weightedSum: 146178n, checksum: 10, k: 'A', source: 'ST-001 v6.2.2 Appendix A.1' },
    // JPAC UK Red Book, Annex 2 Table A2.2: sum 148354, mod 21, checksum 17, eye-readable H, flags 77.
    { din: 'G123498654321', weightedSum: 148354n, checksum: 17, k: 'H', source: 'UK Red Book Annex 2, Table A2.2' },
  ])('$din → $k ($source)', ({ din, weightedSum, checksum, k }) => {
    expect(referenceWeightedSum(din)).toBe(weightedSum);
    expect(checkCharacterValue(din)).toBe(checksum);
    expect(computeCheckCharacter(din)).toBe(k);
  });
});

describe('DIN check characters printed on ICCBBA example labels', () => {
  // DIN text as printed with its boxed check character in ICCBBA ST-001 v6.2.2 (April 2023).
  it.each([
    { din: 'A999921123456', k: '3', source: 'ST-001 §2.4.1 Figure 2 (A9999 21 123456 01 3)' },
    { din: 'W000009123456', k: 'G', source: 'ST-001 §7.4.1 (W0000 09 123456 02 G)' },
    { din: 'A999818123456', k: 'N', source: 'ST-001 §7.5.1.1 (A9998 18 123456 … N)' },
    { din: 'A999820123456', k: 'E', source: 'ST-001 Appendix C Figure 20, blood label' },
    { din: 'A999917123456', k: '9', source: 'ST-001 Appendix C Figure 21, tissue labels 1 and 3' },
    { din: 'A999917123654', k: 'Y', source: 'ST-001 Appendix C Figure 21, tissue label 4' },
    { din: 'A999917345628', k: '*', source: 'ST-001 Appendix C Figure 22, cornea label' },
    { din: 'A999917345658', k: 'O', source: 'ST-001 Appendix C Figure 22, sclera label' },
    { din: 'A999915000001', k: 'M', source: 'ST-001 Appendix C Figure 23, milk label (flags 25)' },
    { din: 'A999918000001', k: '8', source: 'ST-001 Appendix C Figure 23, milk label (flags 25)' },
  ])('$din → $k ($source)', ({ din, k }) => {
    expect(computeCheckCharacter(din)).toBe(k);
    expect(referenceCheckValue(din)).toBe(characterValue(k));
    expect(verifyCheckCharacter(din, k)).toBe(true);
  });
});

describe('character values (ST-001 Table 35 [RT035])', () => {
  it.each([
    ['0', 0],
    ['9', 9],
    ['A', 10],
    ['G', 16],
    ['O', 24],
    ['Z', 35],
    ['*', 36],
  ] as const)('%s ↔ %i', (character, value) => {
    expect(characterValue(character)).toBe(value);
    expect(characterForValue(value)).toBe(character);
  });

  it.each(['a', '-', '', 'AB'])('rejects %j', (character) => {
    expect(() => characterValue(character)).toThrow(Isbt128Error);
  });

  it.each([-1, 37, 1.5])('rejects check value %d', (value) => {
    expect(() => characterForValue(value)).toThrow(Isbt128Error);
  });
});

describe('malformed data', () => {
  it.each([
    { data: '', code: 'empty' },
    { data: 'g123417654321', code: 'lowercase' },
    { data: 'G1234-17654321', code: 'invalid_character' },
    { data: 'G12341765432*', code: 'invalid_character' }, // '*' is never data
    { data: 'G1234 17654321', code: 'invalid_character' },
  ])('$data → $code', ({ data, code }) => {
    expect(() => computeCheckCharacter(data)).toThrow(expect.objectContaining({ code }));
  });
});

describe('properties', () => {
  it('agrees with the weighted-sum reference for any data up to 80 characters', () => {
    fc.assert(
      fc.property(dataString(80), (data) => {
        expect(checkCharacterValue(data)).toBe(referenceCheckValue(data));
      }),
    );
  });

  it('data + K always satisfies the ISO/IEC 7064 congruence (≡ 1 mod 37)', () => {
    fc.assert(fc.property(dataString(40), (data) => satisfiesIso7064(data + computeCheckCharacter(data))));
  });

  it('detects every single-character substitution, in the data or in K', () => {
    fc.assert(
      fc.property(dataString(30), fc.nat(), fc.nat(), (data, at, shift) => {
        const full = data + computeCheckCharacter(data);
        const position = at % full.length;
        const isCheck = position === full.length - 1;
        const alphabet = isCheck ? MOD37_2_ALPHABET : DATA_ALPHABET;
        const original = full.charAt(position);
        const replacement = alphabet.charAt(
          (alphabet.indexOf(original) + 1 + (shift % (alphabet.length - 1))) % alphabet.length,
        );
        const changed = full.slice(0, position) + replacement + full.slice(position + 1);
        expect(replacement).not.toBe(original);
        expect(verifyCheckCharacter(changed.slice(0, -1), changed.slice(-1))).toBe(false);
      }),
    );
  });

  it('detects every transposition of two different adjacent data characters', () => {
    fc.assert(
      fc.property(dataString(30), fc.nat(), (data, at) => {
        fc.pre(data.length >= 2);
        const position = at % (data.length - 1);
        const [a, b] = [data.charAt(position), data.charAt(position + 1)];
        fc.pre(a !== b);
        const swapped = data.slice(0, position) + b + a + data.slice(position + 2);
        expect(verifyCheckCharacter(swapped, computeCheckCharacter(data))).toBe(false);
      }),
    );
  });
});
