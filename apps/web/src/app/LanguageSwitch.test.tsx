// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n, { LANG_STORAGE_KEY } from '../i18n';
import { renderWithApp } from '../test/render';
import { LanguageSwitch } from './LanguageSwitch';

function Probe() {
  const { t } = useTranslation();
  return <h1>{t('nav.patients')}</h1>;
}

describe('LanguageSwitch', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('switches visible text to Simplified Chinese and remembers the choice', async () => {
    renderWithApp(
      <>
        <LanguageSwitch />
        <Probe />
      </>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Patients');

    fireEvent.click(screen.getByTestId('lang-switch'));
    fireEvent.click(await screen.findByTestId('lang-option-zh-CN'));

    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('患者'));
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
