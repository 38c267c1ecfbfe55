// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Permission } from '../../../api/types';
import i18n from '../../../i18n';
import { jsonResponse } from '../../../test/render';
import { BATCH, executionRoutes, mockApi, OPERATOR, renderAt, sent } from '../test/fixtures';
import { BatchExecutionPage } from './BatchExecutionPage';

const QA: Permission[] = ['batches:read', 'batches:abort', 'materials:read', 'equipment:read'];
const open = (permissions: Permission[]) =>
  renderAt(<BatchExecutionPage />, '/manufacturing/batches/:id', '/manufacturing/batches/b1', permissions);

/** Asks for the reason, continues to the signature and signs with the password. */
async function abortWith(reason: string) {
  fireEvent.click(await screen.findByTestId('batch-abort'));
  expect((await screen.findByTestId('abort-consequences')).textContent).toContain('CR-B-01');
  fireEvent.change(screen.getByTestId('abort-reason'), { target: { value: reason } });
  fireEvent.click(screen.getByTestId('abort-continue'));
  fireEvent.change(await screen.findByTestId('sign-password'), { target: { value: 'Hepatica-Demo-2026' } });
  fireEvent.click(screen.getByTestId('sign-submit'));
}

describe('aborting a batch', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('is not offered to an operator, who runs the step instead', async () => {
    mockApi(executionRoutes());
    open(OPERATOR);
    await screen.findByTestId('step-runner');
    expect(screen.queryByTestId('batch-abort')).toBeNull();
  });

  it('lets QA abort with a reason and the signature "Batch aborted", then shows the batch as aborted', async () => {
    let batch = BATCH;
    const fetchMock = mockApi(
      executionRoutes({
        'GET /batches/b1': () => jsonResponse(200, batch),
        'POST /batches/b1/abort': () => {
          batch = { ...BATCH, status: 'aborted', completedAt: '2026-11-25T03:00:00.000Z' };
          return jsonResponse(200, batch);
        },
      }),
    );
    open(QA);
    expect((await screen.findByTestId('batch-read-only')).textContent).toContain('Thaw and wash');
    await abortWith('  Glove tear in the grade A zone  ');

    expect(await screen.findByTestId('batch-aborted')).toBeTruthy();
    expect(sent(fetchMock, 'POST', '/batches/b1/abort')[0]?.body).toEqual({
      reason: 'Glove tear in the grade A zone',
      signature: { password: 'Hepatica-Demo-2026', meaning: 'Batch aborted' },
    });
    await waitFor(() => expect(screen.queryByTestId('batch-abort')).toBeNull());
    expect(screen.queryByTestId('batch-read-only')).toBeNull();
  });

  it('keeps the continue button disabled until a reason is typed', async () => {
    mockApi(executionRoutes());
    open(QA);
    fireEvent.click(await screen.findByTestId('batch-abort'));
    const next = await screen.findByTestId('abort-continue');
    expect(next.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByTestId('abort-reason'), { target: { value: '   ' } });
    expect(next.hasAttribute('disabled')).toBe(true);
  });

  it('words the refusal of a batch no longer in progress in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    mockApi(
      executionRoutes({
        'POST /batches/b1/abort': () =>
          jsonResponse(
            409,
            {
              status: 409,
              title: 'Conflict',
              detail: 'Batch B-2026-0001 is completed; only a batch in progress can be aborted.',
              code: 'batch.not_abortable',
              params: { batchNumber: 'B-2026-0001', status: 'completed' },
            },
            'application/problem+json',
          ),
      }),
    );
    open(QA);
    await abortWith('污染');
    const refusal = await screen.findByTestId('abort-error');
    expect(refusal.getAttribute('data-code')).toBe('batch.not_abortable');
    expect(screen.getByTestId('abort-error-text').textContent).toBe(
      '该批次已不在进行中（已完成或已中止）；只有进行中的批次可以中止。',
    );
    await waitFor(() => expect(screen.queryByTestId('sign-form')).toBeNull());
  });
});
