import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import type { i18n } from 'i18next';
import { useEffect, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import { createAppRouter } from './router';

/** The providers: server state (TanStack Query), language (i18next, and React Aria's locale), routes. */
export function App({ i18n, history }: { i18n: i18n; history?: RouterHistory }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  const [router] = useState(() => createAppRouter(history));
  const [lang, setLang] = useState(i18n.language);
  useEffect(() => {
    i18n.on('languageChanged', setLang);
    return () => i18n.off('languageChanged', setLang);
  }, [i18n]);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <I18nProvider locale={lang}>
          <RouterProvider router={router} />
        </I18nProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
