/** Logged refusals read in the reader's language from their stored code, and in English otherwise. */
import { afterAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { exceptionText } from './exceptionText';

const DETAIL = 'STOP: the wristband and the product do not match — subject code A9999-000004 (expected A9999-000005).';
const wrongPatient = {
  detail: DETAIL,
  code: 'bedside.wrong_patient',
  params: { number: 'SHP-2026-0001', mismatches: 'subjectCode', scanned_subjectCode: 'A9999-000004', expected_subjectCode: 'A9999-000005' },
};

describe('exceptionText', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('words a bedside refusal in Chinese from its code and params', async () => {
    await i18n.changeLanguage('zh-CN');
    const text = exceptionText(wrongPatient, i18n);
    expect(text).toContain('A9999-000004');
    expect(text).toContain('A9999-000005');
    expect(text).toMatch(/^停止/);
  });

  it("keeps the server's English in English, and for exceptions logged without a code", async () => {
    await i18n.changeLanguage('en');
    expect(exceptionText(wrongPatient, i18n)).toBe(DETAIL);
    await i18n.changeLanguage('zh-CN');
    expect(exceptionText({ detail: DETAIL, code: null, params: null }, i18n)).toBe(DETAIL);
  });
});
