// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/types';
import i18n from '../../i18n';
import { renderWithApp } from '../../test/render';
import { AuditTable } from './AuditTable';

const event = (action: string, entityType: string): AuditEvent => ({
  seq: 7,
  at: '2026-11-25T06:30:00Z',
  actor: 'nurse',
  action,
  entityType,
  entityId: 'c0ffee00-0000-4000-8000-000000000000',
  before: null,
  after: { din: 'A999926000001' },
  reason: null,
});

describe('AuditTable', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('names actions and records in the reader’s language and keeps the stored code beside them', async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithApp(
      <AuditTable items={[event('create', 'custody_event'), event('some_future_action', 'future_record')]} />,
    );
    const [known, unknown] = screen.getAllByTestId('audit-row');
    expect(known!.textContent).toContain('创建');
    expect(known!.textContent).toContain('保管事件');
    expect(known!.textContent).toContain('create');
    expect(known!.textContent).toContain('2026-11-25 14:30');
    // A code this version does not know yet is shown as stored rather than hidden.
    expect(unknown!.textContent).toContain('some_future_action');
    expect(unknown!.textContent).toContain('future_record');
  });
});
