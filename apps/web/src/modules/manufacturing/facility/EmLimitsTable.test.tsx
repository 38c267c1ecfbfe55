// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '../../../api/types';
import i18n from '../../../i18n';
import { jsonResponse } from '../../../test/render';
import type { EmLimit } from '../facility.types';
import { mockApi, renderAt } from '../test/fixtures';
import { EmLimitsPanel } from './EmLimitsTable';

const LIMIT: EmLimit = {
  id: 'l1',
  grade: 'B',
  parameter: 'settle_plate',
  occupancy: 'in_operation',
  alertLimit: 3,
  actionLimit: 5,
  unit: 'cfu/4 h',
  source: 'EU GMP Annex 1 (2022) Table 6',
};

const open = (permissions: Permission[]) => {
  mockApi({ 'GET /em/limits': () => jsonResponse(200, { items: [LIMIT] }) });
  return renderAt(<EmLimitsPanel />, '/manufacturing/rooms', '/manufacturing/rooms', permissions);
};

/** Limits decide what is an excursion: only QA (facility:limits) may change them. */
describe('EM limits panel', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows the limits read-only to operators and QC, who record samples (facility:write)', async () => {
    open(['facility:read', 'facility:write']);
    expect(await screen.findByTestId('em-limit-row')).toBeTruthy();
    expect(screen.queryByTestId('em-limit-edit')).toBeNull();
  });

  it('offers QA (facility:limits) to edit each limit', async () => {
    open(['facility:read', 'facility:write', 'facility:limits']);
    expect(await screen.findByTestId('em-limit-edit')).toBeTruthy();
  });
});
