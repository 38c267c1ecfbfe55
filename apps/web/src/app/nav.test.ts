import { describe, expect, it } from 'vitest';
import type { Permission } from '../api/types';
import en from '../i18n/en.json';
import zhCN from '../i18n/zh-CN.json';
import { NAV_ITEMS, allowedNav } from './nav';

const paths = (perms: Permission[]) => allowedNav((p) => perms.includes(p)).map((i) => i.path);

describe('navigation per permission', () => {
  it('gives a trainee with only self "My training" and nothing of the academy', () => {
    expect(paths(['sites:read', 'self'])).toEqual(['/training/me']);
  });

  it('gives a trainer the training group and not "My training"', () => {
    const trainer = paths(['self', 'training:read', 'training:write', 'training:assess', 'training:dashboard']);
    expect(trainer).toContain('/training/dashboard');
    expect(trainer).toContain('/training/qualifications');
    expect(trainer).not.toContain('/training/me');
  });

  it('shows the dashboard only with training:dashboard', () => {
    expect(paths(['self', 'training:read'])).not.toContain('/training/dashboard');
  });

  it('gives an operator the manufacturing group and nothing of it without GMP permissions', () => {
    const gmp = [
      'batches:read',
      'processes:read',
      'materials:read',
      'equipment:read',
      'facility:read',
      'deviations:read',
    ];
    const operator = paths(['self', ...(gmp as Permission[])]).filter((p) => p.startsWith('/manufacturing/'));
    expect(operator).toEqual([
      '/manufacturing/batches',
      '/manufacturing/processes',
      '/manufacturing/materials',
      '/manufacturing/equipment',
      '/manufacturing/rooms',
    ]);
    expect(paths(['self', 'training:read']).some((p) => p.startsWith('/manufacturing/'))).toBe(false);
  });

  it('puts deviations in the quality group, the rest of it behind quality:read', () => {
    expect(paths(['self', 'deviations:read'])).toContain('/quality/deviations');
    expect(paths(['self', 'deviations:read']).some((p) => p.startsWith('/quality/capas'))).toBe(false);
    expect(paths(['self', 'deviations:read', 'quality:read']).filter((p) => p.startsWith('/quality/'))).toEqual([
      '/quality/overview',
      '/quality/deviations',
      '/quality/capas',
      '/quality/change-controls',
    ]);
  });

  it('puts the clinical screens in their group behind clinical:read', () => {
    expect(paths(['self', 'clinical:read']).filter((p) => p.startsWith('/clinical/'))).toEqual([
      '/clinical/studies',
      '/clinical/screening',
      '/clinical/visits',
      '/clinical/sae-clocks',
    ]);
    expect(paths(['self', 'studies:read']).some((p) => p.startsWith('/clinical/'))).toBe(false);
  });

  it('words the clinical group, its entries and their home-page hints in both languages', () => {
    const lookup = (tree: unknown, key: string): unknown =>
      key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
    const clinical = NAV_ITEMS.filter((i) => i.group === 'clinical');
    expect(clinical.length).toBe(4);
    for (const bundle of [en, zhCN]) {
      expect(typeof lookup(bundle, 'nav.clinical')).toBe('string');
      for (const item of clinical) {
        expect(typeof lookup(bundle, item.labelKey), item.labelKey).toBe('string');
        expect(typeof lookup(bundle, `${item.labelKey}Hint`), `${item.labelKey}Hint`).toBe('string');
      }
    }
  });
});
