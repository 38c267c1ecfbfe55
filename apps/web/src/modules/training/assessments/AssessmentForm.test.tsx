// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse, renderWithApp } from '../../../test/render';
import { COURSE, LEARNER, TRAINER, mockTrainingApi, sentBodies, stubDocumentFonts } from '../test/fixtures';
import { AssessmentForm } from './AssessmentForm';
import { passes, readScore } from './passFail';

describe('pass or fail against the pass mark', () => {
  it('fails 79.9 and passes 80 for a pass mark of 80', () => {
    expect(passes(79.9, 80)).toBe(false);
    expect(passes(80, 80)).toBe(true);
    expect(passes(100, 100)).toBe(true);
  });

  it('reads only scores from 0 to 100', () => {
    expect(readScore('')).toBeNull();
    expect(readScore('79,9')).toBe(79.9);
    expect(readScore(101)).toBeNull();
    expect(readScore(-1)).toBeNull();
    expect(readScore(0)).toBe(0);
  });
});

describe('recording a theory score', () => {
  beforeAll(stubDocumentFonts);
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  async function typeScore(value: string) {
    fireEvent.change(screen.getByTestId('assessment-score'), { target: { value } });
  }

  it('shows the pass mark and computes pass or fail live before saving (79.9 fails, 80 passes)', async () => {
    const fetchMock = mockTrainingApi();
    renderWithApp(<AssessmentForm preset={{ learnerId: LEARNER.id, courseId: COURSE.id }} />, TRAINER);
    await waitFor(() => expect(screen.getByTestId('assessment-pass-mark').textContent).toBe('Pass mark: 80'));
    expect(screen.getByTestId('assessment-live').getAttribute('data-result')).toBe('');

    await typeScore('79.9');
    await waitFor(() => expect(screen.getByTestId('assessment-live').getAttribute('data-result')).toBe('fail'));
    expect(screen.getByTestId('assessment-live-result').textContent).toBe('Fail');

    await typeScore('80');
    await waitFor(() => expect(screen.getByTestId('assessment-live').getAttribute('data-result')).toBe('pass'));
    expect(screen.getByTestId('assessment-live-result').textContent).toBe('Pass');

    // Nothing was sent while typing.
    expect(sentBodies(fetchMock, 'POST', '/training/assessments')).toEqual([]);
  });

  it('saves the score as a theory assessment and shows the qualification with its certificate link', async () => {
    const fetchMock = mockTrainingApi({
      'POST /training/assessments': (body) =>
        jsonResponse(201, {
          id: 'a1',
          learnerId: LEARNER.id,
          learnerName: LEARNER.name,
          courseId: COURSE.id,
          courseCode: COURSE.code,
          kind: 'theory',
          score: 80,
          passed: true,
          passMark: 80,
          assessedAt: (body as { assessedAt: string }).assessedAt,
          assessor: 'Trainer One',
          notes: null,
          signatures: [],
          qualification: { id: 'q1', validUntil: '2028-06-01T01:00:00.000Z', certificateCode: 'ABCDEFGHJKLM' },
        }),
    });
    renderWithApp(<AssessmentForm preset={{ learnerId: LEARNER.id, courseId: COURSE.id, sessionId: 's1' }} />, TRAINER);
    await waitFor(() => expect(screen.getByTestId('assessment-pass-mark').textContent).toBe('Pass mark: 80'));
    await typeScore('80');
    await waitFor(() => expect((screen.getByTestId('assessment-submit') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('assessment-submit'));

    const result = await screen.findByTestId('assessment-result');
    expect(result.getAttribute('data-passed')).toBe('true');
    expect(screen.getByTestId('certificate-download').getAttribute('href')).toBe(
      '/api/v1/training/qualifications/q1/certificate.pdf',
    );
    const [sent] = sentBodies(fetchMock, 'POST', '/training/assessments');
    expect(sent).toMatchObject({ learnerId: 'l1', courseId: 'c1', sessionId: 's1', kind: 'theory', score: 80 });
    expect(sent).not.toHaveProperty('passed');
  });
});

describe('recording a practical assessment', () => {
  beforeAll(stubDocumentFonts);
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('saves pass or fail with the trainer signature (English meaning) and no score', async () => {
    const practical = { ...COURSE, id: 'c2', code: 'GOWN-201', practical: true, deliveryMode: 'practical' as const };
    const fetchMock = mockTrainingApi({
      'GET /training/courses': () => jsonResponse(200, { items: [practical] }),
      'POST /training/assessments': () =>
        jsonResponse(201, {
          id: 'a2',
          learnerId: LEARNER.id,
          learnerName: LEARNER.name,
          courseId: practical.id,
          courseCode: practical.code,
          kind: 'practical',
          score: null,
          passed: true,
          passMark: 80,
          assessedAt: '2026-06-01T02:00:00.000Z',
          assessor: 'Trainer One',
          notes: null,
          signatures: [],
          qualification: null,
        }),
    });
    renderWithApp(<AssessmentForm preset={{ learnerId: LEARNER.id, courseId: practical.id }} />, TRAINER);
    // A practical course opens on the practical kind: no score, a pass/fail choice.
    await waitFor(() => expect(screen.getByTestId('assessment-passed')).toBeTruthy());
    expect(screen.queryByTestId('assessment-score')).toBeNull();
    fireEvent.click(screen.getByLabelText('Pass'));
    fireEvent.click(screen.getByTestId('assessment-submit'));

    const meaning = (await screen.findByTestId('sign-meaning')) as HTMLSelectElement;
    expect(meaning.value).toBe('practicalAssessed');
    fireEvent.change(screen.getByTestId('sign-password'), { target: { value: 'Hepatica-Demo-2026' } });
    fireEvent.click(screen.getByTestId('sign-submit'));

    await screen.findByTestId('assessment-result');
    expect(sentBodies(fetchMock, 'POST', '/training/assessments')).toEqual([
      expect.objectContaining({
        kind: 'practical',
        passed: true,
        signature: { password: 'Hepatica-Demo-2026', meaning: 'Practical assessment performed and result confirmed' },
      }),
    ]);
    expect(sentBodies(fetchMock, 'POST', '/training/assessments')[0]).not.toHaveProperty('score');
  });
});
