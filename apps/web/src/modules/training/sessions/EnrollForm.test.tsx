// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse, renderWithApp } from '../../../test/render';
import { LEARNER, SESSION, TRAINER, mockTrainingApi, sentBodies } from '../test/fixtures';
import { EnrollForm } from './EnrollForm';

const FULL = {
  type: 'urn:hepatica:problem:conflict',
  title: 'Conflict',
  status: 409,
  detail:
    'The GMP-101 session on 2026-06-01 09:00 is full (2 of 2 places taken). Add the learner to the waiting list instead.',
  code: 'training.session_full',
  params: { course: 'GMP-101', capacity: 2, taken: 2 },
};

async function chooseLearner() {
  const input = screen.getByTestId('enroll-learner');
  fireEvent.click(input);
  fireEvent.change(input, { target: { value: 'Li' } });
  fireEvent.click(await screen.findByRole('option', { name: /Li Wei/ }));
  await waitFor(() => expect((screen.getByTestId('enroll-submit') as HTMLButtonElement).disabled).toBe(false));
}

describe('enrolling in a full session', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows the 409 clearly with a one-click waiting-list action that posts { learnerId, waitlist: true }', async () => {
    let posts = 0;
    const fetchMock = mockTrainingApi({
      'POST /training/sessions/s1/enrollments': (body) => {
        posts += 1;
        if (!(body as { waitlist?: boolean }).waitlist) return jsonResponse(409, FULL, 'application/problem+json');
        return jsonResponse(201, {
          id: 'e1',
          sessionId: 's1',
          learnerId: LEARNER.id,
          learnerName: LEARNER.name,
          institution: LEARNER.institution,
          status: 'waitlisted',
          attended: null,
          createdAt: '2026-05-20T02:00:00.000Z',
        });
      },
    });
    renderWithApp(<EnrollForm session={SESSION} />, TRAINER);
    await chooseLearner();
    fireEvent.click(screen.getByTestId('enroll-submit'));

    const full = await screen.findByTestId('session-full');
    expect(full.textContent).toContain('This session is full');
    expect(full.textContent).toContain('is full (2 of 2 places taken)');
    expect(screen.queryByTestId('enroll-error')).toBeNull();

    fireEvent.click(within(full).getByTestId('enroll-waitlist'));
    await waitFor(() => expect(posts).toBe(2));
    expect(sentBodies(fetchMock, 'POST', '/training/sessions/s1/enrollments')).toEqual([
      { learnerId: 'l1' },
      { learnerId: 'l1', waitlist: true },
    ]);
    await waitFor(() => expect(screen.queryByTestId('session-full')).toBeNull());
  });

  it('words the full session in Chinese from the problem code', async () => {
    await i18n.changeLanguage('zh-CN');
    mockTrainingApi({
      'POST /training/sessions/s1/enrollments': () => jsonResponse(409, FULL, 'application/problem+json'),
    });
    renderWithApp(<EnrollForm session={SESSION} />, TRAINER);
    await chooseLearner();
    fireEvent.click(screen.getByTestId('enroll-submit'));
    const full = await screen.findByTestId('session-full');
    expect(full.textContent).toContain('本场次已满');
    expect(full.textContent).toContain('GMP-101 场次已满（2 个名额已全部报满）');
    expect(within(full).getByTestId('enroll-waitlist').textContent).toBe('加入候补名单');
    await i18n.changeLanguage('en');
  });

  it('shows any other conflict as a problem without the waiting-list action', async () => {
    mockTrainingApi({
      'POST /training/sessions/s1/enrollments': () =>
        jsonResponse(
          409,
          {
            ...FULL,
            code: 'training.prerequisite_missing',
            params: { code: 'GMP-100' },
            detail: 'Prerequisite GMP-100 missing.',
          },
          'application/problem+json',
        ),
    });
    renderWithApp(<EnrollForm session={SESSION} />, TRAINER);
    await chooseLearner();
    fireEvent.click(screen.getByTestId('enroll-submit'));
    const alert = await screen.findByTestId('enroll-error');
    expect(alert.textContent).toContain('GMP-100');
    expect(screen.queryByTestId('enroll-waitlist')).toBeNull();
  });
});
