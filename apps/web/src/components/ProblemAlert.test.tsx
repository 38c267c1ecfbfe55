// @vitest-environment happy-dom
import { TextInput } from '@mantine/core';
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiProblem, type ProblemBody } from '../api/client';
import i18n from '../i18n';
import { renderWithApp } from '../test/render';
import { ProblemAlert, fieldError } from './ProblemAlert';

const MISMATCH: ProblemBody = {
  type: 'urn:hepatica:problem:conflict',
  title: 'Conflict',
  status: 409,
  detail:
    'The scanned bag (DIN A999926000002) is not the bag being recorded (DIN A999926000001). Nothing was recorded; check that you hold the right bag. This mismatch has been logged.',
  requestId: 'req-1',
  code: 'custody.scan_mismatch',
  params: { din: 'A999926000001', scannedDin: 'A999926000002' },
};

const TOO_LONG: ProblemBody = {
  type: 'urn:hepatica:problem:validation',
  title: 'Invalid request',
  status: 400,
  detail: 'Please correct: body.location: Must be at most 200 characters.',
  requestId: 'req-2',
  code: 'validation',
  errors: [{ path: 'body.location', message: 'Must be at most 200 characters', code: 'too_big' }],
};

function problem(body: ProblemBody): ApiProblem {
  return new ApiProblem(body.status ?? 500, body);
}

/** A form input showing its field error the way the forms do. */
function Location({ error }: { error: unknown }) {
  return <TextInput label="Location" error={fieldError(error, 'location')} data-testid="location" />;
}

describe('ProblemAlert in Simplified Chinese', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('words a known problem code in Chinese with its parameters and keeps the English as tooltip', () => {
    renderWithApp(<ProblemAlert error={problem(MISMATCH)} />);
    const alert = screen.getByTestId('problem-alert');
    expect(alert.textContent).toContain(
      '扫描的血袋（DIN A999926000002）不是正在记录的血袋（DIN A999926000001）。本次未记录任何内容',
    );
    expect(alert.textContent).toContain('操作冲突');
    expect(alert.textContent).not.toContain('Nothing was recorded');
    expect(screen.getByTitle(MISMATCH.detail!)).toBeTruthy();
  });

  it('falls back to the English detail when the code has no translation', () => {
    const detail = 'Something new the web app does not know yet.';
    renderWithApp(<ProblemAlert error={problem({ ...MISMATCH, code: 'custody.brand_new', detail })} />);
    expect(screen.getByTestId('problem-alert').textContent).toContain(detail);
  });

  it('falls back to the English detail when a parameter the translation needs is missing', () => {
    renderWithApp(<ProblemAlert error={problem({ ...MISMATCH, params: { din: 'A999926000001' } })} />);
    expect(screen.getByTestId('problem-alert').textContent).toContain(MISMATCH.detail);
  });

  it('gives a field error the generic Chinese text of its Zod code, in the alert and under the input', () => {
    const err = problem(TOO_LONG);
    renderWithApp(
      <>
        <ProblemAlert error={err} />
        <Location error={err} />
      </>,
    );
    expect(screen.getByTestId('problem-alert').textContent).toContain('请更正下列字段。');
    expect(screen.getByTestId('problem-alert-fields').textContent).toBe('location：太长或太大');
    const texts = screen.getAllByTestId('field-error-text');
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      expect(text.textContent).toBe('太长或太大');
      expect(text.getAttribute('title')).toBe('Must be at most 200 characters');
    }
  });

  it('translates each password-policy message and shows all of them under the field', () => {
    const messages = [
      'must be at least 12 characters long',
      'must mix at least three of: lower-case, upper-case, digits, symbols',
      'must not contain the username',
      'must be at most 256 characters long',
    ];
    const err = problem({
      title: 'Bad request',
      status: 400,
      detail: `The password ${messages.join('; ')}.`,
      code: 'user.password_policy',
      errors: messages.map((message) => ({ path: 'body.password', message, code: 'password_policy' })),
    });
    renderWithApp(<TextInput label="Password" error={fieldError(err, 'password')} />);
    expect(screen.getAllByTestId('field-error-text').map((e) => e.textContent)).toEqual([
      '长度至少为 12 个字符',
      '须至少包含小写字母、大写字母、数字、符号中的三类',
      '不能包含用户名',
      '长度不能超过 256 个字符',
    ]);
  });

  it('keeps the English message of a custom field error', () => {
    const message = 'The DIN check character is wrong';
    const err = problem({ ...TOO_LONG, errors: [{ path: 'body.location', message, code: 'custom' }] });
    renderWithApp(<Location error={err} />);
    expect(screen.getByText(message)).toBeTruthy();
  });

  it('says which record was not found, and the request id of an internal error', () => {
    renderWithApp(
      <>
        <ProblemAlert
          error={problem({
            status: 404,
            detail: 'Patient was not found.',
            code: 'not-found',
            params: { what: 'Patient' },
          })}
          testId="a"
        />
        <ProblemAlert
          error={problem({
            status: 404,
            detail: 'A collection with DIN A999926000001 was not found.',
            code: 'not-found',
            params: { what: 'A collection with DIN A999926000001' },
          })}
          testId="b"
        />
        <ProblemAlert
          error={problem({
            status: 404,
            detail: 'gmp batch was not found.',
            code: 'not-found',
            params: { what: 'gmp batch' },
          })}
          testId="c"
        />
        <ProblemAlert
          error={problem({
            status: 500,
            detail: 'Something went wrong on the server. Quote request id req-9 to support.',
            code: 'internal',
            requestId: 'req-9',
          })}
          testId="d"
        />
      </>,
    );
    expect(screen.getByTestId('a').textContent).toContain('未找到该患者。');
    expect(screen.getByTestId('b').textContent).toContain('未找到 DIN 为 A999926000001 的采集记录。');
    expect(screen.getByTestId('c').textContent).toContain('未找到该记录。');
    expect(screen.getByTestId('d').textContent).toContain('请将请求编号 req-9 提供给技术支持。');
  });

  it('has a Chinese sentence for every problem code the server sends', () => {
    const codes = [
      'auth.bad_credentials',
      'auth.login_required',
      'auth.locked',
      'forbidden',
      'signature.wrong_password',
      'validation',
      'bad-request',
      'too-large',
      'media-type',
      'rate-limited',
      'internal',
      'conflict',
      'user.password_policy',
      'user.username_taken',
      'study.code_taken',
      'patient.mrn_taken',
      'site.missing',
      'site.unknown_time_zone',
      'collection.order_cancelled',
      'collection.time_in_future',
      'collection.time_before_order',
      'custody.scan_mismatch',
      'custody.already_infused',
      'custody.time_in_future',
      'custody.time_before_collection',
      'scan.not_din',
      'gmp.reason_required',
      ...[
        'empty',
        'wrong_length',
        'lowercase',
        'invalid_character',
        'unknown_data_identifier',
        'missing_data_identifier',
        'missing_check_character',
        'check_character_mismatch',
        'type3_flag_mismatch',
        'invalid_date',
        'invalid_time',
        'invalid_time_zone',
        'compound_count_mismatch',
        'not_allowed_in_compound',
        'trailing_data',
        'invalid_argument',
      ].map((c) => `isbt128.${c}`),
    ];
    const missing = codes.filter((c) => typeof i18n.getResource('zh-CN', 'translation', `problems.${c}`) !== 'string');
    expect(missing).toEqual([]);
  });
});

describe('ProblemAlert in English', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows the server detail and field messages unchanged', () => {
    const err = problem(TOO_LONG);
    renderWithApp(
      <>
        <ProblemAlert error={problem(MISMATCH)} testId="mismatch" />
        <ProblemAlert error={err} testId="validation" />
        <Location error={err} />
      </>,
    );
    expect(screen.getByTestId('mismatch').textContent).toContain(MISMATCH.detail);
    expect(screen.getByTestId('validation').textContent).toContain(TOO_LONG.detail);
    expect(screen.getByTestId('validation-fields').textContent).toBe('location: Must be at most 200 characters');
    expect(screen.queryAllByTestId('field-error-text')).toEqual([]);
    expect(screen.queryByTitle(MISMATCH.detail!)).toBeNull();
  });
});
