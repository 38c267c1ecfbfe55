import { describe, expect, it } from 'vitest';
import type { Permission } from '../api/types';
import { allowedNav } from './nav';

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
});
