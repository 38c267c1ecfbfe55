import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const english = leaves(en as Tree);
const chinese = leaves(zhCN as Tree);
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('zh-CN has every English key and no extra keys', () => {
    expect([...english.keys()].filter((k) => !chinese.has(k))).toEqual([]);
    expect([...chinese.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('translates nearly every value (not copied English) and keeps placeholders', () => {
    const same = [...english].filter(([k, v]) => chinese.get(k) === v).map(([k]) => k);
    expect(same.length / english.size).toBeLessThan(0.05);
    for (const [key, value] of english) expect(placeholders(chinese.get(key) ?? ''), key).toEqual(placeholders(value));
  });

  it('uses Chinese characters in the Chinese file', () => {
    const withHan = [...chinese.values()].filter((v) => /\p{Script=Han}/u.test(v));
    expect(withHan.length / chinese.size).toBeGreaterThan(0.9);
  });
});
