/**
 * The clinical module's translation files: every part has both languages with the same keys, Chinese in the
 * Chinese file, the same placeholders; each part writes only its own subtree (and `problems`), and no part
 * redefines a problem another part or the main bundle already words. Every literal `clinical.*` key the
 * module's sources pass to `t()` exists, so no raw key ever shows.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import mainEn from '../../../i18n/en.json';
import { clinicalParts, clinicalResources, registerClinicalTranslations, type Tree } from './index';

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const parts = clinicalParts();
const names = Object.keys(parts.en ?? {}).sort();

describe('clinical translations', () => {
  it('has an English and a Chinese file for every part', () => {
    expect(names).toEqual(expect.arrayContaining(['common', 'setup', 'screening', 'consent']));
    expect(Object.keys(parts['zh-CN'] ?? {}).sort()).toEqual(names);
  });

  it.each(names)('%s: zh-CN has every English key, no extra keys, the same placeholders, Chinese text', (part) => {
    const en = leaves(parts.en?.[part] ?? {});
    const zh = leaves(parts['zh-CN']?.[part] ?? {});
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    for (const [key, value] of en) expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(value));
    const withHan = [...zh.values()].filter((v) => /\p{Script=Han}/u.test(v));
    expect(withHan.length / Math.max(zh.size, 1)).toBeGreaterThan(0.9);
    const copied = [...en].filter(([k, v]) => zh.get(k) === v).map(([k]) => k);
    expect(copied.length / Math.max(en.size, 1)).toBeLessThan(0.05);
  });

  it.each(names)('%s writes only its own subtree and problems', (part) => {
    for (const lng of ['en', 'zh-CN']) {
      expect(Object.keys(parts[lng]?.[part] ?? {}).filter((k) => k !== 'problems' && k !== part)).toEqual([]);
    }
  });

  it('no problem code is worded twice (across parts or with the main bundle)', () => {
    const seen = new Map<string, string>();
    for (const k of leaves((mainEn as { problems: Tree }).problems).keys()) seen.set(k, 'main');
    for (const part of names) {
      const own = parts.en?.[part]?.problems;
      if (!own || typeof own === 'string') continue;
      for (const k of leaves(own).keys()) {
        expect(seen.get(k), `problems.${k} in ${part}`).toBeUndefined();
        seen.set(k, part);
      }
    }
  });

  it('adds the module under clinical and its problems beside the existing ones', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: mainEn }, 'zh-CN': { translation: {} } }, lng: 'en' });
    registerClinicalTranslations(i18n);
    expect(i18n.t('clinical.common.title')).toBe('Clinical studies');
    expect(i18n.exists('problems.ethics.expired')).toBe(true);
    // The main bundle's problems are still there after the deep merge.
    expect(i18n.t('problems.patient.mrn_taken', { mrn: 'X1' })).toContain('X1');
    expect(i18n.t('problems.ethics.expired', { lng: 'zh-CN', approvalNumber: 'EC-1', committee: 'C', expiresOn: 'D' })).toMatch(
      /EC-1/,
    );
  });

  const sources = import.meta.glob<string>('../**/*.tsx', { eager: true, query: '?raw', import: 'default' });
  const folders = [...new Set(Object.keys(sources).map((f) => f.split('/')[1] ?? ''))].sort();
  it.each(folders)('every literal clinical key used in %s exists in English', (folder) => {
    const en = leaves({ clinical: clinicalResources('en').clinical, ...(mainEn as Tree) });
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      if (file.split('/')[1] !== folder) continue;
      for (const m of text.matchAll(/['"`](clinical\.[a-zA-Z0-9_.]+[a-zA-Z0-9_])['"`]/g)) {
        const key = m[1] ?? '';
        if (!en.has(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
