import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../i18n';
import { createTestI18n } from '../i18n/testing';

/** Renders with the app's i18next instance and React Aria's locale, as App does. */
export function renderIn(lang: Language, ui: ReactElement) {
  const i18n = createTestI18n(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <I18nProvider locale={lang}>{ui}</I18nProvider>
    </I18nextProvider>,
  );
}
