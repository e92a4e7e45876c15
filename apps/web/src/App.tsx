import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import type { i18n } from 'i18next';
import { useEffect, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import { configureClient } from './api/client';
import { createAppRouter } from './router';
import { afterSignOut } from './session/next';
import { SessionProvider, type SessionSnapshot } from './session/session';

configureClient();

/**
 * The providers: server state (TanStack Query), language (i18next, and React Aria's locale), the
 * browser session (restored on load; tests pass `session` to start signed in or out), routes.
 */
export function App({ i18n, history, session }: { i18n: i18n; history?: RouterHistory; session?: SessionSnapshot }) {
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
          <SessionProvider
            initial={session}
            onSignedOut={() => {
              // from a public page (e.g. /goodbye after erasing the account) the app stays there
              const to = afterSignOut(router.state.location.pathname);
              if (to) void router.navigate({ to });
            }}
          >
            <RouterProvider router={router} />
          </SessionProvider>
        </I18nProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
